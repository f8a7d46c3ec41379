package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code garp_group}: gratuitous ARP / unsolicited NA pacing shared by the interfaces listed.
 *
 * @param aggregationGroup 1, 2, ... for groups with an {@code interfaces} block, in file order; 0 otherwise
 */
public record GarpGroup(OptionalLong garpIntervalMicros, OptionalLong gnaIntervalMicros, List<String> interfaces,
                        int aggregationGroup) {

    public GarpGroup {
        if (garpIntervalMicros.isEmpty() && gnaIntervalMicros.isEmpty()) {
            throw new IllegalArgumentException("garpIntervalMicros, gnaIntervalMicros: both empty (expected one)");
        }
        interfaces = List.copyOf(interfaces);
    }
}
