package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpGetClientTest {
    private static final long TIMEOUT_MICROS = 500_000;
    private static CheckerEventLoop loop;
    private static HttpGetClient client;

    /** What a one-connection server does after reading the request's end. */
    private interface Reply {
        void send(Socket socket, OutputStream out) throws Exception;
    }

    @BeforeAll
    static void startLoop() {
        loop = CheckerEventLoop.start();
        client = new HttpGetClient(loop);
    }

    @AfterAll
    static void stopLoop() {
        loop.close();
    }

    private static HttpGetResult fetchFrom(Reply reply) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    InputStream in = socket.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                    }
                    reply.send(socket, socket.getOutputStream());
                } catch (Exception e) {
                    // the client went away first: some tests want that
                }
            });
            server.setDaemon(true);
            server.start();
            return fetch(listener.getLocalPort());
        }
    }

    private static HttpGetResult fetch(int port) throws Exception {
        InetSocketAddress destination = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpGetTarget target = new HttpGetTarget(destination, null, 0, TIMEOUT_MICROS, null,
                new HttpRequest("/", HttpProtocol.HTTP_1_0, null));
        return client.fetch(target, HttpResponseObserver.NONE).get(10, TimeUnit.SECONDS);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void aResponseEndedByTheServerIsReceivedWithItsDigest() throws Exception {
        HttpGetResult result = fetchFrom((socket, out) -> write(out, "HTTP/1.0 200 OK\r\n\r\nhello"));
        HttpGetResult.Received received = assertInstanceOf(HttpGetResult.Received.class, result);
        assertEquals(HttpGetResult.End.END_OF_STREAM, received.end());
        assertEquals(200, received.response().statusCode());
        assertEquals("5d41402abc4b2a76b9719d911017c592", received.response().md5Hex());
    }

    @Test
    void silenceAfterTheRequestIsTimeoutWebRead() throws Exception {
        assertEquals(new HttpGetResult.Failed(HttpFailure.TIMEOUT_WEB_READ),
                fetchFrom((socket, out) -> Thread.sleep(2000)));
    }

    @Test
    void silenceBetweenReadsIsTimeoutHttpRead() throws Exception {
        assertEquals(new HttpGetResult.Failed(HttpFailure.TIMEOUT_HTTP_READ), fetchFrom((socket, out) -> {
            write(out, "HTTP/1.0 200 OK\r\n");
            Thread.sleep(2000);
        }));
    }

    @Test
    void aResetIsAReadError() throws Exception {
        assertEquals(new HttpGetResult.Failed(HttpFailure.READ_ERROR), fetchFrom((socket, out) -> {
            write(out, "HTTP/1.0 200 OK\r\n\r\nhal");
            socket.setSoLinger(true, 0);
        }));
    }

    @Test
    void aClosedPortIsConnectionFailed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertEquals(new HttpGetResult.Failed(HttpFailure.CONNECTION_FAILED), fetch(closedPort));
    }
}
