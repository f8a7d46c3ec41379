package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpRequestTest {
    private static String request(String path, HttpProtocol protocol, String virtualhost, String address, int port)
            throws Exception {
        InetSocketAddress destination = new InetSocketAddress(InetAddress.getByName(address), port);
        return new String(new HttpRequest(path, protocol, virtualhost).bytes(destination), StandardCharsets.UTF_8);
    }

    @Test
    void http10NamesTheDestinationAddressAndPortWithoutConnectionClose() throws Exception {
        assertEquals("GET /index.html HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 10.0.0.1:8080\r\n\r\n",
                request("/index.html", HttpProtocol.HTTP_1_0, null, "10.0.0.1", 8080));
    }

    @Test
    void http10cAndHttp11AskTheServerToClose() throws Exception {
        assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: 10.0.0.1:80\r\n\r\n",
                request("/", HttpProtocol.HTTP_1_0C, null, "10.0.0.1", 80));
        assertEquals("GET / HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: 10.0.0.1:80\r\n\r\n",
                request("/", HttpProtocol.HTTP_1_1, null, "10.0.0.1", 80));
    }

    @Test
    void aVirtualhostReplacesTheAddressAndPort() throws Exception {
        assertEquals("GET /x HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: www.example.com\r\n\r\n",
                request("/x", HttpProtocol.HTTP_1_0, "www.example.com", "2001:db8::1", 443));
    }

    @Test
    void anIpv6DestinationIsBracketedAsInetNtopWritesIt() throws Exception {
        assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: [2001:db8::1]:80\r\n\r\n",
                request("/", HttpProtocol.HTTP_1_0, null, "2001:db8:0:0:0:0:0:1", 80));
    }

    @Test
    void aRequestLongerThanKeepalivedsBufferIsCut() throws Exception {
        String request = request("/" + "a".repeat(3000), HttpProtocol.HTTP_1_0, null, "10.0.0.1", 80);
        assertEquals(2047, request.length());
        assertEquals("GET /aaa", request.substring(0, 8));
    }
}
