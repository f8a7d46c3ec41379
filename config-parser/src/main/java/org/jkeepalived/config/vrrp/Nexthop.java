package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One {@code nexthop} of a multipath route (or one address of the deprecated {@code or} form).
 *
 * @param weight 1..256 as written; the kernel is sent weight - 1
 * @param realms {@code FROM << 16 | TO}
 */
public record Nexthop(Optional<InetAddress> via, Optional<String> device, OptionalInt weight, boolean onlink,
                      OptionalLong realms, Optional<RouteEncap> encap) {

    public Nexthop {
        if (weight.isPresent() && (weight.getAsInt() < 1 || weight.getAsInt() > 256)) {
            throw new IllegalArgumentException("weight: " + weight.getAsInt() + " (expected 1..256)");
        }
    }
}
