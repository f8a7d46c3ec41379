package org.jkeepalived.config.global;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUserSetting;

/**
 * global_defs and the process-wide root keywords, with keepalived 2.2.7's defaults.
 *
 * @param routerId                 {@code router_id}, default the short host name
 * @param notificationEmails       {@code notification_email} addresses, in file order
 * @param smtpConnectTimeoutSecs   {@code smtp_connect_timeout}, default 30
 * @param smtpAlert                {@code smtp_alert}; empty when unset (instances then default to off)
 * @param smtpAlertVrrp            {@code smtp_alert_vrrp}; empty when unset (then {@code smtp_alert} decides)
 * @param smtpAlertChecker         {@code smtp_alert_checker}; empty when unset (then {@code smtp_alert} decides)
 * @param checkerLogAllFailures    {@code checker_log_all_failures}
 * @param scriptUser               {@code script_user}; empty when unset
 * @param enableScriptSecurity     {@code enable_script_security}
 * @param dynamicInterfaces        {@code dynamic_interfaces}: interfaces missing at start are not errors
 * @param vrrpVersion              {@code vrrp_version}, default 2
 * @param vrrpLowerPrioNoAdvert    {@code vrrp_lower_prio_no_advert}
 * @param vrrpHigherPrioSendAdvert {@code vrrp_higher_prio_send_advert}
 * @param vrrpMcastGroup4          {@code vrrp_mcast_group4}, default 224.0.0.18
 * @param vrrpMcastGroup6          {@code vrrp_mcast_group6}, default ff02::12
 * @param notifyFifo               {@code notify_fifo} with its {@code notify_fifo_script}
 * @param vrrpNotifyFifo           {@code vrrp_notify_fifo} with its {@code vrrp_notify_fifo_script}
 * @param lvsNotifyFifo            {@code lvs_notify_fifo} with its {@code lvs_notify_fifo_script}
 * @param vrrpStartupDelayMicros   {@code vrrp_startup_delay}, 0 when unset
 * @param vrrpNotifyPriorityChanges {@code vrrp_notify_priority_changes}: the instances' default
 * @param lvs                      {@code lvs_flush}, {@code lvs_flush_on_stop}, {@code lvs_timeouts} and
 *                                 {@code lvs_sync_daemon}
 * @param noEmailFaults            {@code no_email_faults}: VRRP instances and sync groups mail no FAULT state
 * @param noCheckerEmails          {@code no_checker_emails}: a checker mails only when its real server changes
 */
public record GlobalDefs(String routerId, List<String> notificationEmails, Optional<String> notificationEmailFrom,
                         Optional<SmtpServer> smtpServer, Optional<String> smtpHeloName, int smtpConnectTimeoutSecs,
                         Optional<Boolean> smtpAlert, Optional<Boolean> smtpAlertVrrp,
                         Optional<Boolean> smtpAlertChecker, boolean checkerLogAllFailures,
                         Optional<ScriptUserSetting> scriptUser, boolean enableScriptSecurity,
                         boolean dynamicInterfaces, boolean allowIfChanges, Optional<String> defaultInterface,
                         int vrrpVersion, boolean vrrpStrict, boolean vrrpSkipCheckAdvAddr,
                         boolean vrrpLowerPrioNoAdvert, boolean vrrpHigherPrioSendAdvert,
                         boolean vrrpCheckUnicastSrc, String vrrpMcastGroup4, String vrrpMcastGroup6,
                         GarpDefaults garp, Optional<NotifyFifo> notifyFifo, Optional<NotifyFifo> vrrpNotifyFifo,
                         Optional<NotifyFifo> lvsNotifyFifo, long vrrpStartupDelayMicros,
                         boolean vrrpNotifyPriorityChanges, LvsSettings lvs, boolean noEmailFaults,
                         boolean noCheckerEmails) {

    public static final int DEFAULT_SMTP_CONNECT_TIMEOUT_SECS = 30;

    public GlobalDefs {
        Objects.requireNonNull(routerId, "routerId");
        notificationEmails = List.copyOf(notificationEmails);
        if (vrrpVersion != 2 && vrrpVersion != 3) {
            throw new IllegalArgumentException("vrrpVersion: " + vrrpVersion + " (expected 2 or 3)");
        }
        Objects.requireNonNull(garp, "garp");
        Objects.requireNonNull(lvs, "lvs");
    }

    /** The same global_defs with other IPVS settings, as the VRRP side completes {@code lvs_sync_daemon}. */
    public GlobalDefs withLvs(LvsSettings newLvs) {
        return new GlobalDefs(routerId, notificationEmails, notificationEmailFrom, smtpServer, smtpHeloName,
                smtpConnectTimeoutSecs, smtpAlert, smtpAlertVrrp, smtpAlertChecker, checkerLogAllFailures, scriptUser,
                enableScriptSecurity, dynamicInterfaces, allowIfChanges, defaultInterface, vrrpVersion, vrrpStrict,
                vrrpSkipCheckAdvAddr, vrrpLowerPrioNoAdvert, vrrpHigherPrioSendAdvert, vrrpCheckUnicastSrc,
                vrrpMcastGroup4, vrrpMcastGroup6, garp, notifyFifo, vrrpNotifyFifo, lvsNotifyFifo,
                vrrpStartupDelayMicros, vrrpNotifyPriorityChanges, newLvs, noEmailFaults, noCheckerEmails);
    }

    /** {@code smtp_server HOST [PORT]}; HOST is an address or a name resolved when mail is sent. */
    public record SmtpServer(String host, int port) {
        public static final int DEFAULT_PORT = 25;

        public SmtpServer {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " (expected 0..65535)");
            }
        }
    }

    /**
     * The gratuitous ARP / unsolicited NA settings every instance starts from.
     *
     * @param masterDelaySecs        {@code vrrp_garp_master_delay}, default 5 (0: no second burst)
     * @param masterRepeat           {@code vrrp_garp_master_repeat}, default 5
     * @param masterRefreshSecs      {@code vrrp_garp_master_refresh}, default 0 (off)
     * @param masterRefreshRepeat    {@code vrrp_garp_master_refresh_repeat}, default 1
     * @param garpIntervalMicros     {@code vrrp_garp_interval}, default 0
     * @param gnaIntervalMicros      {@code vrrp_gna_interval}, default 0
     * @param downTimerAdverts       {@code vrrp_down_timer_adverts}, default 3
     * @param lowerPrioDelaySecs     {@code vrrp_garp_lower_prio_delay}, unset by default
     * @param lowerPrioRepeat        {@code vrrp_garp_lower_prio_repeat}, unset by default
     */
    public record GarpDefaults(int masterDelaySecs, long masterRepeat, long masterRefreshSecs,
                               long masterRefreshRepeat, long garpIntervalMicros, long gnaIntervalMicros,
                               int downTimerAdverts, OptionalLong lowerPrioDelaySecs, OptionalLong lowerPrioRepeat) {
        public static final GarpDefaults KEEPALIVED =
                new GarpDefaults(5, 5, 0, 1, 0, 0, 3, OptionalLong.empty(), OptionalLong.empty());

        public GarpDefaults {
            Objects.requireNonNull(lowerPrioDelaySecs, "lowerPrioDelaySecs");
            Objects.requireNonNull(lowerPrioRepeat, "lowerPrioRepeat");
        }
    }

    /** A notify FIFO and the script keepalived starts to read it. */
    public record NotifyFifo(String path, Optional<ScriptSpec> script) {
        public NotifyFifo {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(script, "script");
        }
    }

    /**
     * {@code lvs_sync_daemon IFNAME [inst VRRP_INSTANCE] [id N] [maxlen N] [port N] [ttl N] [group IP]} (or its old
     * form {@code IFNAME VRRP_INSTANCE [SYNC_ID]}), or a vrrp_instance's deprecated {@code lvs_sync_daemon_interface
     * IFNAME}, as keepalived 2.2.7 leaves it once its VRRP side has found the instance.
     *
     * @param vrrpInstance the instance whose state decides master or backup; empty: the checkers run both daemons
     * @param syncId       {@code id} (0..255); empty: the instance's VRID, or 0 without an instance
     * @param maxLength    {@code maxlen}, 1..65507
     * @param port         {@code port}, 1..65535
     * @param ttl          {@code ttl}, 1..255
     * @param group        {@code group}, a multicast address
     */
    public record LvsSyncDaemon(String interfaceName, Optional<String> vrrpInstance, OptionalInt syncId,
                                OptionalInt maxLength, OptionalInt port, OptionalInt ttl,
                                Optional<InetAddress> group) {
        /** keepalived's IP_VS_IFNAME_MAXLEN, the terminating NUL included. */
        public static final int IFNAME_MAX_LENGTH = 16;
        public static final int MAX_SYNC_ID = 255;
        /** The largest datagram payload: 65535 less the IPv4 and UDP headers. */
        public static final int MAX_MAX_LENGTH = 65_535 - 20 - 8;

        public LvsSyncDaemon {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(vrrpInstance, "vrrpInstance");
            requireRange("syncId", syncId, 0, MAX_SYNC_ID);
            requireRange("maxLength", maxLength, 1, MAX_MAX_LENGTH);
            requireRange("port", port, 1, 65_535);
            requireRange("ttl", ttl, 1, 255);
            Objects.requireNonNull(group, "group");
            if (group.isPresent() && !group.get().isMulticastAddress()) {
                throw new IllegalArgumentException("group: " + group.get() + " (expected a multicast address)");
            }
        }

        /** The same settings with the sync id given explicitly. */
        public LvsSyncDaemon withSyncId(int newSyncId) {
            return new LvsSyncDaemon(interfaceName, vrrpInstance, OptionalInt.of(newSyncId), maxLength, port, ttl,
                    group);
        }

        private static void requireRange(String name, OptionalInt value, int min, int max) {
            Objects.requireNonNull(value, name);
            if (value.isPresent() && (value.getAsInt() < min || value.getAsInt() > max)) {
                throw new IllegalArgumentException(name + ": " + value.getAsInt() + " (expected " + min + ".." + max
                        + ")");
            }
        }
    }

    /** keepalived's lvs_flush_t: what a stop does to the IPVS table. */
    public enum LvsFlushOnStop {
        /** Default: our real servers removed, then our services. */
        NONE,
        /** {@code lvs_flush_on_stop VS}: our services deleted, their destinations with them. */
        VIRTUAL_SERVERS,
        /** {@code lvs_flush_on_stop}: the whole table flushed, ours or not. */
        FULL
    }

    /**
     * The IPVS globals.
     *
     * @param flush             {@code lvs_flush}: the whole table emptied at start
     * @param flushOnStop       {@code lvs_flush_on_stop} (or its old spelling {@code lvs_flush_onstop})
     * @param tcpTimeoutSecs    {@code lvs_timeouts tcp}, 0 when not given
     * @param tcpFinTimeoutSecs {@code lvs_timeouts tcpfin}, 0 when not given
     * @param udpTimeoutSecs    {@code lvs_timeouts udp}, 0 when not given
     * @param syncDaemon        {@code lvs_sync_daemon}
     */
    public record LvsSettings(boolean flush, LvsFlushOnStop flushOnStop, long tcpTimeoutSecs, long tcpFinTimeoutSecs,
                              long udpTimeoutSecs, Optional<LvsSyncDaemon> syncDaemon) {

        /** keepalived's LVS_MAX_TIMEOUT: 31 days in seconds. */
        public static final long MAX_TIMEOUT_SECS = 86_400L * 31;
        public static final LvsSettings DEFAULT = new LvsSettings(false, LvsFlushOnStop.NONE, 0, 0, 0,
                Optional.empty());

        public LvsSettings {
            Objects.requireNonNull(flushOnStop, "flushOnStop");
            requireTimeout("tcpTimeoutSecs", tcpTimeoutSecs);
            requireTimeout("tcpFinTimeoutSecs", tcpFinTimeoutSecs);
            requireTimeout("udpTimeoutSecs", udpTimeoutSecs);
            Objects.requireNonNull(syncDaemon, "syncDaemon");
        }

        public LvsSettings withSyncDaemon(Optional<LvsSyncDaemon> newSyncDaemon) {
            return new LvsSettings(flush, flushOnStop, tcpTimeoutSecs, tcpFinTimeoutSecs, udpTimeoutSecs,
                    newSyncDaemon);
        }

        private static void requireTimeout(String name, long secs) {
            if (secs < 0 || secs > MAX_TIMEOUT_SECS) {
                throw new IllegalArgumentException(name + ": " + secs + " (expected 0.." + MAX_TIMEOUT_SECS + ")");
            }
        }
    }
}
