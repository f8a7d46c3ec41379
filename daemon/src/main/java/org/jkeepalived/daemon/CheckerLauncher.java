package org.jkeepalived.daemon;

import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.SameSettings;
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

        /**
         * Applies {@code config} to what runs, as the difference from the config it runs (SIGHUP); see
         * {@link CheckerService#reload}.
         *
         * @return false when nothing runs to apply it to: the caller starts the checkers for it instead
         */
        default boolean reload(KeepalivedConfig config) {
            return false;
        }
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

    /** Where pool decisions go: IPVS, once opened for a config. */
    @FunctionalInterface
    interface Ipvs {
        /** @throws IpvsUnavailable with the error text keepalived logs ({@code strerror}) */
        Effects open(KeepalivedConfig config) throws IpvsUnavailable;
    }

    /** Pool effects holding resources (a netlink socket, script threads, FIFOs), closed once the pools stopped. */
    interface Effects extends PoolEffects, AutoCloseable {
        /** Before the pools stop; {@code releaseIpvs} false under {@code -I}. */
        default void stopping(boolean releaseIpvs) {
        }

        /** On reload, on the checker loop before the virtual servers change: the IPVS global_defs of the new config. */
        default void reloadGlobals(KeepalivedConfig newConfig) {
        }

        @Override
        void close();
    }

    /** The kernel has no IPVS, or refused it. */
    final class IpvsUnavailable extends Exception {
        public IpvsUnavailable(String strerror) {
            super(strerror);
        }
    }

    /**
     * Makes the checkers of one run, on the event loop the service runs on; what it takes from the config besides each
     * checker's own settings is the SSL block, {@code checker_log_all_failures} and the track files (see
     * {@link #sameShared}).
     */
    @FunctionalInterface
    interface Checks {
        CheckerFactory on(CheckerEventLoop loop, KeepalivedConfig config);
    }

    /** Whether checkers made for {@code before} behave as those made for {@code after} would, settings shared. */
    static boolean sameShared(KeepalivedConfig before, KeepalivedConfig after) {
        return SameSettings.of(before.lvs().ssl(), after.lvs().ssl())
                && before.global().checkerLogAllFailures() == after.global().checkerLogAllFailures()
                && SameSettings.of(before.vrrp().trackFiles(), after.vrrp().trackFiles());
    }

    /**
     * Checkers that never report, so every real server keeps the state keepalived starts it in (up, or down with
     * {@code alpha}): for tests of the wiring.
     */
    Checks UNCHECKED = (loop, config) -> (target, verdicts) -> new RunningChecker() {
        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    /**
     * The {@link CheckerService} on an event loop of its own, started only for a config with virtual servers. As
     * keepalived 2.2.7's checker process, it opens IPVS first; without it, it logs the real servers it is shutting
     * down and fails.
     */
    static CheckerLauncher service(Logger log, Checks checks, Ipvs ipvs) {
        return config -> {
            if (config.lvs().virtualServers().isEmpty()) {
                return NOTHING_RUNNING;
            }
            log.info("Initializing ipvs");
            fixNettyMachineId();
            CheckerEventLoop loop = CheckerEventLoop.start();
            Effects effects;
            try {
                effects = ipvs.open(config);
            } catch (IpvsUnavailable e) {
                log.info("IPVS: Can't initialize ipvs: " + e.getMessage());
                new CheckerService(config.lvs(), UNCHECKED.on(loop, config), new LoggedPoolEffects(log), loop)
                        .stop(true);
                loop.close();
                throw new Failed("IPVS: " + e.getMessage());
            }
            CheckerFactory factory = checks.on(loop, config);
            CheckerService service = new CheckerService(config.lvs(), factory, effects, loop);
            service.start();
            return new Running() {
                private KeepalivedConfig running = config;
                private CheckerFactory current = factory;

                @Override
                public void stop(boolean releaseIpvs) {
                    effects.stopping(releaseIpvs);
                    service.stop(releaseIpvs);
                    current.close();
                    effects.close();
                    loop.close();
                }

                @Override
                public boolean reload(KeepalivedConfig newConfig) {
                    log.info("Reloading");
                    // keepalived's start_check order: the IPVS globals before the virtual servers change
                    loop.group().submit(() -> effects.reloadGlobals(newConfig)).syncUninterruptibly();
                    boolean sameShared = sameShared(running, newConfig);
                    CheckerFactory next = sameShared ? current : checks.on(loop, newConfig);
                    service.reload(newConfig.lvs(), next, sameShared);
                    if (next != current) {
                        current.close();
                        current = next;
                    }
                    running = newConfig;
                    return true;
                }
            };
        };
    }

    /**
     * Netty names its channels after a MAC address of the host and warns "Failed to find a usable hardware address"
     * in a namespace without one; a fixed id keeps lines keepalived never writes out of the log. The id only tells
     * channels of different hosts apart, which no checker needs.
     */
    private static void fixNettyMachineId() {
        String property = "io.netty.machineId";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "02:00:00:00:00:00");
        }
    }
}
