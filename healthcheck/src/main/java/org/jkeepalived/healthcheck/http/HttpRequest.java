package org.jkeepalived.healthcheck.http;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jkeepalived.config.value.IpAddresses;

/**
 * The GET request of keepalived 2.2.7's HTTP_GET and SSL_GET checkers and of genhash.
 *
 * @param path        the url's {@code path}, sent as it is written
 * @param protocol    the checker's {@code http_protocol}
 * @param virtualhost the Host header's value, or null to name the destination address and port
 */
public record HttpRequest(String path, HttpProtocol protocol, String virtualhost) {
    /** keepalived formats the request into a GET_BUFFER_LENGTH (2048) byte buffer, cutting what does not fit. */
    static final int MAX_REQUEST_BYTES = 2047;

    public HttpRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** The bytes sent to {@code destination}, which names itself in the Host header when there is no virtualhost. */
    public byte[] bytes(InetSocketAddress destination) {
        String host;
        if (virtualhost != null) {
            host = virtualhost;
        } else if (destination.getAddress() instanceof Inet6Address) {
            host = "[" + IpAddresses.format(destination.getAddress()) + "]:" + destination.getPort();
        } else {
            host = IpAddresses.format(destination.getAddress()) + ":" + destination.getPort();
        }
        String request = "GET " + path + " HTTP/1." + protocol.minorVersion() + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + (protocol.asksToClose() ? "Connection: close\r\n" : "")
                + "Host: " + host + "\r\n\r\n";
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        return bytes.length > MAX_REQUEST_BYTES ? Arrays.copyOf(bytes, MAX_REQUEST_BYTES) : bytes;
    }
}
