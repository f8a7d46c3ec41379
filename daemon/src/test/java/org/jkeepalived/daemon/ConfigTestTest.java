package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.RawSetting;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;

class ConfigTestTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private Options options(String... args) {
        var outcome = new KeepalivedCommandLine(console, new Uname("Linux", "6.1", "#1"))
                .parse("keepalived", List.of(args));
        return ((KeepalivedCommandLine.Run) outcome).options();
    }

    private static LoadResult result(Severity worst, List<Diagnostic> diagnostics, List<RawSetting> notActedOn) {
        return new LoadResult(Optional.of(new KeepalivedConfig(null, null, null, notActedOn)), diagnostics, worst,
                OptionalInt.empty());
    }

    @Test
    void diagnosticsGoToStderrAndKeywordsNotActedOnToStdout() {
        Diagnostic unknown = new Diagnostic(Severity.UNKNOWN_KEYWORD, new Location("k.conf", 5),
                "Unknown keyword 'zork'");
        RawSetting kept = new RawSetting("vrrp_instance VI_1", "garp_master_repeat", List.of("5"),
                new Location("k.conf", 9));
        int status = new ConfigTest(console).run(options("-t"),
                result(Severity.UNKNOWN_KEYWORD, List.of(unknown), List.of(kept)));
        assertEquals(5, status);
        assertEquals("(k.conf: Line 5) Unknown keyword 'zork'\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("Configuration test: 1 keyword(s) accepted, not yet acted on by jkeepalived:\n"
                + "  k.conf:9: vrrp_instance VI_1 > garp_master_repeat 5\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodConfigPrintsNothingAndPasses() {
        assertEquals(0, new ConfigTest(console).run(options("-t"), result(Severity.OK, List.of(), List.of())));
        assertEquals("", err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aNonNumericLogFacilityMakesAGoodConfigAnError() {
        assertEquals(5, new ConfigTest(console).run(options("-t", "-S", "user"),
                result(Severity.OK, List.of(), List.of())));
    }

    @Test
    void anAbortedLoadExitsWithTheAbortStatus() {
        LoadResult aborted = new LoadResult(Optional.empty(), List.of(), Severity.MISSING_PARAMETER,
                OptionalInt.of(2));
        assertEquals(2, new ConfigTest(console).run(options("-t"), aborted));
    }
}
