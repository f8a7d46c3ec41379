package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param notifyScripts        by keyword ({@code notify}, {@code notify_master}, ...), file order
 */
public record VrrpInstance(String name, Optional<String> interfaceName, State initialState, int virtualRouterId,
                           int priority, long advertIntervalMicros, int version, boolean nopreempt,
                           long preemptDelayMicros, Optional<Authentication> authentication,
                           List<VirtualAddress> virtualAddresses, List<VirtualAddress> excludedAddresses,
                           List<IpRoute> virtualRoutes, List<IpRule> virtualRules, List<Tracked> trackInterfaces,
                           List<Tracked> trackScripts, Optional<String> unicastSourceIp,
                           List<UnicastPeer> unicastPeers, Optional<String> mcastSourceIp, boolean useVmac,
                           boolean strictMode, Map<String, ScriptSpec> notifyScripts, Location location) {

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
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        unicastPeers = List.copyOf(unicastPeers);
        notifyScripts = VrrpConfig.ordered(notifyScripts);
    }
}
