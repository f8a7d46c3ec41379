package org.jkeepalived.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.healthcheck.check.CheckerFactory;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.pool.CheckerService;
import org.jkeepalived.healthcheck.pool.PoolEffects;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.slf4j.Logger;

/** Starts the checker subsystem for a loaded config: the {@link CheckerService}, or in tests a stand-in. */
@FunctionalInterface
public interface CheckerLauncher {

    /**
     * Starts the checkers and the pools for {@code config}; returns once they run.
     *
     * @throws Failed when keepalived's checker process would exit with KEEPALIVED_EXIT_FATAL, already logged
     */
    Running start(KeepalivedConfig config) throws Failed;

    /** A started checker subsystem. */
    @FunctionalInterface
    interface Running {
        /** Stops it; with {@code releaseIpvs} (no {@code -I}) the pools leave IPVS as keepalived's do. */
        void stop(boolean releaseIpvs);
    }

    /** Nothing to stop: a config without virtual servers. */
    Running NOTHING_RUNNING = releaseIpvs -> { };

    /** Starts nothing, for daemons (and tests) without checkers. */
    CheckerLauncher NOTHING_STARTED = config -> NOTHING_RUNNING;

    /** keepalived's checker process gave up: the daemon stops with KEEPALIVED_EXIT_FATAL. */
    final class Failed extends Exception {
        public Failed(String message) {
            super(message);
        }
    }

    /** Where pool decisions go: IPVS, once opened. */
    @FunctionalInterface
    interface Ipvs {
        /** @throws IpvsUnavailable with the error text keepalived logs ({@code strerror}) */
        PoolEffects open() throws IpvsUnavailable;
    }

    /** The kernel has no IPVS, or refused it. */
    final class IpvsUnavailable extends Exception {
        public IpvsUnavailable(String strerror) {
            super(strerror);
        }
    }

    /**
     * Until the real checkers are wired in: checkers that never report, so every real server keeps the state
     * keepalived starts it in (up, or down with {@code alpha}).
     */
    CheckerFactory UNCHECKED = (target, verdicts) -> new RunningChecker() {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    /**
     * Until the IPVS applier is wired in: pool decisions are only logged, on a kernel that has IPVS
     * ({@code /proc/net/ip_vs} shows the module is loaded in this network namespace).
     */
    static Ipvs loggedOnly(Logger log) {
        return () -> {
            if (!Files.exists(Path.of("/proc/net/ip_vs"))) {
                throw new IpvsUnavailable("No such file or directory");
            }
            return new LoggedPoolEffects(log);
        };
    }

    /**
     * The {@link CheckerService} on an event loop of its own, started only for a config with virtual servers. As
     * keepalived 2.2.7's checker process, it opens IPVS first; without it, it logs the real servers it is shutting
     * down and fails.
     */
    static CheckerLauncher service(Logger log, CheckerFactory checkers, Ipvs ipvs) {
        return config -> {
            if (config.lvs().virtualServers().isEmpty()) {
                return NOTHING_RUNNING;
            }
            log.info("Initializing ipvs");
            CheckerEventLoop loop = CheckerEventLoop.start();
            PoolEffects effects;
            try {
                effects = ipvs.open();
            } catch (IpvsUnavailable e) {
                log.info("IPVS: Can't initialize ipvs: " + e.getMessage());
                new CheckerService(config.lvs(), checkers, new LoggedPoolEffects(log), loop).stop(true);
                loop.close();
                throw new Failed("IPVS: " + e.getMessage());
            }
            CheckerService service = new CheckerService(config.lvs(), checkers, effects, loop);
            service.start();
            return releaseIpvs -> {
                service.stop(releaseIpvs);
                loop.close();
            };
        };
    }
}
