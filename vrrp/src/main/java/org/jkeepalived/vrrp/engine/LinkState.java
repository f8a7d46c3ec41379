package org.jkeepalived.vrrp.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one interface from rtnetlink: its index, MAC, whether it is up as keepalived counts it
 * ({@code IFF_UP} and {@code IFF_RUNNING}, vrrp_if.h's {@code FLAGS_UP}), and the addresses adverts can be sent from.
 *
 * @param ipv4Primaries   its non-secondary IPv4 addresses, in the kernel's order
 * @param ipv6LinkLocals  its link-local IPv6 addresses, in the kernel's order
 */
record LinkState(String name, int index, byte[] mac, boolean up, List<Inet4Address> ipv4Primaries,
                 List<Inet6Address> ipv6LinkLocals) {

    static final int IFF_UP = 0x1;
    static final int IFF_RUNNING = 0x40;

    LinkState {
        Objects.requireNonNull(name, "name");
        mac = mac.clone();
        ipv4Primaries = List.copyOf(ipv4Primaries);
        ipv6LinkLocals = List.copyOf(ipv6LinkLocals);
    }

    static boolean isUp(int ifiFlags) {
        return (ifiFlags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);
    }

    /** The first non-secondary IPv4 address, keepalived's {@code ifp->sin_addr} as it reads it at start. */
    Optional<Inet4Address> primaryIpv4() {
        return ipv4Primaries.stream().findFirst();
    }

    /** The first link-local IPv6 address, keepalived's {@code ifp->sin6_addr} as it reads it at start. */
    Optional<Inet6Address> linkLocalIpv6() {
        return ipv6LinkLocals.stream().findFirst();
    }

    /** The same interface with another up state. */
    LinkState withUp(boolean nowUp) {
        return new LinkState(name, index, mac, nowUp, ipv4Primaries, ipv6LinkLocals);
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkState that && name.equals(that.name) && index == that.index
                && Arrays.equals(mac, that.mac) && up == that.up && ipv4Primaries.equals(that.ipv4Primaries)
                && ipv6LinkLocals.equals(that.ipv6LinkLocals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, Arrays.hashCode(mac), up, ipv4Primaries, ipv6LinkLocals);
    }
}
