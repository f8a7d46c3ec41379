package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP_GET against loopback servers that write exact bytes: the three ways of delimiting a body, each digest-checked,
 * and the failures of slow, stalled, resetting and absent servers with keepalived 2.2.7's timeout_epilog lines (the
 * real genhash 2.2.7 prints the same words for the same servers).
 */
class HttpServersTest extends CheckerTestBase {
    private ScriptedServer server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static String md5Hex(String bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(bytes.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * An HTTP_GET of "/" with this digest, the protocol given and a check that gives up at the first failure; alpha
     * starts it down, so that its success is logged.
     */
    private void startHttpGet(String digestHex, String protocol, boolean alpha) throws IOException {
        checker.start(server.port(), """
                HTTP_GET {
                    url {
                        path /
                        digest %s
                    }
                    http_protocol %s
                    connect_timeout 1
                    retry 0
                    delay_before_retry 0.1
                    log_all_failures
                    %s
                }
                """.formatted(digestHex, protocol, alpha ? "alpha" : ""));
    }

    private String serverName() {
        return "[127.0.0.1]:tcp:" + server.port();
    }

    private void assertSucceeds(String digestHex, String protocol) throws Exception {
        startHttpGet(digestHex, protocol, true);
        assertEquals("up", checker.nextVerdict());
        checker.awaitLogLine("MD5 digest success to " + serverName() + " url(/)");
        checker.awaitLogLine("Remote Web server " + serverName() + " succeed on service.");
    }

    private void assertFailsWith(String timeoutEpilogText) throws Exception {
        startHttpGet(md5Hex("hello\n"), "1.0", false);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine(timeoutEpilogText + " server " + serverName() + ".");
        checker.awaitLogLine("HTTP_CHECK on service " + serverName() + " failed.");
    }

    @Test
    void aBodyCutAtItsContentLengthIsDigestedUpToThatLengthAndTheExtraBytesAreReportedOnce() throws Exception {
        server = ScriptedServer.plain(ScriptedServer.replying(
                "HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\nEXTRA"));
        assertSucceeds(md5Hex("hello\n"), "1.0");
        checker.awaitLogLine("http_check for RS " + serverName() + " VS [10.9.9.9]:tcp:80 url /: content_length (6)"
                + " does not match received bytes (11)");
    }

    @Test
    void aChunkedBodyIsDigestedWithItsChunkFramingAsKeepalivedDoes() throws Exception {
        String chunked = "3\r\nhel\r\n3\r\nlo\n\r\n0\r\n\r\n";
        server = ScriptedServer.plain(ScriptedServer.replying(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked));
        // genhash 2.2.7 prints c49f5da5c3b2127f8e5ff59bbf40897b for this server
        assertEquals("c49f5da5c3b2127f8e5ff59bbf40897b", md5Hex(chunked));
        assertSucceeds(md5Hex(chunked), "1.1");
        assertTrue(server.requestHeaders().get(0).startsWith("GET / HTTP/1.1\r\n"), server.requestHeaders().get(0));
    }

    @Test
    void aBodyEndedByTheServerClosingIsDigestedWhole() throws Exception {
        server = ScriptedServer.plain(ScriptedServer.replying("HTTP/1.0 200 OK\r\n\r\nhello\n"));
        assertSucceeds(md5Hex("hello\n"), "1.0");
    }

    @Test
    void aBodyWithTheWrongDigestFailsTheCheck() throws Exception {
        server = ScriptedServer.plain(ScriptedServer.replying("HTTP/1.0 200 OK\r\n\r\nhello, changed\n"));
        assertFailsWith("MD5 digest error to");
    }

    @Test
    void aServerAnsweringAfterTheConnectTimeoutFailsWithTheWebReadTimeout() throws Exception {
        server = ScriptedServer.plain((connection, request) -> {
            Thread.sleep(2_500);
            ScriptedServer.write(connection, "HTTP/1.0 200 OK\r\n\r\nhello\n");
        });
        assertFailsWith("Timeout WEB read");
    }

    @Test
    void aServerThatStopsInTheMiddleOfTheBodyFailsWithTheHttpReadTimeout() throws Exception {
        server = ScriptedServer.plain((connection, request) -> {
            ScriptedServer.write(connection, "HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhel");
            ScriptedServer.awaitClientClose(connection);
        });
        assertFailsWith("Timeout HTTP read");
    }

    @Test
    void aServerThatResetsTheConnectionFailsWithTheReadError() throws Exception {
        server = ScriptedServer.plain((connection, request) -> {
            connection.setSoLinger(true, 0);
            connection.close();
        });
        assertFailsWith("Read error with");
    }

    @Test
    void aRefusedConnectionFailsAsAFailedConnection() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        checker.start(port, """
                HTTP_GET {
                    url {
                        path /
                    }
                    connect_timeout 1
                    retry 0
                    log_all_failures
                }
                """);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine("Connection failed server [127.0.0.1]:tcp:" + port + ".");
        checker.awaitLogLine("HTTP_CHECK on service [127.0.0.1]:tcp:" + port + " failed.");
    }
}
