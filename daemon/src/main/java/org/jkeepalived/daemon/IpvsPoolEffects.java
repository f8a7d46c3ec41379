package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.healthcheck.script.ScriptLauncher;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsReconciler;
import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.slf4j.Logger;

/**
 * Pool decisions applied to the kernel: the destination commands through an {@link IpvsReconciler} on a generic
 * netlink socket, scripts through {@link CheckerScripts}, FIFO lines through {@link CheckerFifos}. The pool has
 * already made keepalived's inhibit translation, so a removal here is always a real DELDEST (keepalived's shutdown
 * included) and a sorry server's weight change is the edit of an inhibited one. Used by the checker event loop only.
 */
final class IpvsPoolEffects implements CheckerLauncher.Effects {
    /** How long a netlink request may wait for the kernel's acknowledgement. */
    private static final int REPLY_TIMEOUT_MILLIS = 5_000;
    private static final int FIRST_SEQUENCE = 1;
    /** What keepalived's {@code ipvs_init} reports when the module is not loaded: ENOENT's strerror. */
    private static final String NO_IPVS = "No such file or directory";

    private final IpvsClient client;
    private final IpvsReconciler reconciler;
    private final CheckerScripts scripts;
    private final CheckerFifos fifos;
    private final Logger log;

    private IpvsPoolEffects(IpvsClient client, KeepalivedConfig config, CheckerScripts scripts, Logger log) {
        this.client = client;
        this.reconciler = new IpvsReconciler(client, config.lvs());
        this.scripts = scripts;
        this.fifos = CheckerFifos.open(config.global(), log);
        this.log = log;
    }

    /**
     * The kernel's IPVS, as keepalived's {@code ipvs_start}: unavailable when the ip_vs module is not loaded in this
     * network namespace ({@code procIpVs}, normally /proc/net/ip_vs, is absent) or the IPVS genetlink family cannot
     * be resolved.
     *
     * @param scripts what runs the notify scripts, with the identity this process runs as
     * @param searchPath PATH, where a script named without a slash is found
     */
    static CheckerLauncher.Ipvs kernel(Path procIpVs, ScriptLauncher scripts, String searchPath, Logger log) {
        return config -> {
            if (!Files.exists(procIpVs)) {
                throw new CheckerLauncher.IpvsUnavailable(NO_IPVS);
            }
            IpvsClient client;
            try {
                client = IpvsClient.open(FIRST_SEQUENCE, REPLY_TIMEOUT_MILLIS);
            } catch (NativeIoException e) {
                throw new CheckerLauncher.IpvsUnavailable(Native.errnoText(e.errno()));
            } catch (IOException e) {
                throw new CheckerLauncher.IpvsUnavailable(e.getMessage());
            }
            return new IpvsPoolEffects(client, config, new CheckerScripts(scripts, searchPath, log), log);
        };
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
        reconciler.removeVirtualServer(virtualServer);
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
        return reconciler.forceRemoveRealServer(virtualServer, realServer);
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
        reconciler.forceRemoveSorryServer(virtualServer);
    }

    @Override
    public void runScript(ScriptSpec script, boolean shuttingDown) {
        scripts.run(script, shuttingDown);
    }

    @Override
    public void notifyFifo(String line) {
        fifos.write(line);
    }

    /** Not sent: jkeepalived has no SMTP client yet. */
    @Override
    public void smtpAlert(String subject, String body) {
        log.debug("SMTP alert not sent: {} {}", subject, body);
    }

    @Override
    public void log(String line) {
        log.info(line);
    }

    /** After the pools have stopped: the shutdown scripts waited for, the FIFOs and the netlink socket closed. */
    @Override
    public void close() {
        scripts.close();
        fifos.close();
        try {
            client.close();
        } catch (IOException e) {
            log.debug("IPVS socket not closed: {}", e.getMessage());
        }
    }
}
