package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSL_GET against HTTPS servers on loopback with a self-signed certificate the test makes, which keepalived 2.2.7 does
 * not verify.
 */
class SslServersTest extends CheckerTestBase {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static SSLContext serverTls;

    @TempDir
    static Path keys;

    private HttpsServer httpsServer;
    private ScriptedServer scriptedServer;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = keys.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + output);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, STORE_PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @AfterEach
    void stopServers() throws IOException {
        if (httpsServer != null) {
            httpsServer.stop(0);
        }
        if (scriptedServer != null) {
            scriptedServer.close();
        }
    }

    @Test
    void anSslGetComparesTheDigestOfTheBodyServedOverTls() throws Exception {
        httpsServer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        httpsServer.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        httpsServer.createContext("/health", exchange -> {
            byte[] body = "secure\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        httpsServer.start();
        int port = httpsServer.getAddress().getPort();
        checker.start(port, """
                SSL_GET {
                    url {
                        path /health
                        digest %s
                    }
                    connect_timeout 5
                    retry 0
                    alpha
                }
                """.formatted(HttpServersTest.md5Hex("secure\n")));
        assertEquals("up", checker.nextVerdict());
        checker.awaitLogLine("MD5 digest success to [127.0.0.1]:tcp:" + port + " url(/health)");
        checker.awaitLogLine("Remote Web server [127.0.0.1]:tcp:" + port + " succeed on service.");
    }

    @Test
    void anSslGetWithSniSendsTheVirtualhostInTheHandshakeAndInTheHostHeader() throws Exception {
        List<List<String>> sniNames = new CopyOnWriteArrayList<>();
        scriptedServer = ScriptedServer.tls(serverTls, (connection, request) -> {
            ExtendedSSLSession session = (ExtendedSSLSession) ((SSLSocket) connection).getSession();
            sniNames.add(session.getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).toList());
            ScriptedServer.write(connection, "HTTP/1.0 200 OK\r\n\r\nvirtual\n");
        });
        checker.start(scriptedServer.port(), """
                SSL_GET {
                    url {
                        path /
                        digest %s
                    }
                    virtualhost www.example.test
                    enable_sni
                    connect_timeout 5
                    retry 0
                }
                """.formatted(HttpServersTest.md5Hex("virtual\n")));
        assertEquals("up", checker.nextVerdict());
        assertEquals(List.of("www.example.test"), sniNames.get(0));
        assertTrue(scriptedServer.requestHeaders().get(0).contains("\r\nHost: www.example.test\r\n"),
                scriptedServer.requestHeaders().get(0));
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeFailsAsATimeoutConnecting() throws Exception {
        scriptedServer = ScriptedServer.plain((connection, request) -> {
        });
        assertSslGetFailsWith(scriptedServer.port(), "Timeout connecting");
    }

    @Test
    void aServerSpeakingPlainHttpFailsTheHandshake() throws Exception {
        scriptedServer = ScriptedServer.speakingFirst(ScriptedServer.replying(
                "HTTP/1.0 400 Bad Request\r\n\r\nnot tls"));
        assertSslGetFailsWith(scriptedServer.port(), "SSL handshake/communication error connecting to");
    }

    private void assertSslGetFailsWith(int port, String timeoutEpilogText) throws Exception {
        checker.start(port, """
                SSL_GET {
                    url {
                        path /
                    }
                    connect_timeout 1
                    retry 0
                    log_all_failures
                }
                """);
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine(timeoutEpilogText + " server [127.0.0.1]:tcp:" + port + ".");
        checker.awaitLogLine("HTTP_CHECK on service [127.0.0.1]:tcp:" + port + " failed.");
    }
}
