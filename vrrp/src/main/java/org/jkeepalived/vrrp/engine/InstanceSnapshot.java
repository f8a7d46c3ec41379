package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.codec.DropReason;
import org.jkeepalived.vrrp.machine.VrrpState;

/**
 * One instance as the loop saw it when asked, for keepalived's data, stats and JSON dumps.
 *
 * @param config             the instance's configuration
 * @param state              its state
 * @param effectivePriority  its priority after tracking weights
 * @param masterAddress      the master it follows as backup
 * @param masterPriority     the priority of that master's last advert (0 when none)
 * @param sourceAddress      the address its adverts come from
 * @param lastTransitionNs   the loop clock when its state last changed (when it started, before any change)
 * @param addressesSet       whether it holds its virtual addresses (keepalived's {@code vipset})
 * @param counters           keepalived's counters other than drops
 * @param drops              the adverts it dropped, by reason
 */
public record InstanceSnapshot(VrrpInstance config, VrrpState state, int effectivePriority,
                               Optional<InetAddress> masterAddress, int masterPriority,
                               Optional<InetAddress> sourceAddress, long lastTransitionNs, boolean addressesSet,
                               Counters counters, Map<DropReason, Long> drops) {

    public InstanceSnapshot {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(state, "state");
        drops = Map.copyOf(drops);
    }

    /** keepalived's {@code vrrp_stats} counters other than the drop reasons. */
    public record Counters(long advertsReceived, long advertsSent, long becameMaster, long releasedMaster,
                           long priorityZeroReceived, long priorityZeroSent) {
    }
}
