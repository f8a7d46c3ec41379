package org.jkeepalived.vrrp.engine;

import java.util.EnumMap;
import java.util.Map;
import org.jkeepalived.vrrp.codec.DropReason;

/** The adverts one instance dropped, by reason, for the stats dump; written by the loop, read from any thread. */
final class DropCounters {

    private final Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);

    synchronized void count(DropReason reason) {
        counts.merge(reason, 1L, Long::sum);
    }

    synchronized void clear() {
        counts.clear();
    }

    synchronized Map<DropReason, Long> snapshot() {
        return counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
    }
}
