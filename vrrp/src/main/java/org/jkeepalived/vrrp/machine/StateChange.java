package org.jkeepalived.vrrp.machine;

import java.util.Objects;

/** One state change of an instance, as its choke point recorded it. */
record StateChange(VrrpState oldState, VrrpState newState, StateChangeReason reason, long atNs) {

    StateChange {
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(reason, "reason");
    }
}
