package org.jkeepalived.genhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenhashTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Genhash(new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("genhash", true, args.length, List.of(args));
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
    void theServerIsReadAsInetPtonReadsItAfterCuttingARangeOrMask() {
        run("-s", "[::1]", "-p", "80", "-u", "/");
        run("-s", "10.0.0.01", "-p", "80", "-u", "/");
        assertEquals(1, run("-s", "10.0.0.1/24", "-p", "80", "-u", "/"));
        run("-s", "1.2.3.4.", "-p", "80", "-u", "/");
        assertEquals("server should be an IP, not [::1]\n", err().lines().findFirst().orElseThrow() + "\n");
        assertTrue(err().contains("server should be an IP, not 10.0.0.01\n"));
        assertTrue(err().contains("genhash: fetching a page is not implemented yet by jkeepalived\n"));
        assertTrue(err().contains("server should be an IP, not 1.2.3.4.\n"));
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
    void aValidCommandLineSaysFetchingIsNotImplementedAndFails() {
        assertEquals(1, run("--server", "10.0.0.1", "--port=8080", "-u", "/index.html", "-V", "www", "-P", "1.1"));
        assertEquals("genhash: fetching a page is not implemented yet by jkeepalived\n", err());
    }
}
