package org.jkeepalived.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.Values;
import org.jkeepalived.genhash.Genhash;
import org.jkeepalived.getopt.GetoptLong;
import org.jkeepalived.getopt.GetoptLong.HasArg;
import org.jkeepalived.getopt.GetoptLong.LongOption;

/**
 * keepalived 2.2.7's {@code parse_cmdline} (keepalived/core/main.c): acts on each option in order, as keepalived
 * does, so {@code -h}, {@code -v}, {@code --signum} and {@code -T} finish the run where they stand, after the
 * complaints about options before them.
 */
public final class KeepalivedCommandLine {
    /** What to do after reading the command line. */
    public sealed interface Outcome {
    }

    /** Run (or config-test) with these options. */
    public record Run(Options options) implements Outcome {
    }

    /** Exit at once with this status; the output is already written. */
    public record Exit(int status) implements Outcome {
    }

    private static final int ALL = 3;
    private static final int SIGNUM = 4;
    private static final int CONFIG_FD = 8;

    private static final GetoptLong GETOPT = new GetoptLong(":vhlndu:DRS:f:p:i:es:mM::g::Gt::PCr:VXac:ITBb:xA:",
            List.of(new LongOption("use-file", HasArg.REQUIRED, 'f'),
                    new LongOption("vrrp", HasArg.NONE, 'P'),
                    new LongOption("check", HasArg.NONE, 'C'),
                    new LongOption("no_bfd", HasArg.NONE, 'B'),
                    new LongOption("all", HasArg.NONE, ALL),
                    new LongOption("log-console", HasArg.NONE, 'l'),
                    new LongOption("log-detail", HasArg.NONE, 'D'),
                    new LongOption("log-facility", HasArg.REQUIRED, 'S'),
                    new LongOption("log-file", HasArg.OPTIONAL, 'g'),
                    new LongOption("all-config", HasArg.NONE, 'e'),
                    new LongOption("no-syslog", HasArg.NONE, 'G'),
                    new LongOption("umask", HasArg.REQUIRED, 'u'),
                    new LongOption("release-vips", HasArg.NONE, 'X'),
                    new LongOption("dont-release-vrrp", HasArg.NONE, 'V'),
                    new LongOption("dont-release-ipvs", HasArg.NONE, 'I'),
                    new LongOption("dont-respawn", HasArg.NONE, 'R'),
                    new LongOption("dont-fork", HasArg.NONE, 'n'),
                    new LongOption("dump-conf", HasArg.NONE, 'd'),
                    new LongOption("pid", HasArg.REQUIRED, 'p'),
                    new LongOption("vrrp_pid", HasArg.REQUIRED, 'r'),
                    new LongOption("genhash", HasArg.NONE, 'T'),
                    new LongOption("checkers_pid", HasArg.REQUIRED, 'c'),
                    new LongOption("address-monitoring", HasArg.NONE, 'a'),
                    new LongOption("bfd_pid", HasArg.REQUIRED, 'b'),
                    new LongOption("snmp", HasArg.NONE, 'x'),
                    new LongOption("snmp-agent-socket", HasArg.REQUIRED, 'A'),
                    new LongOption("core-dump", HasArg.NONE, 'm'),
                    new LongOption("core-dump-pattern", HasArg.OPTIONAL, 'M'),
                    new LongOption("namespace", HasArg.REQUIRED, 's'),
                    new LongOption("config-id", HasArg.REQUIRED, 'i'),
                    new LongOption("signum", HasArg.REQUIRED, SIGNUM),
                    new LongOption("config-test", HasArg.OPTIONAL, 't'),
                    new LongOption("config-fd", HasArg.REQUIRED, CONFIG_FD),
                    new LongOption("version", HasArg.NONE, 'v'),
                    new LongOption("help", HasArg.NONE, 'h')));

    /** keepalived's {@code get_signum}: SIGSTATS_CLEAR is SIGRTMAX-1 and SIGJSON SIGRTMIN+2 on Linux/glibc. */
    private static final Map<String, Integer> SIGNALS = Map.of("STOP", 15, "RELOAD", 1, "DATA", 10, "STATS", 12,
            "STATS_CLEAR", 63, "JSON", 36);

    /** syslog facility names keepalived accepts besides the numbers: LOG_USER, LOG_DAEMON, LOG_LOCAL0..7. */
    private static final Map<String, Integer> FACILITY_NAMES = Map.of("user", 1, "daemon", 3);
    private static final int LOG_LOCAL0 = 16;
    private static final int LOG_FACILITY_MAX = 7;

    private static final int UMASK_BITS = 0777;

    private final Console console;
    private final Uname uname;

    public KeepalivedCommandLine(Console console, Uname uname) {
        this.console = console;
        this.uname = uname;
    }

    /**
     * @param program argv[0] as invoked, for the usage text and the {@code Command line:} log line
     * @param args    the words after the program name
     */
    public Outcome parse(String program, List<String> args) {
        GetoptLong.Result parsed = GETOPT.parse(args, 0);
        Builder b = new Builder();
        boolean badOption = false;
        boolean firstOption = true;
        for (GetoptLong.Event event : parsed.events()) {
            String arg = event.arg().orElse("");
            switch (event.val()) {
                case 'v' -> {
                    HelpText.version(console.err(), uname);
                    return new Exit(0);
                }
                case 'h' -> {
                    HelpText.usage(console.err(), program);
                    return new Exit(0);
                }
                case 'T' -> {
                    if (!firstOption) {
                        console.err().println("Warning -- `" + event.longName().orElse("-T")
                                + "` not used as first option, previous options ignored");
                    }
                    return new Exit(new Genhash(console.err()).run(program, false, args, event.nextArgIndex()));
                }
                case SIGNUM -> {
                    Integer signum = SIGNALS.get(arg);
                    if (signum == null) {
                        console.err().println("Unknown sigfunc " + arg);
                        return new Exit(1);
                    }
                    console.out().println(signum);
                    return new Exit(0);
                }
                case 't' -> {
                    b.configTest = true;
                    b.noSyslog = true;
                    b.dontFork = true;
                    b.deferred.add("dont-respawn");
                    if (!arg.isEmpty() && !redirectConfigTestLog(arg)) {
                        return new Exit(1);
                    }
                }
                case 'g' -> {
                    console.err().println("-g requires configure option --enable-log-file");
                    badOption = true;
                }
                case 'S' -> logFacility(b, arg);
                case 'u' -> umask(b, arg);
                case '?', ':' -> {
                    console.err().println(event.message());
                    badOption = true;
                }
                default -> b.simpleOption(event.val(), arg);
            }
            firstOption = false;
        }
        if (!parsed.operands().isEmpty()) {
            console.out().println("Unexpected argument(s): " + String.join(" ", parsed.operands()) + " ");
        }
        if (badOption) {
            return new Exit(1);
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(program);
        commandLine.addAll(args);
        return new Run(b.build(commandLine));
    }

    /** keepalived opens it O_WRONLY|O_APPEND|O_CREAT|O_NOFOLLOW, mode 0644, and makes it stderr. */
    private boolean redirectConfigTestLog(String file) {
        try {
            OutputStream log = Channels.newOutputStream(Files.newByteChannel(Path.of(file),
                    Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE,
                            LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))));
            console.redirectErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            console.err().println("Unable to open config-test log file " + file + " " + Errno.describe(e));
            return false;
        }
    }

    /**
     * keepalived reads a facility with its config number reader first (0..7, or localN), then by name; the number
     * reader's complaints are config errors that count towards {@code -t}, even when the name then matches.
     */
    private void logFacility(Builder b, String arg) {
        BuildContext numbers = new BuildContext(new Diagnostics(), null, false);
        OptionalLong number = Values.readUnsigned(numbers, null, arg, 0, LOG_FACILITY_MAX, false);
        if (number.isEmpty() && arg.startsWith("local")) {
            number = Values.readUnsigned(numbers, null, arg.substring("local".length()), 0, LOG_FACILITY_MAX, false);
        }
        b.commandLineWorst = b.commandLineWorst.max(numbers.diagnostics().worst());
        if (number.isPresent()) {
            b.facility = LOG_LOCAL0 + (int) number.getAsLong();
        } else if (FACILITY_NAMES.containsKey(arg)) {
            b.facility = FACILITY_NAMES.get(arg);
        } else {
            console.err().println("Invalid log facility '" + arg + "'");
        }
    }

    /** keepalived's {@code set_umask}: a number in C's base 0, permission bits only; no newline after its complaint. */
    private void umask(Builder b, String arg) {
        BuildContext numbers = new BuildContext(new Diagnostics(), null, false);
        OptionalLong mask = Values.readUnsignedBase(numbers, null, arg, 0, 0, UMASK_BITS, false);
        if (mask.isEmpty()) {
            console.err().print("Invalid --umask option " + arg);
            console.err().flush();
        } else {
            b.umask = OptionalInt.of((int) mask.getAsLong());
        }
    }

    /** The options as keepalived leaves them; switches without side effects on the command line itself. */
    private static final class Builder {
        String configFile = Options.DEFAULT_CONFIG_FILE;
        Optional<String> configId = Optional.empty();
        boolean includeCheckAll;
        boolean configTest;
        boolean dumpConf;
        boolean dontFork;
        boolean vrrp = true;
        boolean checkers = true;
        boolean bfd = true;
        boolean all;
        boolean console;
        int detailLevel;
        int facility = Options.LogOptions.LOG_DAEMON;
        boolean noSyslog;
        Path mainPid = PidFiles.DEFAULT.main();
        Path vrrpPid = PidFiles.DEFAULT.vrrp();
        Path checkersPid = PidFiles.DEFAULT.checkers();
        Path bfdPid = PidFiles.DEFAULT.bfd();
        OptionalInt umask = OptionalInt.empty();
        Optional<String> namespace = Optional.empty();
        Severity commandLineWorst = Severity.OK;
        final List<String> deferred = new ArrayList<>();

        void simpleOption(int val, String arg) {
            switch (val) {
                case 'f' -> configFile = arg;
                case 'i' -> configId = Optional.of(arg);
                case 'e' -> includeCheckAll = true;
                case 'd' -> dumpConf = true;
                case 'n' -> dontFork = true;
                case 'l' -> console = true;
                case 'D' -> detailLevel = Math.min(detailLevel + 1, 2);
                case 'G' -> noSyslog = true;
                case 'P' -> checkers = false;
                case 'C' -> vrrp = false;
                case 'B' -> bfd = false;
                case ALL -> {
                    all = true;
                    vrrp = true;
                    checkers = true;
                    bfd = true;
                }
                case 'p' -> mainPid = Path.of(arg);
                case 'r' -> vrrpPid = Path.of(arg);
                case 'c' -> checkersPid = Path.of(arg);
                case 'b' -> bfdPid = Path.of(arg);
                case 's' -> namespace = Optional.of(arg);
                case 'X' -> deferred.add("release-vips");
                case 'V' -> deferred.add("dont-release-vrrp");
                case 'I' -> deferred.add("dont-release-ipvs");
                case 'R' -> deferred.add("dont-respawn");
                case 'a' -> deferred.add("address-monitoring");
                case 'x' -> deferred.add("snmp");
                case 'A' -> deferred.add("snmp-agent-socket=" + arg);
                case 'm' -> deferred.add("core-dump");
                case 'M' -> deferred.add(arg.isEmpty() ? "core-dump-pattern" : "core-dump-pattern=" + arg);
                case CONFIG_FD -> deferred.add("config-fd=" + arg);
                default -> throw new IllegalStateException("option table and handler disagree: " + val);
            }
        }

        Options build(List<String> commandLine) {
            return new Options(commandLine, configFile, configId, includeCheckAll, configTest, dumpConf, dontFork,
                    new Options.Subsystems(vrrp, checkers, bfd, all),
                    new Options.LogOptions(console, detailLevel, facility, noSyslog),
                    new PidFiles(mainPid, vrrpPid, checkersPid, bfdPid), umask, namespace, commandLineWorst,
                    deferred);
        }
    }
}
