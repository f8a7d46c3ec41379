package org.jkeepalived.libc;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the kernel told about one datagram a {@link VrrpSocket} read: who sent it, the destination in its IP header
 * (multicast group or our unicast address), the TTL / hop limit it arrived with, the interface it arrived on, and its
 * length ({@code truncated} when the buffer was shorter). IPv4 data starts with the IP header, as on any raw socket;
 * IPv6 data starts with the VRRP header.
 */
public record ReceivedVrrpPacket(InetAddress source, InetAddress destination, int hopLimit, int interfaceIndex,
        int length, boolean truncated) {

    public ReceivedVrrpPacket {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (hopLimit < 0 || hopLimit > 255) {
            throw new IllegalArgumentException("hopLimit: " + hopLimit + " (expected 0..255)");
        }
    }
}
