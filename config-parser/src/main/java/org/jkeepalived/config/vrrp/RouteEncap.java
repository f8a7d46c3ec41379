package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A lightweight-tunnel encapsulation of a route or nexthop ({@code encap mpls|ip|ip6|ila ...}).
 *
 * @param id            {@code id} (ip, ip6), unsigned 64 bits
 * @param tos           {@code tos} (ip) or {@code tc} (ip6)
 * @param ttl           {@code ttl} (ip) or {@code hoplimit} (ip6)
 * @param mplsLabels    the labels of {@code mpls L1[/L2]}
 * @param ilaLocator    the 64-bit locator of {@code ila}
 */
public record RouteEncap(Type type, OptionalLong id, Optional<InetAddress> destination, Optional<InetAddress> source,
                         OptionalInt tos, OptionalInt ttl, OptionalInt flags, List<Long> mplsLabels,
                         OptionalLong ilaLocator) {

    public enum Type { MPLS, IP, IP6, ILA }

    public RouteEncap {
        Objects.requireNonNull(type, "type");
        mplsLabels = List.copyOf(mplsLabels);
    }
}
