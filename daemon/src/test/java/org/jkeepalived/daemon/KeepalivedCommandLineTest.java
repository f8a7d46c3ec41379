package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeepalivedCommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private KeepalivedCommandLine.Outcome parse(String... args) {
        return new KeepalivedCommandLine(console, new Uname("Linux", "6.1.0", "#1 SMP"))
                .parse("/usr/sbin/keepalived", List.of(args));
    }

    private Options options(String... args) {
        return assertInstanceOf(KeepalivedCommandLine.Run.class, parse(args)).options();
    }

    private int exitStatus(String... args) {
        return assertInstanceOf(KeepalivedCommandLine.Exit.class, parse(args)).status();
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultsAreKeepalivedsDefaults() {
        Options options = options();
        assertEquals("/etc/keepalived/keepalived.conf", options.configFile());
        assertEquals(PidFiles.DEFAULT, options.pidFiles());
        assertEquals(Optional.empty(), options.configId());
        assertEquals(Options.Subsystems.DEFAULT, options.subsystems());
        assertEquals(Options.LogOptions.DEFAULT, options.log());
    }

    @Test
    void bundledShortOptionsAndBothLongFormsAreRead() {
        Options options = options("-nlDD", "--use-file=/x.conf", "--config-id", "lb1", "-pk.pid", "-e", "-d");
        assertTrue(options.dontFork());
        assertTrue(options.log().console());
        assertEquals(2, options.log().detailLevel());
        assertEquals("/x.conf", options.configFile());
        assertEquals(Optional.of("lb1"), options.configId());
        assertEquals(Path.of("k.pid"), options.pidFiles().main());
        assertTrue(options.includeCheckAll());
        assertTrue(options.dumpConf());
    }

    @Test
    void aLongOptionMayBeAbbreviatedToAUniquePrefix() {
        assertEquals("a.conf", options("--use=a.conf").configFile());
        assertEquals(1, exitStatus("--dont"));
        assertEquals("Unknown option --dont\n", err());
    }

    @Test
    void configTestTakesItsLogFileOnlyWhenAttached(@TempDir Path dir) throws Exception {
        Options options = options("-t", "-f", "k.conf");
        assertTrue(options.configTest());
        Path log = dir.resolve("test.log");
        parse("-t" + log, "-S", "9");
        assertEquals("number '9' outside range [0, 7]\nInvalid log facility '9'\n", Files.readString(log));
        assertEquals("", err());
    }

    @Test
    void anUnknownOptionAndAMissingParameterAreReportedAsKeepalivedDoes() {
        assertEquals(1, exitStatus("-Z", "--zork", "-f"));
        assertEquals("Unknown option -Z\nUnknown option --zork\nMissing parameter for option -f\n", err());
    }

    @Test
    void anEmptyRequiredArgumentIsAMissingParameter() {
        assertEquals(1, exitStatus("--use-file="));
        assertEquals("Missing parameter for option --use-file\n", err());
    }

    @Test
    void aMessageNamesTheNonOptionWordThatPrecededTheBadOption() {
        assertEquals(1, exitStatus("extra", "--zork"));
        assertEquals("Unknown option extra\n", err());
        assertEquals("Unexpected argument(s): extra \n", out());
    }

    @Test
    void theLogFileOptionIsRejectedAsInTheDebianBuild() {
        assertEquals(1, exitStatus("-g/tmp/x.log"));
        assertEquals("-g requires configure option --enable-log-file\n", err());
    }

    @Test
    void helpAfterABadOptionStillPrintsTheHelpAndSucceeds() {
        assertEquals(0, exitStatus("--zork", "-h"));
        assertTrue(err().startsWith("Unknown option --zork\nUsage: /usr/sbin/keepalived [OPTION...]\n"
                + "  -f, --use-file=FILE          Use the specified configuration file\n"));
        assertTrue(err().contains("implemented by a later release"));
    }

    @Test
    void versionStartsWithTheLineScriptsParse() {
        assertEquals(0, exitStatus("-v"));
        assertTrue(err().startsWith("Keepalived v2.2.7 (01/16,2022)\njkeepalived "));
        assertTrue(err().contains("Running on Linux 6.1.0 #1 SMP\n"));
    }

    @Test
    void signumPrintsTheSignalNumberOnStdout() {
        assertEquals(0, exitStatus("--signum=STATS_CLEAR"));
        assertEquals("63\n", out());
        assertEquals(1, exitStatus("--signum", "TDATA"));
        assertEquals("Unknown sigfunc TDATA\n", err());
    }

    @Test
    void genhashNotFirstWarnsAndRunsGenhash() {
        assertEquals(1, exitStatus("-n", "--genhash", "-h"));
        assertTrue(err().startsWith("Warning -- `genhash` not used as first option, previous options ignored\n"
                + "Usage: /usr/sbin/keepalived --genhash COMMAND [OPTIONS]\n"));
    }

    @Test
    void aNonNumericFacilityCountsAsAConfigErrorEvenWhenItsNameIsKnown() {
        Options options = options("-S", "local3");
        assertEquals(19, options.log().facility());
        assertEquals(Severity.INVALID_NUMBER, options.commandLineWorst());
        assertEquals(Severity.OK, options("-S", "3").commandLineWorst());
        assertEquals(1, options("-S", "user").log().facility());
    }

    @Test
    void aBadFacilityGoesUnreportedOnceTheLogWasToBeReopenedAsInKeepalived() {
        assertEquals(1, options("-S", "user", "-S", "localx").log().facility());
        options("-l", "-S", "x");
        assertEquals("", err());
        options("-S", "y", "-t", "-S", "x");
        assertEquals("Invalid log facility 'y'\ninvalid number 'x'\nInvalid log facility 'x'\n", err());
    }

    @Test
    void anUnknownLetterInABundleIsReportedAndTheLettersAfterItStillAct() {
        assertEquals(0, exitStatus("-nZh=1"));
        assertTrue(err().startsWith("Unknown option -Z\nUsage: /usr/sbin/keepalived [OPTION...]\n"));
    }

    @Test
    void aShortOptionsArgumentKeepsAnEqualsSignAsKeepalivedReadsIt() {
        assertEquals("=x.conf", options("-f=x.conf").configFile());
        assertEquals("x.conf", options("--use-file=x.conf").configFile());
    }

    @Test
    void anExactLongNameWinsOverTheLongerNamesItStarts() {
        assertEquals(new Options.Subsystems(true, true, true, true), options("--all").subsystems());
        assertTrue(options("--all-").includeCheckAll());
    }

    @Test
    void anInvalidUmaskIsReportedWithoutANewlineAndIgnored() {
        assertEquals(0022, options("-u", "022").umask().getAsInt());
        assertTrue(options("-u", "01000").umask().isEmpty());
        assertTrue(err().endsWith("Invalid --umask option 01000"));
    }

    @Test
    void subsystemOptionsClearTheirSubsystemAndAllSetsEveryOne() {
        assertEquals(new Options.Subsystems(true, false, true, false), options("-P").subsystems());
        assertEquals(new Options.Subsystems(false, true, false, false), options("-C", "-B").subsystems());
        assertEquals(new Options.Subsystems(true, true, true, true), options("-C", "--all").subsystems());
    }
}
