package org.jkeepalived.vrrp.codec;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * What the socket reports with an IPv6 advert, whose IP header the kernel strips.
 *
 * @param source                the sender ({@code recvmsg}'s address)
 * @param multicastDestination  {@code IPV6_PKTINFO} named a multicast destination
 * @param hopLimit              from {@code IPV6_HOPLIMIT}; -1 when the socket reported none (then not checked)
 */
public record Ipv6Reception(Inet6Address source, boolean multicastDestination, int hopLimit) {
    public Ipv6Reception {
        Objects.requireNonNull(source, "source");
        if (hopLimit < -1 || hopLimit > 255) {
            throw new IllegalArgumentException("hopLimit: " + hopLimit + " (expected -1..255)");
        }
    }
}
