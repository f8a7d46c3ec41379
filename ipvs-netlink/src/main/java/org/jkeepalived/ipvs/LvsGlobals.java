package org.jkeepalived.ipvs;

import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;

/**
 * The global_defs keywords that drive IPVS beside the virtual servers: {@code lvs_flush}, {@code lvs_flush_on_stop}
 * (and its old spelling {@code lvs_flush_onstop}), {@code lvs_timeouts} and {@code lvs_sync_daemon}, as the config
 * model types them with keepalived's messages. Values keepalived refuses are left unset, as keepalived leaves them.
 *
 * @param flushAtStart {@code lvs_flush}: the whole table emptied at start (not on reload)
 * @param flushOnStop  what a stop does to the table
 * @param timeouts     {@code lvs_timeouts}, 0 for each one not given
 * @param syncDaemon   {@code lvs_sync_daemon}, its instance found and its sync id defaulted as keepalived's VRRP
 *                     side does
 */
public record LvsGlobals(boolean flushAtStart, FlushOnStop flushOnStop, IpvsTimeouts timeouts,
                         Optional<GlobalDefs.LvsSyncDaemon> syncDaemon) {

    public LvsGlobals {
        Objects.requireNonNull(flushOnStop, "flushOnStop");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(syncDaemon, "syncDaemon");
    }

    /** keepalived's lvs_flush_t. */
    public enum FlushOnStop {
        /** Default: our real servers removed, then our services. */
        NONE,
        /** {@code lvs_flush_on_stop VS}: our services deleted, their destinations with them. */
        VIRTUAL_SERVERS,
        /** {@code lvs_flush_on_stop}: the whole table flushed, ours or not. */
        FULL
    }

    /** The IPVS settings of {@code config}'s global_defs, keepalived's defaults where absent. */
    public static LvsGlobals of(KeepalivedConfig config) {
        GlobalDefs.LvsSettings lvs = config.global().lvs();
        FlushOnStop flushOnStop = switch (lvs.flushOnStop()) {
            case NONE -> FlushOnStop.NONE;
            case VIRTUAL_SERVERS -> FlushOnStop.VIRTUAL_SERVERS;
            case FULL -> FlushOnStop.FULL;
        };
        return new LvsGlobals(lvs.flush(), flushOnStop, new IpvsTimeouts(lvs.tcpTimeoutSecs(),
                lvs.tcpFinTimeoutSecs(), lvs.udpTimeoutSecs()), lvs.syncDaemon());
    }
}
