package org.jkeepalived.vrrp.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine knows of one interface from rtnetlink: its index, MAC, whether it is up as keepalived counts it
 * ({@code IFF_UP} and {@code IFF_RUNNING}, vrrp_if.h's {@code FLAGS_UP}), and the addresses adverts are sent from.
 *
 * @param primaryIpv4     the first non-secondary IPv4 address, keepalived's {@code ifp->sin_addr}
 * @param linkLocalIpv6   the first link-local IPv6 address, keepalived's {@code ifp->sin6_addr}
 */
record LinkState(String name, int index, byte[] mac, boolean up, Optional<Inet4Address> primaryIpv4,
                 Optional<Inet6Address> linkLocalIpv6) {

    static final int IFF_UP = 0x1;
    static final int IFF_RUNNING = 0x40;

    LinkState {
        Objects.requireNonNull(name, "name");
        mac = mac.clone();
        Objects.requireNonNull(primaryIpv4, "primaryIpv4");
        Objects.requireNonNull(linkLocalIpv6, "linkLocalIpv6");
    }

    static boolean isUp(int ifiFlags) {
        return (ifiFlags & (IFF_UP | IFF_RUNNING)) == (IFF_UP | IFF_RUNNING);
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkState that && name.equals(that.name) && index == that.index
                && Arrays.equals(mac, that.mac) && up == that.up && primaryIpv4.equals(that.primaryIpv4)
                && linkLocalIpv6.equals(that.linkLocalIpv6);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, Arrays.hashCode(mac), up, primaryIpv4, linkLocalIpv6);
    }
}
