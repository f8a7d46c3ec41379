package org.jkeepalived.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.daemon.smtp.SmtpAlerter;
import org.jkeepalived.daemon.smtp.SmtpSettings;
import org.jkeepalived.healthcheck.check.Checkers;
import org.jkeepalived.healthcheck.script.ScriptLauncher;
import org.jkeepalived.libc.FileCreationMask;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetworkNamespace;
import org.slf4j.Logger;

/**
 * What bin/keepalived runs: the command line, then either the config test or the daemon. bin/keepalived passes
 * the name it was run as in {@code jkeepalived.argv0}, for the usage text and the {@code Command line:} log line.
 * The system property {@code jkeepalived.syslogSocket} replaces /dev/log (for tests).
 */
public final class Main {
    /** KEEPALIVED_EXIT_PROGRAM_ERROR: a fault in jkeepalived itself, never a verdict on the input. */
    static final int EXIT_PROGRAM_ERROR = 70;
    /** keepalived's {@code umask_val} unless {@code -u}: files it creates are rw------- (pid files excepted). */
    static final int DEFAULT_UMASK = 0177;
    /** Present when the ip_vs module is loaded in this network namespace. */
    private static final Path PROC_IP_VS = Path.of("/proc/net/ip_vs");

    private Main() {
    }

    public static void main(String[] args) {
        String program = System.getProperty("jkeepalived.argv0", "keepalived");
        System.exit(run(program, List.of(args), new Console(System.out, System.err)));
    }

    static int run(String program, List<String> args, Console console) {
        try {
            Uname uname = Uname.ofThisMachine();
            KeepalivedCommandLine.Outcome outcome = new KeepalivedCommandLine(console, uname).parse(program, args);
            if (outcome instanceof KeepalivedCommandLine.Exit exit) {
                return exit.status();
            }
            Options options = ((KeepalivedCommandLine.Run) outcome).options();
            ConfigFiles files = new ConfigFiles(LiveHost.system(), new SplittableRandom());
            if (options.configTest()) {
                return new ConfigTest(console).run(options, files.load(options));
            }
            return runDaemon(options, files, uname);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_PROGRAM_ERROR;
        } catch (NativeIoException e) {
            console.err().println("jkeepalived: " + e.getMessage());
            return Daemon.EXIT_FATAL;
        } catch (RuntimeException e) {
            console.err().println("jkeepalived: internal error: " + e);
            console.flush();
            return EXIT_PROGRAM_ERROR;
        } finally {
            console.flush();
        }
    }

    private static int runDaemon(Options options, ConfigFiles files, Uname uname)
            throws InterruptedException, NativeIoException {
        long pid = ProcessHandle.current().pid();
        ZoneId zone = ZoneId.systemDefault();
        Map<String, String> environment = System.getenv();
        int umask = options.umask().orElse(DEFAULT_UMASK);
        FileCreationMask.set(umask);
        SyslogIdent ident = options.namespace().map(SyslogIdent::forNamespace).orElse(SyslogIdent.DEFAULT);
        Logger log = Logging.configure(options.log(), zone,
                System.getProperty("jkeepalived.syslogSocket", Logging.DEV_LOG), ident, pid);
        if (options.namespace().isPresent()) {
            enterNamespace(options.namespace().get(), log);
        }
        Signals signals = Signals.install(log);
        Dumps dumps = new Dumps(Dumps.directoryOf(environment), umask, pid, System::nanoTime,
                () -> ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()), zone);
        boolean logDetail = options.log().detailLevel() > 0;
        String localName = localName();
        String userName = System.getProperty("user.name");
        try (SmtpAlerter alerter = new SmtpAlerter(global -> SmtpSettings.of(global, localName, userName),
                () -> ZonedDateTime.now(zone), log, logDetail)) {
            CheckerLauncher checkers = checkerLauncher(log, new SplittableRandom(), alerter);
            Daemon daemon = new Daemon(options, files, log, other -> ProcessHandle.of(other).isPresent(), pid, uname,
                    VrrpLauncher.engine(logDetail, config -> VrrpSyncDaemon.start(config, PROC_IP_VS, log),
                            Optional.of(alerter)), checkers,
                    SdNotify.fromEnvironment(environment, pid, log), Optional.of(dumps));
            return daemon.run(signals::next);
        }
    }

    /** keepalived's {@code get_local_name}: the host's canonical name, else its short name. */
    private static String localName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return LiveHost.system().shortHostname();
        }
    }

    /**
     * The checkers of keepalived 2.2.7 on the checker event loop, their pools' decisions applied to the kernel's IPVS
     * table, with scripts run as the identity this process runs as would run them.
     */
    private static CheckerLauncher checkerLauncher(Logger log, RandomGenerator random, SmtpAlerter alerter) {
        Checkers.Settings defaults = Checkers.Settings.of(Optional.empty(), false, random);
        CheckerLauncher.Checks checks = (loop, config) -> new Checkers(loop, Checkers.Settings.of(config.lvs().ssl(),
                config.global().checkerLogAllFailures(), random).withTrackFiles(config.vrrp().trackFiles()));
        return CheckerLauncher.service(log, checks, IpvsPoolEffects.kernel(PROC_IP_VS,
                new ScriptLauncher(defaults.ourIdentity()), defaults.scriptSearchPath(), log, alerter));
    }

    /**
     * keepalived's {@code -s}: the whole daemon runs in the network namespace {@code ip netns add} made. A thread's
     * namespace is inherited by the threads it starts and the processes it spawns, and the main thread starts them
     * all; it never leaves.
     */
    private static void enterNamespace(String namespace, Logger log) throws NativeIoException {
        log.info("Changing syslog ident to {}", SyslogIdent.forNamespace(namespace).of(SyslogIdent.PARENT));
        try {
            NetworkNamespace.enter(namespace);
        } catch (NativeIoException e) {
            log.error("Unable to set network namespace {} - exiting", namespace);
            throw e;
        }
    }
}
