package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each checker type against a real server on loopback that the test runs, through the factory. */
class CheckersTest extends CheckerTestBase {
    private HttpServer httpServer;

    /** What the test's HTTP server answers on one path: a status, and a body when it is not empty. */
    private record HttpReply(int status, String body) {
    }

    @AfterEach
    void stopServer() {
        if (httpServer != null) {
            httpServer.stop(0);
        }
    }

    /** Starts an HTTP server on loopback that answers each path (a context: the path and below) as given; its port. */
    private int serveHttp(Map<String, HttpReply> replies) throws IOException {
        httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        replies.forEach((path, reply) -> httpServer.createContext(path, exchange -> {
            byte[] body = reply.body().getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }));
        httpServer.start();
        return httpServer.getAddress().getPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aTcpCheckerLogsItsSuccessAndGoesDownWhenTheListenerCloses() throws Exception {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int port = listener.getLocalPort();
        checker.start(port, """
                TCP_CHECK {
                    connect_timeout 1
                    retry 1
                    delay_before_retry 0.1
                }
                """);
        String server = "[127.0.0.1]:tcp:" + port;
        // keepalived reports a checker's first verdict even when it leaves the state as it started
        assertEquals("up", checker.nextVerdict());
        checker.awaitLogLine("TCP connection to " + server + " success.");
        listener.close();
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("TCP_CHECK on service " + server + " failed after 1 retries.");
    }

    @Test
    void anHttpCheckerComparesTheStatusCodeAndTheDigestOfEachUrl() throws Exception {
        int port = serveHttp(Map.of("/ok", new HttpReply(200, "hello\n"), "/missing", new HttpReply(404, "")));
        checker.start(port, """
                HTTP_GET {
                    url {
                        path /ok
                        digest b1946ac92492d2347c6235b4d2611184
                    }
                    url {
                        path /missing
                        status_code 404
                    }
                    connect_timeout 5
                    retry 0
                    delay_before_retry 0.1
                }
                """);
        assertEquals("up", checker.nextVerdict());
        checker.awaitLogLine("Remote Web server [127.0.0.1]:tcp:" + port + " succeed on service.");
        assertTrue(checker.noMoreVerdicts());
    }

    @Test
    void anHttpCheckerGoesDownOnAWrongStatusCode() throws Exception {
        int port = serveHttp(Map.of("/", new HttpReply(500, "")));
        checker.start(port, """
                HTTP_GET {
                    url {
                        path /
                    }
                    connect_timeout 1
                    retry 1
                    delay_before_retry 0.1
                }
                """);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("HTTP_CHECK on service [127.0.0.1]:tcp:" + port + " failed after 1 retries.");
    }

    @Test
    void anHttpCheckerSearchesTheBodyWithEachUrlsRegex() throws Exception {
        int port = serveHttp(Map.of("/", new HttpReply(200, "<html>status: degraded</html>\n")));
        checker.start(port, """
                HTTP_GET {
                    url {
                        path /status
                        regex "status: (ok|degraded)"
                    }
                    url {
                        path /errors
                        regex "DEGRADED"
                        regex_options caseless
                        regex_no_match
                    }
                    connect_timeout 1
                    retry 0
                    delay_before_retry 0.1
                }
                """);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("HTTP_CHECK on service [127.0.0.1]:tcp:" + port + " failed.");
    }

    @Test
    void anSmtpCheckerHoldsTheDialogueWithAResponder() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> serveSmtp(listener));
            responder.setDaemon(true);
            responder.start();
            int port = listener.getLocalPort();
            checker.start(port, """
                    SMTP_CHECK {
                        connect_timeout 1
                        retry 0
                    }
                    """);
            checker.awaitLogLine("Remote SMTP server [127.0.0.1]:tcp:" + port + " succeed on service.");
        }
    }

    private static void serveSmtp(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write("220 test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                in.readLine();
                out.write("250 hello\r\n".getBytes(StandardCharsets.US_ASCII));
                in.readLine();
                out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void anSmtpCheckerRefusesABadBanner() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket socket = listener.accept()) {
                        socket.getOutputStream().write("554 go away\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            responder.setDaemon(true);
            responder.start();
            int port = listener.getLocalPort();
            checker.start(port, """
                    SMTP_CHECK {
                        connect_timeout 1
                        retry 0
                    }
                    """);
            assertEquals("down", checker.nextVerdict());
            checker.awaitLogLine("SMTP_CHECK Bad greeting banner from server [127.0.0.1]:" + port);
        }
    }

    @Test
    void aDnsCheckerTakesAnAnswerAndFailsOnAnErrorCode() throws Exception {
        try (DatagramSocket responder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[512];
                try {
                    while (true) {
                        DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                        responder.receive(query);
                        byte[] reply = java.util.Arrays.copyOf(query.getData(), query.getLength());
                        reply[2] |= (byte) 0x80;
                        reply[3] = 3;
                        responder.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            thread.setDaemon(true);
            thread.start();
            int port = responder.getLocalPort();
            checker.start(port, """
                    DNS_CHECK {
                        connect_timeout 1
                        retry 0
                    }
                    """);
            assertEquals("down", checker.nextVerdict());
            checker.awaitLogLine("DNS_CHECK ([127.0.0.1]:tcp:" + port + ") read error occurred. (rcode = 3)");
        }
    }

    @Test
    void aUdpCheckerGoesDownOnThePortUnreachableError() throws Exception {
        int port = freePort();
        checker.start(port, """
                UDP_CHECK {
                    connect_timeout 0.5
                    retry 0
                }
                """);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("UDP_CHECK on service [127.0.0.1]:tcp:" + port + " failed.");
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void aMiscCheckerFollowsTheExitStatusAndSetsTheDynamicWeight() throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "12");
        Path script = script("check.sh", "exit $(cat " + status + ")");
        checker.start(8080, """
                MISC_CHECK {
                    misc_path "%s"
                    misc_dynamic
                    retry 0
                }
                """.formatted(script));
        assertEquals("weight 10", checker.nextVerdict());
        assertEquals("up", checker.nextVerdict());
        Files.writeString(status, "1");
        // keepalived drops the dynamic part of the weight as the server goes down
        assertEquals("weight 7", checker.nextVerdict());
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("Misc check for [[127.0.0.1]:tcp:8080 VS [10.9.9.9]:tcp:80] by [" + script.toRealPath()
                + "] failed with retry disabled (exited with status 1).");
        Files.writeString(status, "0");
        assertEquals("up", checker.nextVerdict());
    }

    @Test
    void aHangingMiscScriptIsKilledAtItsTimeout() throws Exception {
        Path script = script("hang.sh", "exec sleep 30");
        checker.start(8080, """
                MISC_CHECK {
                    misc_path "%s"
                    misc_timeout 0.3
                    retry 0
                }
                """.formatted(script));
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("Misc check for [[127.0.0.1]:tcp:8080 VS [10.9.9.9]:tcp:80] by [" + script.toRealPath()
                + "] timed out with retry disabled.");
    }
}
