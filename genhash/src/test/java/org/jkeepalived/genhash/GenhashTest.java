package org.jkeepalived.genhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class GenhashTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** Each reading a millisecond after the one before. */
    private final LongSupplier nanoClock = new LongSupplier() {
        private long nanos;

        @Override
        public long getAsLong() {
            nanos += 1_000_000;
            return nanos;
        }
    };

    private int run(String... args) {
        return new Genhash(new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.UTF_8), nanoClock)
                .run("genhash", true, args.length, List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(probe.getLocalPort());
        }
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsTheUsageAndFails() {
        assertEquals(1, run("-h", "-v"));
        assertTrue(err().startsWith("Usage: genhash COMMAND [OPTIONS]\nCommands:\n"));
        assertTrue(err().endsWith("   --timeout         -t       Timeout in seconds\n"));
    }

    @Test
    void theServerMustBeAnIpLiteral() {
        assertEquals(1, run("-s", "example.com", "-p", "80", "-u", "/"));
        assertTrue(err().startsWith("server should be an IP, not example.com\nUsage: genhash"));
    }

    @Test
    void theServerIsReadAsInetPtonReadsItAfterCuttingARangeOrMask() throws IOException {
        run("-s", "[::1]", "-p", "80", "-u", "/");
        run("-s", "10.0.0.01", "-p", "80", "-u", "/");
        assertEquals(0, run("-s", "127.0.0.1/8", "-p", closedPort(), "-u", "/"));
        run("-s", "1.2.3.4.", "-p", "80", "-u", "/");
        assertEquals("server should be an IP, not [::1]\n", err().lines().findFirst().orElseThrow() + "\n");
        assertTrue(err().contains("server should be an IP, not 10.0.0.01\n"));
        assertTrue(err().contains("server should be an IP, not 1.2.3.4.\n"));
        assertEquals("Connection failed\n", out());
    }

    @Test
    void thePortMustBeInRange() {
        assertEquals(1, run("-s", "10.0.0.1", "-p", "65536", "-u", "/"));
        assertTrue(err().startsWith("invalid port number '65536'\n"));
    }

    @Test
    void theProtocolAndTimeoutAreChecked() {
        run("-s", "::1", "-p", "80", "-u", "/", "-P", "2.0");
        run("-s", "::1", "-p", "80", "-u", "/", "-t", "-3");
        assertTrue(err().contains("invalid HTTP protocol version '2.0'\n"));
        assertTrue(err().contains("invalid timeout '-3'\n"));
    }

    @Test
    void serverPortAndUrlAreAllRequired() {
        assertEquals(1, run("-s", "10.0.0.1", "-p", "80"));
        assertTrue(err().startsWith("Usage: genhash"));
    }

    @Test
    void extraWordsAreUnexpected() {
        run("-s", "10.0.0.1", "-p", "80", "-u", "/", "more");
        assertTrue(err().startsWith("Unexpected argument(s): more\nUsage:"));
    }

    @Test
    void aValidCommandLineFetchesAndExitsZeroWhateverTheOutcome() throws IOException {
        assertEquals(0, run("--server", "127.0.0.1", "--port=" + closedPort(), "-u", "/index.html", "-V", "www",
                "-P", "1.1"));
        assertEquals("Connection failed\n", out());
        assertEquals("", err());
    }

    @Test
    void verboseModeEndsWithTheResponseTimeOfTheUrl() throws IOException {
        assertEquals(0, run("-v", "-s", "::1", "-p", closedPort(), "-u", "/status"));
        assertEquals("Connection failed\n\nGlobal response time for [/status] = 1000 usecs\n", out());
    }

    @Test
    void theDigestOfABodyIsPrintedWithTheVerboseDumps() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    byte[] request = new byte[1024];
                    int read = 0;
                    while (!new String(request, 0, read, StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        read += socket.getInputStream().read(request, read, request.length - read);
                    }
                    socket.getOutputStream().write("HTTP/1.0 200 OK\r\n\r\nhello".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            server.start();
            assertEquals(0, run("-v", "-s", "127.0.0.1", "-p", String.valueOf(listener.getLocalPort()), "-u", "/"));
            server.join();
        }
        assertEquals("-----------------------[    HTTP Header Buffer    ]-----------------------\n"
                + "0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.\n"
                + "0016  0a 0d 0a                -                           ...             \n"
                + "-----------------------[ HTTP Header Ascii Buffer ]-----------------------\n"
                + "HTTP/1.0 200 OK\r\n\r\n\n"
                + "-----------------------[        HTML Buffer        ]-----------------------\n"
                + "0000  68 65 6c 6c 6f          -                           hello           \n"
                + "\n"
                + "-----------------------[    HTML hash resulting    ]-----------------------\n"
                + "0000  5d 41 40 2a bc 4b 2a 76 - b9 71 9d 91 10 17 c5 92   ]A@*.K*v.q......\n"
                + "-----------------------[ HTML hash final resulting ]-----------------------\n"
                + "5d41402abc4b2a76b9719d911017c592\n"
                + "\n"
                + "Global response time for [/] = 1000 usecs\n", out());
    }
}
