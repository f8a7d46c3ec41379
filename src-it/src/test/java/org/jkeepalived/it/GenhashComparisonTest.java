package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our bin/genhash next to the real /usr/bin/genhash 2.2.7 against the same local servers: the same digest, the same
 * -v dumps, the same failure texts and exit status, and the same request on the wire.
 */
class GenhashComparisonTest {
    private static final Path REFERENCE_GENHASH = Path.of("/usr/bin/genhash");
    private static final int RUN_LIMIT_SECONDS = 60;
    private static final String PLAIN_RESPONSE = "HTTP/1.0 200 OK\r\nContent-Length: 5\r\nServer: test\r\n\r\n"
            + "hello world\n";

    @TempDir
    static Path keys;

    private static SSLContext serverTls;

    /** What a test server does with one connection once it has read the request. */
    private interface Behaviour {
        void respond(Socket socket, OutputStream out) throws Exception;
    }

    @BeforeAll
    static void referenceGenhashIsInstalled() throws Exception {
        assumeTrue(Files.isExecutable(REFERENCE_GENHASH), "no /usr/bin/genhash to compare with");
        Path keyStore = keys.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Commands.check(List.of(keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "server",
                "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-keypass", "changeit"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @Test
    void aBodyWithContentLengthIsHashedUpToItsLengthWithTheSameVerboseDumps() throws Exception {
        try (TestServer server = TestServer.plain(sending(PLAIN_RESPONSE))) {
            List<String> requests = assertSameOutput(server, "-v");
            assertEquals(requests.get(0), requests.get(1));
            assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\n\r\n", requests.get(0));
        }
    }

    @Test
    void aChunkedBodyIsHashedWithItsChunkFraming() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "c\r\nhello world\n\r\n5\r\nagain\r\n0\r\n\r\n";
        try (TestServer server = TestServer.plain(sending(chunked))) {
            List<String> requests = assertSameOutput(server, "-v", "-P", "1.1");
            assertEquals(requests.get(0), requests.get(1));
        }
    }

    @Test
    void aCloseDelimitedBodyLongerThanTheReadBufferGivesTheSameDigest() throws Exception {
        String body = Stream.generate(() -> "0123456789abcdef").limit(2000).collect(Collectors.joining());
        try (TestServer server = TestServer.plain(sending("HTTP/1.0 200 OK\r\n\r\n" + body))) {
            assertSameOutput(server);
        }
    }

    @Test
    void aVirtualHostIsTheHostHeaderAndConnectionCloseFollowsTheProtocol() throws Exception {
        try (TestServer server = TestServer.plain(sending(PLAIN_RESPONSE))) {
            List<String> requests = assertSameOutput(server, "-V", "www.example.com", "-P", "1.0c");
            assertEquals(requests.get(0), requests.get(1));
            assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\n"
                    + "Host: www.example.com\r\n\r\n", requests.get(0));
        }
    }

    @Test
    void aNotFoundPageIsStillHashed() throws Exception {
        String notFound = "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<h1>Not Found</h1>\n";
        try (TestServer server = TestServer.plain(sending(notFound))) {
            assertSameOutput(server, "-v");
        }
    }

    @Test
    void anEmptyReplyIsNoDataReceived() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> { })) {
            assertSameOutput(server, "-v");
        }
    }

    @Test
    void aHeaderArrivingInPiecesPrintsItsBannerForEachRead() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> {
            writeFlushed(out, "HTTP/1.0 200 OK\r\n");
            Thread.sleep(300);
            writeFlushed(out, "X-Test: y\r\n\r\nab");
            Thread.sleep(300);
            writeFlushed(out, "cd");
        })) {
            assertSameOutput(server, "-v");
        }
    }

    @Test
    void aServerSilentAfterTheRequestIsTimeoutWebRead() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> Thread.sleep(3000))) {
            assertSameOutput(server, "-t", "1");
        }
    }

    @Test
    void aServerStallingMidResponseIsTimeoutHttpRead() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> {
            writeFlushed(out, "HTTP/1.0 200 OK\r\n\r\nstart");
            Thread.sleep(3000);
        })) {
            assertSameOutput(server, "-t", "1");
        }
    }

    @Test
    void aSlowServerWithinTheTimeoutIsHashed() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> {
            for (String piece : List.of("HTTP/1.0 200 OK\r\n\r\n", "slow ", "but ", "steady")) {
                writeFlushed(out, piece);
                Thread.sleep(400);
            }
        })) {
            assertSameOutput(server, "-t", "1");
        }
    }

    @Test
    void aResetIsReadError() throws Exception {
        try (TestServer server = TestServer.plain((socket, out) -> {
            writeFlushed(out, "HTTP/1.0 200 OK\r\n\r\npartial");
            socket.setSoLinger(true, 0);
        })) {
            assertSameOutput(server);
        }
    }

    @Test
    void aRefusedConnectionIsConnectionFailed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertSame(run(REFERENCE_GENHASH.toString(), "127.0.0.1", closedPort),
                run(ours(), "127.0.0.1", closedPort));
    }

    @Test
    void httpsIsHashedWithoutVerifyingTheCertificate() throws Exception {
        try (TestServer server = TestServer.tls(sending(PLAIN_RESPONSE))) {
            List<String> requests = assertSameOutput(server, "-S", "-v");
            assertEquals(requests.get(0), requests.get(1));
        }
    }

    @Test
    void sniCarriesTheVirtualHostOnlyWhenAsked() throws Exception {
        try (TestServer server = TestServer.tls(sending(PLAIN_RESPONSE))) {
            assertSameOutput(server, "-S", "-V", "www.example.com");
            assertSameOutput(server, "-S", "-I", "-V", "www.example.com");
            assertEquals(List.of("", "", "www.example.com", "www.example.com"), server.serverNames());
        }
    }

    @Test
    void httpsSilentAfterTheRequestTimesOutLikeTheReference() throws Exception {
        try (TestServer server = TestServer.tls((socket, out) -> Thread.sleep(3000))) {
            assertSameOutput(server, "-S", "-t", "1");
        }
    }

    @Test
    void httpsClosedCleanlyBeforeAnyReplyIsSslReadError() throws Exception {
        try (TestServer server = TestServer.tls((socket, out) -> { })) {
            assertSameOutput(server, "-S", "-v");
        }
    }

    @Test
    void httpsCloseNotifyEndsTheResponseWhileTheSocketStaysOpen() throws Exception {
        try (TestServer server = TestServer.tls((socket, out) -> {
            writeFlushed(out, PLAIN_RESPONSE);
            socket.shutdownOutput();
            Thread.sleep(3000);
        })) {
            assertSameOutput(server, "-S", "-v", "-t", "2");
        }
    }

    @Test
    void httpsWithABodyLongerThanTheReadBufferGivesTheSameDigest() throws Exception {
        String body = Stream.generate(() -> "0123456789abcdef").limit(3000).collect(Collectors.joining());
        try (TestServer server = TestServer.tls(sending("HTTP/1.1 200 OK\r\n\r\n" + body))) {
            assertSameOutput(server, "-S", "-P", "1.1");
        }
    }

    @Test
    void aHeaderLongerThanTheReadBufferIsNoData() throws Exception {
        String header = "HTTP/1.0 200 OK\r\nX-Long: " + "a".repeat(5000) + "\r\n\r\nbody";
        try (TestServer server = TestServer.plain(sending(header))) {
            assertSameOutput(server, "-v");
        }
    }

    @Test
    void anIpv6ServerIsNamedInBracketsInTheHostHeader() throws Exception {
        try (TestServer server = TestServer.plainOn(InetAddress.getByName("::1"), sending(PLAIN_RESPONSE))) {
            List<String> requests = assertSameOutputAt(server, "::1");
            assertEquals(requests.get(0), requests.get(1));
            assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: [::1]:" + server.port()
                    + "\r\n\r\n", requests.get(0));
        }
    }

    @Test
    void anIpv4MappedServerStaysIpv6InTheHostHeader() throws Exception {
        try (TestServer server = TestServer.plainOn(InetAddress.getByName("::"), sending(PLAIN_RESPONSE))) {
            List<String> requests = assertSameOutputAt(server, "::ffff:127.0.0.1");
            assertEquals(requests.get(0), requests.get(1));
            assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: [::ffff:127.0.0.1]:" + server.port()
                    + "\r\n\r\n", requests.get(0));
        }
    }

    @Test
    void aZeroTimeoutConnectsButTimesOutWritingTheRequest() throws Exception {
        try (TestServer server = TestServer.plain(sending(PLAIN_RESPONSE))) {
            assertSameOutput(server, "-t", "0");
        }
    }

    @Test
    void aFirewallMarkOnTheSocketChangesNothingOnLoopback() throws Exception {
        // without CAP_NET_ADMIN keepalived cannot set SO_MARK and reschedules its connect attempt forever
        assumeTrue("root".equals(System.getProperty("user.name")), "SO_MARK needs root");
        try (TestServer server = TestServer.plain(sending(PLAIN_RESPONSE))) {
            assertSameOutput(server, "-m", "5", "-v");
        }
    }

    @Test
    void httpsToAPlainServerIsAHandshakeError() throws Exception {
        try (TestServer server = TestServer.plain(sending(PLAIN_RESPONSE))) {
            assertSameOutput(server, "-S", "-t", "2");
        }
    }

    private static Behaviour sending(String response) {
        return (socket, out) -> writeFlushed(out, response);
    }

    private static void writeFlushed(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Runs both against {@code server} on 127.0.0.1 and returns the two requests the server received. */
    private static List<String> assertSameOutput(TestServer server, String... options) throws Exception {
        return assertSameOutputAt(server, "127.0.0.1", options);
    }

    private static List<String> assertSameOutputAt(TestServer server, String address, String... options)
            throws Exception {
        int before = server.requests().size();
        assertSame(run(REFERENCE_GENHASH.toString(), address, server.port(), options),
                run(ours(), address, server.port(), options));
        return server.requests().subList(before, server.requests().size());
    }

    private static void assertSame(Commands.Outcome reference, Commands.Outcome ours) {
        String context = "reference " + reference.describe() + "\nours " + ours.describe();
        assertEquals(reference.status(), ours.status(), context);
        assertEquals(withoutTimes(reference.stdout()), withoutTimes(ours.stdout()), context);
        assertEquals(reference.stderr(), ours.stderr(), context);
    }

    private static String withoutTimes(String output) {
        return output.replaceAll("= [0-9]+ usecs", "= N usecs");
    }

    private static String ours() {
        return ItEnvironment.root().resolve("bin/genhash").toString();
    }

    private static Commands.Outcome run(String genhash, String address, int port, String... options)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(genhash, "-s", address, "-p", String.valueOf(port), "-u", "/"));
        command.addAll(List.of(options));
        return Commands.run(command, null, Map.of("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath()),
                RUN_LIMIT_SECONDS);
    }

    /** A loopback server answering each connection with one behaviour, keeping the requests it read. */
    private static final class TestServer implements AutoCloseable {
        private final ServerSocket listener;
        private final Behaviour behaviour;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private final List<String> serverNames = Collections.synchronizedList(new ArrayList<>());
        private final Thread acceptor;

        private TestServer(ServerSocket listener, Behaviour behaviour) {
            this.listener = listener;
            this.behaviour = behaviour;
            this.acceptor = new Thread(this::serve, "genhash-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        static TestServer plain(Behaviour behaviour) throws IOException {
            return plainOn(InetAddress.getByName("127.0.0.1"), behaviour);
        }

        static TestServer plainOn(InetAddress address, Behaviour behaviour) throws IOException {
            return new TestServer(new ServerSocket(0, 50, address), behaviour);
        }

        static TestServer tls(Behaviour behaviour) throws IOException {
            SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new TestServer(listener, behaviour);
        }

        int port() {
            return listener.getLocalPort();
        }

        List<String> requests() {
            return requests;
        }

        /** The SNI names TLS clients sent, "" for none, in connection order. */
        List<String> serverNames() {
            return serverNames;
        }

        private void serve() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread connection = new Thread(() -> answer(socket), "genhash-test-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    if (listener.isClosed()) {
                        return;
                    }
                }
            }
        }

        private void answer(Socket accepted) {
            try (Socket socket = accepted) {
                if (socket instanceof SSLSocket tls) {
                    tls.startHandshake();
                    serverNames.add(((ExtendedSSLSession) tls.getSession()).getRequestedServerNames().stream()
                            .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse(""));
                }
                requests.add(readRequest(socket.getInputStream()));
                behaviour.respond(socket, socket.getOutputStream());
            } catch (IOException e) {
                // the client went away: part of some tests
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            while (!request.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                request.write(b);
            }
            return request.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            listener.close();
            try {
                acceptor.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
