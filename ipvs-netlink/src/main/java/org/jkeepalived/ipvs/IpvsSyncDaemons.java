package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IPVS connection sync daemons of {@code lvs_sync_daemon}, started and stopped as keepalived 2.2.7 does it. Two
 * owners, chosen by the setting:
 * <ul>
 *   <li>without {@code inst}, the checkers: {@link #startBoth} at start (and on a reload that changed the setting),
 *       {@link #stopBoth} on stop (check_daemon.c);</li>
 *   <li>with {@code inst VRRP_INSTANCE}, the VRRP side, following that instance: {@link #becomeMaster} when it becomes
 *       master, {@link #leaveMaster} when it leaves master having held its VIPs, {@link #stop} on shutdown
 *       (vrrp.c, vrrp_daemon.c). keepalived's {@code vrrp_init_state} starts the daemon of the instance's state
 *       when VRRP starts ({@link #startFor}): the backup one, as every instance starts in INIT.</li>
 * </ul>
 * Refusals are logged as keepalived logs them ({@code IPVS cmd IP_VS_SO_SET_STOPDAEMON(1164) error: No daemon is
 * running(3)}), except where keepalived ignores them. Owned by the thread that owns {@code kernel}.
 */
public final class IpvsSyncDaemons {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsSyncDaemons.class);

    private final IpvsKernel kernel;
    private final GlobalDefs.LvsSyncDaemon settings;
    private final long syncId;

    /**
     * @param settings as the config model leaves them: with an instance, its sync id defaults to the instance's VRID
     *                 there already; without, it defaults to 0 here
     */
    public IpvsSyncDaemons(IpvsKernel kernel, GlobalDefs.LvsSyncDaemon settings) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.syncId = settings.syncId().orElse(0);
    }

    /** Whether the VRRP side owns the daemons ({@code inst} given), else the checkers do. */
    public boolean followsVrrpInstance() {
        return settings.vrrpInstance().isPresent();
    }

    /** Checkers at start: any daemon left by an abnormal end stopped (quietly), then master and backup started. */
    public boolean startBoth() {
        stopBoth();
        return start(IpvsDaemon.IP_VS_STATE_MASTER) & start(IpvsDaemon.IP_VS_STATE_BACKUP);
    }

    /** Checkers on stop: both daemons stopped, refusals not logged. */
    public void stopBoth() {
        stopQuietly(IpvsDaemon.IP_VS_STATE_MASTER);
        stopQuietly(IpvsDaemon.IP_VS_STATE_BACKUP);
    }

    /** keepalived's {@code vrrp_init_state}: the daemon of the instance's state started, a refusal logged. */
    public boolean startFor(boolean instanceIsMaster) {
        return start(instanceIsMaster ? IpvsDaemon.IP_VS_STATE_MASTER : IpvsDaemon.IP_VS_STATE_BACKUP);
    }

    /** keepalived's ipvs_syncd_master: the backup daemon stopped, the master one started. */
    public boolean becomeMaster() {
        return stop(IpvsDaemon.IP_VS_STATE_BACKUP) & start(IpvsDaemon.IP_VS_STATE_MASTER);
    }

    /** keepalived's ipvs_syncd_backup: the master daemon stopped, the backup one started. */
    public boolean leaveMaster() {
        return stop(IpvsDaemon.IP_VS_STATE_MASTER) & start(IpvsDaemon.IP_VS_STATE_BACKUP);
    }

    /** VRRP shutdown: the daemon of the instance's state stopped (a refusal logged). */
    public boolean stop(boolean instanceIsMaster) {
        return stop(instanceIsMaster ? IpvsDaemon.IP_VS_STATE_MASTER : IpvsDaemon.IP_VS_STATE_BACKUP);
    }

    /** keepalived's {@code ipvs_syncd_changed} negated: the same interface, sync id and options. */
    public boolean sameSettings(IpvsSyncDaemons other) {
        return syncId == other.syncId && settings.interfaceName().equals(other.settings.interfaceName())
                && settings.maxLength().equals(other.settings.maxLength())
                && settings.port().equals(other.settings.port()) && settings.ttl().equals(other.settings.ttl())
                && settings.group().equals(other.settings.group());
    }

    /** The sync id the daemons run with: {@code id}, else the instance's VRID, else 0. */
    public long syncId() {
        return syncId;
    }

    private boolean start(int state) {
        return talk(IpvsOperation.START_DAEMON, new IpvsDaemon(state, Optional.of(settings.interfaceName()),
                syncId, settings.maxLength(), settings.port(), settings.ttl(), settings.group()), false);
    }

    private boolean stop(int state) {
        return talk(IpvsOperation.STOP_DAEMON, IpvsDaemon.toStop(state, syncId), false);
    }

    /** keepalived stops without its settings here: sync id 0, which the kernel does not compare. */
    private void stopQuietly(int state) {
        talk(IpvsOperation.STOP_DAEMON, IpvsDaemon.toStop(state, 0), true);
    }

    private boolean talk(IpvsOperation operation, IpvsDaemon daemon, boolean quiet) {
        try {
            if (operation == IpvsOperation.START_DAEMON) {
                kernel.startDaemon(daemon);
            } else {
                kernel.stopDaemon(daemon);
            }
            return true;
        } catch (IOException e) {
            if (!quiet) {
                LOG.info("{}", e.getMessage());
            }
            return quiet;
        }
    }
}
