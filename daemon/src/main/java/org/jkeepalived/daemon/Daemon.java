package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.Subsystem;
import org.slf4j.Logger;

/**
 * The keepalived process without {@code -t}: logs keepalived's start lines, loads the config, refuses to start as
 * keepalived does, writes the pid files, runs the VRRP engine for the config until STOP, and on RELOAD hands the
 * engine and the checker subsystem the new config to apply as a difference.
 */
public final class Daemon {
    /** KEEPALIVED_EXIT_NO_CONFIG: the config file cannot be found or read. */
    public static final int EXIT_NO_CONFIG = 6;
    /** KEEPALIVED_EXIT_CONFIG: keepalived's child exits with it on a config it cannot run; the parent follows. */
    public static final int EXIT_CONFIG = 2;
    /** KEEPALIVED_EXIT_FATAL. */
    public static final int EXIT_FATAL = 1;

    private final Options options;
    private final ConfigSource source;
    private final Logger log;
    private final PidFile pidFile;
    private final long pid;
    private final Uname uname;
    private final VrrpLauncher vrrpLauncher;
    private final CheckerLauncher checkerLauncher;
    private final Lifecycle lifecycle;
    private final Optional<Dumps> dumps;
    private KeepalivedConfig config;
    private VrrpLauncher.Running vrrp = VrrpLauncher.NOTHING_RUNNING;
    private CheckerLauncher.Running checkers = CheckerLauncher.NOTHING_RUNNING;

    /**
     * @param source       reads the config the options name
     * @param processAlive whether a pid names a live process (for pid files of an earlier run)
     * @param pid          this process's pid
     * @param vrrpLauncher starts the VRRP subsystem for a config
     */
    public Daemon(Options options, ConfigSource source, Logger log, LongPredicate processAlive,
                  long pid, Uname uname, VrrpLauncher vrrpLauncher) {
        this(options, source, log, processAlive, pid, uname, vrrpLauncher, CheckerLauncher.NOTHING_STARTED);
    }

    /** @param checkerLauncher starts the checker subsystem for a config */
    public Daemon(Options options, ConfigSource source, Logger log, LongPredicate processAlive,
                  long pid, Uname uname, VrrpLauncher vrrpLauncher, CheckerLauncher checkerLauncher) {
        this(options, source, log, processAlive, pid, uname, vrrpLauncher, checkerLauncher, Lifecycle.NONE,
                Optional.empty());
    }

    /**
     * @param lifecycle told when the daemon is ready, reloading and stopping (systemd's notify protocol)
     * @param dumps     writes keepalived's dump files on the dump requests
     */
    Daemon(Options options, ConfigSource source, Logger log, LongPredicate processAlive, long pid, Uname uname,
           VrrpLauncher vrrpLauncher, CheckerLauncher checkerLauncher, Lifecycle lifecycle, Optional<Dumps> dumps) {
        this.options = options;
        this.source = source;
        this.log = log;
        this.pidFile = new PidFile(log, processAlive);
        this.pid = pid;
        this.uname = uname;
        this.vrrpLauncher = vrrpLauncher;
        this.checkerLauncher = checkerLauncher;
        this.lifecycle = lifecycle;
        this.dumps = dumps;
    }

    /** Runs until {@code requests} says STOP; returns the exit status. */
    public int run(Requests requests) throws InterruptedException {
        logStart();
        LoadResult result = source.load(options);
        if (result.config().isPresent() || result.abortExitStatus().isPresent()) {
            log.info("Configuration file " + options.configFile());
        }
        logDiagnostics(result);
        if (!result.canRun(runningSubsystems())) {
            log.info("Stopped " + Version.KEEPALIVED);
            return refusalStatus(result);
        }
        config = result.config().orElseThrow();
        if (keepalivedRunning()) {
            log.info("daemon is already running");
            return 0;
        }
        List<Path> written;
        try {
            written = writePidFiles();
        } catch (IOException e) {
            log.error("Unable to write pid file - {}", e.getMessage());
            log.info("Stopped " + Version.KEEPALIVED);
            return EXIT_FATAL;
        }
        try {
            dumpIfAsked();
            if (!startVrrp()) {
                log.info("Stopped " + Version.KEEPALIVED);
                return EXIT_FATAL;
            }
            if (!startCheckers()) {
                stopVrrp();
                log.info("Stopped " + Version.KEEPALIVED);
                return EXIT_FATAL;
            }
            log.info("Startup complete");
            lifecycle.ready();
            for (DaemonRequest request = requests.next(); request != DaemonRequest.STOP; request = requests.next()) {
                if (request == DaemonRequest.RELOAD) {
                    lifecycle.reloading();
                    reload();
                    lifecycle.ready();
                } else {
                    dump(request);
                }
            }
            lifecycle.stopping();
            log.info("Stopping");
            stopCheckers();
            stopVrrp();
        } finally {
            written.forEach(pidFile::remove);
        }
        log.info("Stopped " + Version.KEEPALIVED);
        return 0;
    }

    /** The config the daemon holds now. */
    public KeepalivedConfig config() {
        return config;
    }

    /** What the daemon tells its supervisor; each does nothing unless overridden. */
    public interface Lifecycle {
        Lifecycle NONE = new Lifecycle() {
        };

        /** The config is applied: after start-up and after each reload, failed or not. */
        default void ready() {
        }

        default void reloading() {
        }

        default void stopping() {
        }
    }

    /** Where the daemon's stop and reload requests come from: the signals, or a test. */
    @FunctionalInterface
    public interface Requests {
        DaemonRequest next() throws InterruptedException;
    }

    private void logStart() {
        log.info("Starting " + Version.KEEPALIVED);
        log.info("Running on " + uname.sysname() + " " + uname.release() + " " + uname.version()
                + " (built for Linux " + Version.BUILT_FOR_LINUX + ")");
        log.info("jkeepalived " + Version.jkeepalived() + " on Java " + Runtime.version());
        List<String> quoted = new ArrayList<>();
        options.commandLine().forEach(word -> quoted.add("'" + word + "'"));
        Logging.wrapOption("Command line", String.join(" ", quoted)).forEach(log::info);
        if (!options.dontFork()) {
            log.info("jkeepalived stays in the foreground: a JVM cannot fork (run it with -n, as systemd does)");
        }
    }

    private void logDiagnostics(LoadResult result) {
        for (Diagnostic diagnostic : result.diagnostics()) {
            log.info(diagnostic.render());
        }
    }

    /**
     * keepalived's {@code check_conf_file} stops the daemon (not {@code -t}) when {@code -f} names no readable
     * file; the load has already reported it. Checked here for a plain path, the common case (Debian ships no
     * /etc/keepalived/keepalived.conf); a glob matching nothing is left to the loader's verdict.
     */
    /** The subsystems keepalived would start: {@code -P} leaves out the checkers, {@code -C} VRRP. */
    private Set<Subsystem> runningSubsystems() {
        Set<Subsystem> running = EnumSet.noneOf(Subsystem.class);
        if (options.subsystems().vrrp()) {
            running.add(Subsystem.VRRP);
        }
        if (options.subsystems().checkers()) {
            running.add(Subsystem.CHECKER);
        }
        return running;
    }

    /**
     * keepalived's exit when it will not run a config: where reading stopped, the status it stopped with; no config
     * file at all ends the parent (6); a config a subsystem refuses ends that child, and with it keepalived (2).
     */
    private static int refusalStatus(LoadResult result) {
        if (result.abortExitStatus().isPresent()) {
            return result.abortExitStatus().getAsInt();
        }
        return result.config().isEmpty() ? EXIT_NO_CONFIG : EXIT_CONFIG;
    }

    private List<Path> pidFilesInUse() {
        List<Path> files = new ArrayList<>();
        files.add(options.pidFiles().main());
        if (options.subsystems().vrrp()) {
            files.add(options.pidFiles().vrrp());
        }
        if (options.subsystems().checkers()) {
            files.add(options.pidFiles().checkers());
        }
        return files;
    }

    /** keepalived's {@code keepalived_running}: stops at the first pid file of a live process. */
    private boolean keepalivedRunning() {
        return pidFilesInUse().stream().anyMatch(pidFile::processRunning);
    }

    private List<Path> writePidFiles() throws IOException {
        List<Path> written = new ArrayList<>();
        try {
            for (Path file : pidFilesInUse()) {
                pidFile.write(file, pid);
                written.add(file);
            }
        } catch (IOException e) {
            written.forEach(pidFile::remove);
            throw e;
        }
        return written;
    }

    /** keepalived's VRRP child answers the dump signals; without it (-C, no instances) nothing is written. */
    private void dump(DaemonRequest request) {
        Optional<VrrpLauncher.Running> running = vrrp == VrrpLauncher.NOTHING_RUNNING ? Optional.empty()
                : Optional.of(vrrp);
        dumps.ifPresent(writer -> writer.write(request, config, running));
    }

    private void dumpIfAsked() {
        if (options.dumpConf()) {
            source.dump(options).forEach(log::info);
        }
    }

    /**
     * keepalived's SIGHUP: re-read the whole config and check it before applying anything. One it cannot run is
     * reported line by line and the running one kept untouched (keepalived 2.2.7 exits instead, leaving its
     * addresses behind); one it can run is applied as a difference (see {@link VrrpLauncher.Running#reload}).
     */
    private void reload() throws InterruptedException {
        log.info("Reloading ...");
        LoadResult result = source.load(options);
        logDiagnostics(result);
        if (!result.canRun(runningSubsystems())) {
            log.error("Reload of configuration {} failed: keeping the running configuration", options.configFile());
            return;
        }
        config = result.config().orElseThrow();
        dumpIfAsked();
        reloadVrrp();
        reloadCheckers();
        log.info("Reload complete");
    }

    /** keepalived's VRRP process would exit where ours cannot start; the rest keeps running. */
    private void reloadVrrp() throws InterruptedException {
        if (options.subsystems().vrrp() && !vrrp.reload(config)) {
            try {
                vrrp = vrrpLauncher.start(config);
            } catch (VrrpLauncher.Failed e) {
                log.error("VRRP not started after the reload: {}", e.getMessage());
            }
        }
    }

    /**
     * The running checkers take the new config as a difference (see {@link CheckerLauncher.Running#reload}); when none
     * ran (no virtual servers before), they start for it as at start-up, and a failure to start leaves them off.
     */
    private void reloadCheckers() {
        if (options.subsystems().checkers() && !checkers.reload(config)) {
            startCheckers();
        }
    }

    /**
     * The VRRP subsystem runs unless {@code -C}; nothing runs for a config without instances. False when it failed as
     * keepalived's VRRP process exits KEEPALIVED_EXIT_FATAL, which ends keepalived.
     */
    private boolean startVrrp() throws InterruptedException {
        if (!options.subsystems().vrrp()) {
            return true;
        }
        try {
            vrrp = vrrpLauncher.start(config);
            return true;
        } catch (VrrpLauncher.Failed e) {
            return false;
        }
    }

    /**
     * The checker subsystem runs unless {@code -P}; false when it failed as keepalived's checker process exits
     * KEEPALIVED_EXIT_FATAL (no IPVS), which ends keepalived.
     */
    private boolean startCheckers() {
        if (!options.subsystems().checkers()) {
            return true;
        }
        try {
            checkers = checkerLauncher.start(config);
            return true;
        } catch (CheckerLauncher.Failed e) {
            return false;
        }
    }

    /** keepalived's {@code -I} leaves the IPVS services and real servers in place. */
    private void stopCheckers() {
        checkers.stop(!options.deferred().contains(KeepalivedOption.DONT_RELEASE_IPVS.spec().longName()));
        checkers = CheckerLauncher.NOTHING_RUNNING;
    }

    /** keepalived's {@code -V} leaves the addresses and sends no priority 0 advert. */
    private void stopVrrp() throws InterruptedException {
        vrrp.stop(!options.deferred().contains(KeepalivedOption.DONT_RELEASE_VRRP.spec().longName()));
        vrrp = VrrpLauncher.NOTHING_RUNNING;
    }
}
