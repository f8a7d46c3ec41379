package org.jkeepalived.libc.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address to add to or remove from an interface, as keepalived's {@code ip_address_t} describes a virtual IP:
 * {@code ADDRESS/PREFIX [brd BROADCAST] dev IFINDEX [scope SCOPE] [label LABEL]}.
 *
 * @param ifaFlags IFA_F_* flags; those above bit 7 go in an IFA_FLAGS attribute
 */
public record InterfaceAddress(int interfaceIndex, InetAddress address, int prefixLength,
        Optional<InetAddress> broadcast, int scope, Optional<String> label, int ifaFlags) {

    public InterfaceAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(label, "label");
        if (interfaceIndex <= 0) {
            throw new IllegalArgumentException("interfaceIndex: " + interfaceIndex + " (expected 1 or more)");
        }
        int maxPrefix = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > maxPrefix) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected 0.." + maxPrefix + ")");
        }
        broadcast.ifPresent(brd -> {
            if (!(address instanceof Inet4Address) || !(brd instanceof Inet4Address)) {
                throw new IllegalArgumentException("broadcast: " + brd.getHostAddress()
                        + " (only an IPv4 address has one)");
            }
        });
        StructNlMsgHdr.requireU8("scope", scope);
    }

    /** {@code address/prefixLength} in global scope, no broadcast, label or flags. */
    public static InterfaceAddress of(int interfaceIndex, InetAddress address, int prefixLength) {
        return new InterfaceAddress(interfaceIndex, address, prefixLength, Optional.empty(),
                StructIfaddrMsg.RT_SCOPE_UNIVERSE, Optional.empty(), 0);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " dev " + interfaceIndex;
    }
}
