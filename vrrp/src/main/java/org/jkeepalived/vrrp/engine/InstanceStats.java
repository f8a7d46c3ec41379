package org.jkeepalived.vrrp.engine;

import org.jkeepalived.vrrp.machine.VrrpState;

/**
 * keepalived's per-instance {@code vrrp_stats} counters that are not drop reasons: adverts received and sent,
 * mastership gained and released, priority 0 adverts. Owned by the loop thread.
 */
final class InstanceStats {

    private long advertsReceived;
    private long advertsSent;
    private long becameMaster;
    private long releasedMaster;
    private long priorityZeroReceived;
    private long priorityZeroSent;
    private long lastTransitionNs;

    /** An advert that passed keepalived's early checks; {@code priority} as it carried it. */
    void advertReceived(int priority) {
        advertsReceived++;
        if (priority == 0) {
            priorityZeroReceived++;
        }
    }

    /** An advert keepalived counts as received before a later check drops it. */
    void droppedAdvertReceived() {
        advertsReceived++;
    }

    void advertSent(int priority) {
        advertsSent++;
        if (priority == 0) {
            priorityZeroSent++;
        }
    }

    /**
     * The state the loop publishes now; {@code previous} is the one it published before (null at start). Entering
     * MASTER counts as becoming master, leaving it as releasing it.
     */
    void observeState(VrrpState previous, VrrpState current, long nowNs) {
        if (previous == current) {
            return;
        }
        lastTransitionNs = nowNs;
        if (current == VrrpState.MASTER) {
            becameMaster++;
        } else if (previous == VrrpState.MASTER) {
            releasedMaster++;
        }
    }

    long lastTransitionNs() {
        return lastTransitionNs;
    }

    /** keepalived's SIGSTATS_CLEAR zeroes every counter after the dump. */
    void clear() {
        advertsReceived = 0;
        advertsSent = 0;
        becameMaster = 0;
        releasedMaster = 0;
        priorityZeroReceived = 0;
        priorityZeroSent = 0;
    }

    InstanceSnapshot.Counters snapshot() {
        return new InstanceSnapshot.Counters(advertsReceived, advertsSent, becameMaster, releasedMaster,
                priorityZeroReceived, priorityZeroSent);
    }
}
