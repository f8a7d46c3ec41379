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
import org.jkeepalived.cli.GnuCommandLine;
import org.jkeepalived.cli.GnuCommandLine.Next;
import org.jkeepalived.cli.GnuCommandLine.Occurrence;
import org.jkeepalived.genhash.Genhash;

/**
 * keepalived 2.2.7's {@code parse_cmdline} (keepalived/core/main.c) on picocli: acts on each option in order, as
 * keepalived does, so {@code -h}, {@code -v}, {@code --signum} and {@code -T} finish the run where they stand, after
 * the complaints about options before them.
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

    private static final GnuCommandLine<KeepalivedOption> COMMAND_LINE =
            new GnuCommandLine<>(KeepalivedOption.class, true);

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
        Reading reading = new Reading(program);
        List<String> unread = COMMAND_LINE.read(args, reading);
        if (reading.finished.isPresent()) {
            return reading.finished.get();
        }
        if (reading.genhash) {
            Genhash genhash = new Genhash(console.out(), console.err(), System::nanoTime);
            return new Exit(genhash.run(program, false, args.size(), unread));
        }
        if (!reading.operands.isEmpty()) {
            console.out().println("Unexpected argument(s): " + String.join(" ", reading.operands) + " ");
        }
        if (reading.badOption) {
            return new Exit(1);
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(program);
        commandLine.addAll(args);
        return new Run(reading.options(commandLine));
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

    /** One read of the command line: the options as keepalived leaves them, and how the read ended. */
    private final class Reading implements GnuCommandLine.Listener<KeepalivedOption> {
        private final String program;
        private Optional<Exit> finished = Optional.empty();
        private boolean genhash;
        private boolean firstOption = true;
        private boolean badOption;
        /** keepalived's {@code reopen_log}: once set, by -l, -G or a good -S, a bad -S goes unreported. */
        private boolean reopenLog;
        private final List<String> operands = new ArrayList<>();

        private String configFile = Options.DEFAULT_CONFIG_FILE;
        private Optional<String> configId = Optional.empty();
        private boolean includeCheckAll;
        private boolean configTest;
        private boolean dumpConf;
        private boolean dontFork;
        private boolean vrrp = true;
        private boolean checkers = true;
        private boolean bfd = true;
        private boolean all;
        private boolean logConsole;
        private int detailLevel;
        private int facility = Options.LogOptions.LOG_DAEMON;
        private boolean noSyslog;
        private Path mainPid = PidFiles.DEFAULT.main();
        private Path vrrpPid = PidFiles.DEFAULT.vrrp();
        private Path checkersPid = PidFiles.DEFAULT.checkers();
        private Path bfdPid = PidFiles.DEFAULT.bfd();
        private OptionalInt umask = OptionalInt.empty();
        private Optional<String> namespace = Optional.empty();
        private Severity commandLineWorst = Severity.OK;
        private final List<String> deferred = new ArrayList<>();

        Reading(String program) {
            this.program = program;
        }

        @Override
        public Next option(Occurrence<KeepalivedOption> occurrence) {
            boolean wasFirstOption = firstOption;
            firstOption = false;
            String arg = occurrence.argument().orElse("");
            switch (occurrence.option()) {
                case VERSION -> {
                    HelpText.version(console.err(), uname);
                    return finish(0);
                }
                case HELP -> {
                    HelpText.usage(console.err(), program);
                    return finish(0);
                }
                case GENHASH -> {
                    if (!wasFirstOption) {
                        console.err().println("Warning -- `" + (occurrence.givenLong() ? "genhash" : "-T")
                                + "` not used as first option, previous options ignored");
                    }
                    genhash = true;
                    return Next.STOP;
                }
                case SIGNUM -> {
                    return signum(arg);
                }
                case CONFIG_TEST -> {
                    configTest = true;
                    noSyslog = true;
                    dontFork = true;
                    deferred.add("dont-respawn");
                    if (!arg.isEmpty() && !redirectConfigTestLog(arg)) {
                        return finish(1);
                    }
                }
                case LOG_FILE -> {
                    console.err().println("-g requires configure option --enable-log-file");
                    badOption = true;
                }
                case LOG_FACILITY -> logFacility(arg);
                case UMASK -> umask(arg);
                case USE_FILE -> configFile = arg;
                case CONFIG_ID -> configId = Optional.of(arg);
                case ALL_CONFIG -> includeCheckAll = true;
                case DUMP_CONF -> dumpConf = true;
                case DONT_FORK -> dontFork = true;
                case LOG_CONSOLE -> {
                    logConsole = true;
                    reopenLog = true;
                }
                case LOG_DETAIL -> detailLevel = Math.min(detailLevel + 1, 2);
                case NO_SYSLOG -> {
                    noSyslog = true;
                    reopenLog = true;
                }
                case VRRP -> checkers = false;
                case CHECK -> vrrp = false;
                case NO_BFD -> bfd = false;
                case ALL -> {
                    all = true;
                    vrrp = true;
                    checkers = true;
                    bfd = true;
                }
                case PID -> mainPid = Path.of(arg);
                case VRRP_PID -> vrrpPid = Path.of(arg);
                case CHECKERS_PID -> checkersPid = Path.of(arg);
                case BFD_PID -> bfdPid = Path.of(arg);
                case NAMESPACE -> namespace = Optional.of(arg);
                case RELEASE_VIPS, DONT_RELEASE_VRRP, DONT_RELEASE_IPVS, DONT_RESPAWN, ADDRESS_MONITORING, SNMP,
                        CORE_DUMP -> deferred.add(occurrence.option().spec().longName());
                case SNMP_AGENT_SOCKET, CONFIG_FD, CORE_DUMP_PATTERN -> deferred.add(
                        occurrence.option().spec().longName() + (arg.isEmpty() ? "" : "=" + arg));
            }
            return Next.CONTINUE;
        }

        @Override
        public void badOption(String message) {
            console.err().println(message);
            badOption = true;
            firstOption = false;
        }

        @Override
        public void operand(String word) {
            operands.add(word);
        }

        private Next finish(int status) {
            finished = Optional.of(new Exit(status));
            return Next.STOP;
        }

        /** keepalived's {@code get_signum}: the number on stdout, or a complaint. */
        private Next signum(String name) {
            Integer signum = SIGNALS.get(name);
            if (signum == null) {
                console.err().println("Unknown sigfunc " + name);
                return finish(1);
            }
            console.out().println(signum);
            return finish(0);
        }

        /**
         * keepalived reads a facility with its config number reader first (0..7, or localN), then by name; the
         * number reader's complaints are config errors that count towards {@code -t}, even when the name then
         * matches.
         */
        private void logFacility(String arg) {
            BuildContext numbers = new BuildContext(new Diagnostics(), null, false);
            OptionalLong number = Values.readUnsigned(numbers, null, arg, 0, LOG_FACILITY_MAX, false);
            if (number.isEmpty() && arg.startsWith("local")) {
                number = Values.readUnsigned(numbers, null, arg.substring("local".length()), 0, LOG_FACILITY_MAX,
                        false);
            }
            commandLineWorst = commandLineWorst.max(numbers.diagnostics().worst());
            if (configTest) {
                // after -t keepalived logs its config errors to stderr; before it, to syslog
                numbers.diagnostics().list().forEach(diagnostic -> console.err().println(diagnostic.render()));
            }
            if (number.isPresent()) {
                facility = LOG_LOCAL0 + (int) number.getAsLong();
            } else if (FACILITY_NAMES.containsKey(arg)) {
                facility = FACILITY_NAMES.get(arg);
            } else {
                if (!reopenLog) {
                    console.err().println("Invalid log facility '" + arg + "'");
                }
                return;
            }
            reopenLog = true;
        }

        /**
         * keepalived's {@code set_umask}: a number in C's base 0, permission bits only; no newline after its
         * complaint.
         */
        private void umask(String arg) {
            BuildContext numbers = new BuildContext(new Diagnostics(), null, false);
            OptionalLong mask = Values.readUnsignedBase(numbers, null, arg, 0, 0, UMASK_BITS, false);
            if (mask.isEmpty()) {
                console.err().print("Invalid --umask option " + arg);
                console.err().flush();
            } else {
                umask = OptionalInt.of((int) mask.getAsLong());
            }
        }

        Options options(List<String> commandLine) {
            return new Options(commandLine, configFile, configId, includeCheckAll, configTest, dumpConf, dontFork,
                    new Options.Subsystems(vrrp, checkers, bfd, all),
                    new Options.LogOptions(logConsole, detailLevel, facility, noSyslog),
                    new PidFiles(mainPid, vrrpPid, checkersPid, bfdPid), umask, namespace, commandLineWorst,
                    deferred);
        }
    }
}
