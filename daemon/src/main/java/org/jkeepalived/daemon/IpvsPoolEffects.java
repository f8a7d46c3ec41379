package org.jkeepalived.daemon;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.daemon.smtp.SmtpAlerter;
import org.jkeepalived.healthcheck.script.ScriptLauncher;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsConnectionTimeouts;
import org.jkeepalived.ipvs.IpvsKernel;
import org.jkeepalived.ipvs.IpvsReconciler;
import org.jkeepalived.ipvs.IpvsSyncDaemons;
import org.jkeepalived.ipvs.LvsGlobals;
import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.slf4j.Logger;

/**
 * Pool decisions applied to the kernel: the destination commands through an {@link IpvsReconciler} on a generic
 * netlink socket, scripts through {@link CheckerScripts}, FIFO lines through {@link CheckerFifos}. The pool has
 * already made keepalived's inhibit translation, so a removal here is always a real DELDEST (keepalived's shutdown
 * included) and a sorry server's weight change is the edit of an inhibited one. Used by the checker event loop only.
 *
 * <p>Around the pools it does what keepalived 2.2.7's checker process does with the IPVS global_defs: at open, in
 * {@code start_check}'s order, {@code lvs_timeouts}, the sync daemons when they are the checkers' (no {@code inst}),
 * then {@code lvs_flush}; on stop {@code lvs_flush_on_stop}, then the sync daemons stopped and the kernel's own
 * timeouts put back (these two even with {@code -I}, as keepalived's {@code ipvs_stop}).
 */
final class IpvsPoolEffects implements CheckerLauncher.Effects {
    /** How long a netlink request may wait for the kernel's acknowledgement. */
    private static final int REPLY_TIMEOUT_MILLIS = 5_000;
    private static final int FIRST_SEQUENCE = 1;
    /** What keepalived's {@code ipvs_init} reports when the module is not loaded: ENOENT's strerror. */
    private static final String NO_IPVS = "No such file or directory";

    private final IpvsKernel kernel;
    /** The netlink socket under {@code kernel}, closed last. */
    private final Closeable socket;
    private final IpvsReconciler reconciler;
    private final IpvsConnectionTimeouts timeouts;
    private final CheckerScripts scripts;
    private final CheckerFifos fifos;
    private final Logger log;
    private final SmtpAlerter alerter;
    private LvsGlobals globals;
    private Optional<IpvsSyncDaemons> syncDaemons;
    /** Set by {@link #stopping}: under {@code lvs_flush_on_stop} the pools' removals are left to one sweep. */
    private volatile boolean flushingOnStop;

    private IpvsPoolEffects(IpvsKernel kernel, Closeable socket, KeepalivedConfig config, CheckerScripts scripts,
                            Logger log, SmtpAlerter alerter) {
        this.kernel = kernel;
        this.socket = socket;
        this.reconciler = new IpvsReconciler(kernel, config.lvs());
        this.timeouts = new IpvsConnectionTimeouts(kernel);
        this.scripts = scripts;
        this.fifos = CheckerFifos.open(config.global(), log);
        this.log = log;
        this.alerter = alerter;
        alerter.configure(config.global());
        this.globals = LvsGlobals.of(config);
        this.syncDaemons = checkerSyncDaemons(globals);
    }

    /** keepalived's {@code checker_ipvs_syncd_needed}: the sync daemons are the checkers' without {@code inst}. */
    private Optional<IpvsSyncDaemons> checkerSyncDaemons(LvsGlobals settings) {
        return settings.syncDaemon().filter(daemon -> daemon.vrrpInstance().isEmpty())
                .map(daemon -> new IpvsSyncDaemons(kernel, daemon));
    }

    /** {@code start_check} before {@code init_services}: timeouts, the checkers' sync daemons, {@code lvs_flush}. */
    private IpvsPoolEffects applyGlobalsAtStart() {
        timeouts.apply(globals.timeouts(), false);
        syncDaemons.ifPresent(IpvsSyncDaemons::startBoth);
        if (globals.flushAtStart()) {
            reconciler.flush();
        }
        return this;
    }

    /**
     * The kernel's IPVS, as keepalived's {@code ipvs_start}: unavailable when the ip_vs module is not loaded in this
     * network namespace ({@code procIpVs}, normally /proc/net/ip_vs, is absent) or the IPVS genetlink family cannot
     * be resolved.
     *
     * @param scripts what runs the notify scripts, with the identity this process runs as
     * @param searchPath PATH, where a script named without a slash is found
     * @param alerter    where the pools' {@code smtp_alert} mail goes
     */
    static CheckerLauncher.Ipvs kernel(Path procIpVs, ScriptLauncher scripts, String searchPath, Logger log,
                                       SmtpAlerter alerter) {
        return config -> {
            IpvsClient client = openClient(procIpVs);
            return on(client, client::close, config, new CheckerScripts(scripts, searchPath, log), log, alerter);
        };
    }

    /** The effects on {@code kernel} once the IPVS globals of {@code config} are applied; {@code socket} closes it. */
    static CheckerLauncher.Effects on(IpvsKernel kernel, Closeable socket, KeepalivedConfig config,
                                      CheckerScripts scripts, Logger log, SmtpAlerter alerter) {
        return new IpvsPoolEffects(kernel, socket, config, scripts, log, alerter).applyGlobalsAtStart();
    }

    /**
     * keepalived's {@code ipvs_init}: a generic netlink socket with the IPVS family resolved, in this thread's
     * network namespace.
     *
     * @throws CheckerLauncher.IpvsUnavailable with the text keepalived logs after {@code Can't initialize ipvs: }
     */
    static IpvsClient openClient(Path procIpVs) throws CheckerLauncher.IpvsUnavailable {
        if (!Files.exists(procIpVs)) {
            throw new CheckerLauncher.IpvsUnavailable(NO_IPVS);
        }
        try {
            return IpvsClient.open(FIRST_SEQUENCE, REPLY_TIMEOUT_MILLIS);
        } catch (NativeIoException e) {
            throw new CheckerLauncher.IpvsUnavailable(Native.errnoText(e.errno()));
        } catch (IOException e) {
            throw new CheckerLauncher.IpvsUnavailable(e.getMessage());
        }
    }

    /** The start-up's table commands sent together: {@link IpvsReconciler#inOneBatch}. */
    @Override
    public void batched(Runnable decisions) {
        reconciler.inOneBatch(decisions);
    }

    @Override
    public void addVirtualServer(VirtualServer virtualServer) {
        reconciler.installVirtualServer(virtualServer);
    }

    @Override
    public void editVirtualServer(VirtualServer virtualServer) {
        reconciler.editVirtualServer(virtualServer);
    }

    @Override
    public void configReplaced(LvsConfig lvs) {
        reconciler.useConfig(lvs);
    }

    @Override
    public void removeVirtualServer(VirtualServer virtualServer) {
        if (!flushingOnStop) {
            reconciler.removeVirtualServer(virtualServer);
        }
    }

    /**
     * keepalived's {@code start_check} on reload: {@code lvs_timeouts} set (or the kernel's own back when gone), and
     * the checkers' sync daemons restarted only when their setting changed. {@code lvs_flush} counts at start only.
     * Call on the checker loop, before the virtual servers' changes.
     */
    @Override
    public void reloadGlobals(KeepalivedConfig newConfig) {
        LvsGlobals newGlobals = LvsGlobals.of(newConfig);
        timeouts.apply(newGlobals.timeouts(), true);
        Optional<IpvsSyncDaemons> newSyncDaemons = checkerSyncDaemons(newGlobals);
        // keepalived 2.2.7 leaves the old daemons running when the new config no longer gives them to the checkers
        if (!globals.syncDaemon().equals(newGlobals.syncDaemon())) {
            newSyncDaemons.ifPresent(IpvsSyncDaemons::startBoth);
        }
        globals = newGlobals;
        syncDaemons = newSyncDaemons;
        alerter.configure(newConfig.global());
    }

    @Override
    public void stopping(boolean releaseIpvs) {
        flushingOnStop = releaseIpvs && globals.flushOnStop() != LvsGlobals.FlushOnStop.NONE;
    }

    @Override
    public boolean flushingOnStop() {
        return flushingOnStop;
    }

    @Override
    public boolean addRealServer(VirtualServer virtualServer, RealServer realServer, int weight) {
        return reconciler.addRealServer(virtualServer, realServer, weight);
    }

    @Override
    public boolean setRealServerWeight(VirtualServer virtualServer, RealServer realServer, int weight) {
        return reconciler.setRealServerWeight(virtualServer, realServer, weight);
    }

    @Override
    public boolean removeRealServer(VirtualServer virtualServer, RealServer realServer) {
        return flushingOnStop || reconciler.forceRemoveRealServer(virtualServer, realServer);
    }

    @Override
    public void addSorryServer(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        reconciler.addSorryServer(virtualServer, weight != 0);
    }

    /** Only an inhibited sorry server is edited, which the reconciler does for an add or removal of one it holds. */
    @Override
    public void setSorryServerWeight(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        if (weight != 0) {
            reconciler.addSorryServer(virtualServer, true);
        } else {
            reconciler.removeSorryServer(virtualServer);
        }
    }

    @Override
    public void removeSorryServer(VirtualServer virtualServer, SorryServer sorryServer) {
        if (!flushingOnStop) {
            reconciler.forceRemoveSorryServer(virtualServer);
        }
    }

    @Override
    public void runScript(ScriptSpec script, boolean shuttingDown) {
        scripts.run(script, shuttingDown);
    }

    @Override
    public void notifyFifo(String line) {
        fifos.write(line);
    }

    @Override
    public void smtpAlert(String subject, String body) {
        alerter.send(subject, body);
    }

    @Override
    public void log(String line) {
        log.info(line);
    }

    /**
     * After the pools have stopped: {@code lvs_flush_on_stop} applied (our services deleted, or the whole table
     * flushed), the checkers' sync daemons stopped, the kernel's timeouts restored (keepalived's
     * {@code checker_terminate_phase2}), the shutdown scripts waited for, the FIFOs and the netlink socket closed.
     */
    @Override
    public void close() {
        if (flushingOnStop) {
            reconciler.removeAll(globals.flushOnStop());
        }
        syncDaemons.ifPresent(IpvsSyncDaemons::stopBoth);
        timeouts.restore();
        scripts.close();
        fifos.close();
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("IPVS socket not closed: {}", e.getMessage());
        }
    }
}
