package org.jkeepalived.daemon;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.vrrp.engine.InstanceSnapshot;
import org.jkeepalived.daemon.smtp.SmtpAlerter;
import org.jkeepalived.daemon.smtp.VrrpSmtpAlerts;
import org.jkeepalived.vrrp.engine.AlertListener;
import org.jkeepalived.vrrp.engine.MasterListener;
import org.jkeepalived.vrrp.engine.VrrpEngine;
import org.jkeepalived.vrrp.machine.VrrpState;

/** Starts the VRRP subsystem for a loaded config: the real engine, or in tests a stand-in. */
@FunctionalInterface
public interface VrrpLauncher {

    /**
     * Starts VRRP for {@code config}; returns once it runs.
     *
     * @throws Failed when keepalived's VRRP process would exit with KEEPALIVED_EXIT_FATAL, already logged
     */
    Running start(KeepalivedConfig config) throws InterruptedException, Failed;

    /** keepalived's VRRP process gave up: the daemon stops with KEEPALIVED_EXIT_FATAL. */
    final class Failed extends Exception {
        public Failed(String message) {
            super(message);
        }
    }

    /** Opens what runs beside VRRP for a config: the IPVS sync daemon following one of its instances, if any. */
    @FunctionalInterface
    interface SyncDaemons {
        /** @throws Failed when IPVS cannot be opened for it, as keepalived's VRRP process fails */
        Optional<VrrpSyncDaemon> start(KeepalivedConfig config) throws Failed;
    }

    /** A started VRRP subsystem. */
    interface Running {
        /**
         * Applies {@code config} to what runs, as the difference from the config it runs (SIGHUP).
         *
         * @return false when nothing runs to apply it to: the caller starts VRRP for it instead
         */
        boolean reload(KeepalivedConfig config) throws InterruptedException;

        /**
         * Stops it; with {@code release} (no {@code -V}) masters send priority 0 and remove their addresses first.
         */
        void stop(boolean release) throws InterruptedException;

        /** Its instances as they are now, for the dumps; with {@code clearStats} their counters restart at 0. */
        default CompletableFuture<List<InstanceSnapshot>> snapshot(boolean clearStats) {
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /** Nothing to stop or reload: a config without VRRP instances. */
    Running NOTHING_RUNNING = new Running() {
        @Override
        public boolean reload(KeepalivedConfig config) {
            return false;
        }

        @Override
        public void stop(boolean release) {
        }
    };

    /** The {@link VrrpEngine}, started only for a config with VRRP instances. */
    static VrrpLauncher engine(boolean logDetail) {
        return engine(logDetail, config -> Optional.empty(), Optional.empty());
    }

    /**
     * The {@link VrrpEngine} with, when the config gives it one of its instances, the IPVS sync daemon following that
     * instance: started before the engine, told its master transitions, reloaded after it, stopped after it; and,
     * with an alerter, the {@code smtp_alert} mail of the instances' and groups' state changes.
     */
    static VrrpLauncher engine(boolean logDetail, SyncDaemons syncDaemons, Optional<SmtpAlerter> alerter) {
        return config -> {
            if (config.vrrp().instances().isEmpty()) {
                return NOTHING_RUNNING;
            }
            Optional<VrrpSyncDaemon> syncDaemon = syncDaemons.start(config);
            Optional<VrrpSmtpAlerts> alerts = alerter.map(mailer -> {
                mailer.configure(config.global());
                return new VrrpSmtpAlerts(mailer, config);
            });
            VrrpEngine engine = new VrrpEngine(config.vrrp(), config.global(), logDetail, System::nanoTime,
                    syncDaemon.<MasterListener>map(daemon -> daemon).orElse(MasterListener.NONE),
                    alerts.<AlertListener>map(listener -> listener).orElse(AlertListener.NONE));
            engine.start();
            return new Running() {
                @Override
                public boolean reload(KeepalivedConfig newConfig) throws InterruptedException {
                    alerter.ifPresent(mailer -> mailer.configure(newConfig.global()));
                    alerts.ifPresent(listener -> listener.reload(newConfig));
                    engine.reload(newConfig.vrrp(), newConfig.global());
                    syncDaemon.ifPresent(daemon -> daemon.reload(newConfig, name -> engine.states().get(name)
                            == VrrpState.MASTER));
                    return true;
                }

                @Override
                public void stop(boolean release) throws InterruptedException {
                    engine.stop(release);
                    syncDaemon.ifPresent(VrrpSyncDaemon::stop);
                }

                @Override
                public CompletableFuture<List<InstanceSnapshot>> snapshot(boolean clearStats) {
                    return engine.snapshot(clearStats);
                }
            };
        };
    }
}
