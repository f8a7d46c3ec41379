package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code vrrp_instance} after keepalived 2.2.7's completion ({@code vrrp_complete_instance}): defaults applied.
 *
 * @param interfaceName        {@code interface}; empty for a unicast instance without one
 * @param initialState         {@code state}, MASTER or BACKUP (derived from the priority when not given)
 * @param priority             1..255; 255 when {@code state MASTER} and no priority, else default 100
 * @param advertIntervalMicros {@code advert_int} in microseconds; default 1s, whole seconds for VRRPv2,
 *                             10ms units for VRRPv3
 * @param version              2 or 3
 * @param preemptDelayMicros   {@code preempt_delay}
 * @param authentication       v2 only; empty when none or dropped
 * @param tracking             what the instance tracks (its own interface is not tracked)
 * @param vmac                 {@code use_vmac [NAME] [MAC]} with {@code vmac_xmit_base}; empty without use_vmac
 * @param accept               {@code accept} / {@code no_accept}; by default on, but off in strict mode unless
 *                             the address owner
 * @param garp                 the instance's gratuitous ARP settings, global_defs' where not given
 * @param downTimerAdverts     {@code down_timer_adverts}, 1..100 (3 in strict mode)
 * @param lowerPrioNoAdvert    {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param skipCheckAdvAddr     {@code skip_check_adv_addr} (any valid value sets it, as in keepalived 2.2.7)
 * @param debugLevel           {@code debug}, 0..4
 * @param notifyScripts        by keyword ({@code notify}, {@code notify_master}, ...), file order
 * @param dontTrackPrimary     {@code dont_track_primary}: the instance's own interface going down is no fault
 * @param notifyPriorityChanges {@code notify_priority_changes}; empty when unset (global_defs' then decides)
 * @param notifyDeleted        {@code notify_deleted}: an instance removed at reload notifies DELETED, not FAULT
 * @param unicastTtl           {@code unicast_ttl}, 0..255, of an instance with unicast peers: the TTL (IPv4) or
 *                             hop limit (IPv6) of its adverts; empty when not set (255 then)
 * @param smtpAlert            {@code smtp_alert}; empty when unset (global_defs' smtp_alert_vrrp, then
 *                             smtp_alert, then false decide)
 */
public record VrrpInstance(String name, Optional<String> interfaceName, State initialState, int virtualRouterId,
                           int priority, long advertIntervalMicros, int version, boolean nopreempt,
                           long preemptDelayMicros, Optional<Authentication> authentication,
                           List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses,
                           List<IpRoute> virtualRoutes, List<IpRule> virtualRules, Tracking tracking,
                           Optional<String> unicastSourceIp, List<UnicastPeer> unicastPeers,
                           Optional<String> mcastSourceIp, Optional<Vmac> vmac, boolean strictMode, boolean accept,
                           GarpSettings garp, int downTimerAdverts, boolean lowerPrioNoAdvert,
                           boolean higherPrioSendAdvert, boolean skipCheckAdvAddr, int debugLevel,
                           Map<String, ScriptSpec> notifyScripts, Location location, boolean dontTrackPrimary,
                           Optional<Boolean> notifyPriorityChanges, boolean notifyDeleted,
                           OptionalInt unicastTtl, Optional<Boolean> smtpAlert) {

    public static final int PRIORITY_OWNER = 255;
    public static final int PRIORITY_DEFAULT = 100;

    public enum State { MASTER, BACKUP }

    public enum AuthType { PASS, AH }

    /** {@code authentication { auth_type PASS|AH  auth_pass SECRET }}; the secret is at most 8 characters. */
    public record Authentication(AuthType type, String password) {
        public Authentication {
            Objects.requireNonNull(type, "type");
            if (password.length() > 8) {
                throw new IllegalArgumentException("password: " + password.length() + " characters (expected <= 8)");
            }
        }
    }

    /**
     * {@code use_vmac}: a macvlan interface the instance sends and receives on.
     *
     * @param interfaceName the macvlan's name; keepalived's vrrp.VRID when not given
     * @param macAddress    the macvlan's MAC address as written; the VRRP virtual MAC when not given
     * @param xmitBase      {@code vmac_xmit_base}: adverts go out of the base interface
     */
    public record Vmac(Optional<String> interfaceName, Optional<String> macAddress, boolean xmitBase) {
        public Vmac {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(macAddress, "macAddress");
        }
    }

    /**
     * Gratuitous ARP / unsolicited NA settings of one instance.
     *
     * @param masterDelaySecs     {@code garp_master_delay}
     * @param masterRepeat        {@code garp_master_repeat}, at least 1
     * @param masterRefreshSecs   {@code garp_master_refresh}, 0 for none
     * @param masterRefreshRepeat {@code garp_master_refresh_repeat}, at least 1
     * @param lowerPrioDelaySecs  {@code garp_lower_prio_delay}; empty where keepalived leaves it unset
     * @param lowerPrioRepeat     {@code garp_lower_prio_repeat}; empty where keepalived leaves it unset
     */
    public record GarpSettings(long masterDelaySecs, long masterRepeat, long masterRefreshSecs,
                               long masterRefreshRepeat, OptionalLong lowerPrioDelaySecs,
                               OptionalLong lowerPrioRepeat) {
        public GarpSettings {
            Objects.requireNonNull(lowerPrioDelaySecs, "lowerPrioDelaySecs");
            Objects.requireNonNull(lowerPrioRepeat, "lowerPrioRepeat");
        }
    }

    public VrrpInstance {
        Objects.requireNonNull(name, "name");
        if (virtualRouterId < 1 || virtualRouterId > 255) {
            throw new IllegalArgumentException("virtualRouterId: " + virtualRouterId + " (expected 1..255)");
        }
        if (priority < 1 || priority > 255) {
            throw new IllegalArgumentException("priority: " + priority + " (expected 1..255)");
        }
        virtualAddresses = List.copyOf(virtualAddresses);
        excludedAddresses = List.copyOf(excludedAddresses);
        virtualRoutes = List.copyOf(virtualRoutes);
        virtualRules = List.copyOf(virtualRules);
        Objects.requireNonNull(tracking, "tracking");
        Objects.requireNonNull(garp, "garp");
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("downTimerAdverts: " + downTimerAdverts + " (expected 1..100)");
        }
        if (debugLevel < 0 || debugLevel > 4) {
            throw new IllegalArgumentException("debugLevel: " + debugLevel + " (expected 0..4)");
        }
        unicastPeers = List.copyOf(unicastPeers);
        notifyScripts = VrrpConfig.ordered(notifyScripts);
        Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
        Objects.requireNonNull(unicastTtl, "unicastTtl");
        Objects.requireNonNull(smtpAlert, "smtpAlert");
    }
}
