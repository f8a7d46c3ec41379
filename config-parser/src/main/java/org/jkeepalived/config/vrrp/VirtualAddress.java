package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress as keepalived 2.2.7's
 * {@code alloc_ipaddress} reads it: {@code IP[/PREFIX] [brd IP|+|-] [dev IF] [scope S] [label L] [peer IP] ...}.
 *
 * @param prefixLength      from the address, or the peer's when a peer is given
 * @param broadcast         IPv4 only; {@code brd +} and {@code brd -} are worked out from the prefix
 * @param device            {@code dev}; for a static address without one, the default interface
 * @param scope             RT_SCOPE_*, IPv4 only
 * @param preferredLifetimeSecs {@code preferred_lft}; 0xFFFFFFFF is forever. IPv6 without it: 0 for a /128,
 *                          else forever; IPv4 without it: empty
 * @param tracked           not {@code no_track}
 * @param trackGroup        {@code track_group} (static addresses only)
 * @param words             the whole line
 */
public record VirtualAddress(InetAddress address, int prefixLength, Optional<InetAddress> broadcast,
                             Optional<String> device, OptionalInt scope, Optional<String> label,
                             Optional<InetAddress> peer, Set<Flag> flags, OptionalLong preferredLifetimeSecs,
                             boolean tracked, boolean useVmac, Optional<String> trackGroup, List<String> words) {

    public static final long INFINITY_LIFE_TIME = 0xFFFF_FFFFL;

    /** IFA_F_* flags that can be written on the line. */
    public enum Flag { HOME, NODAD, MANAGETEMPADDR, NOPREFIXROUTE, MCAUTOJOIN }

    public VirtualAddress {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected 0.." + bits + ")");
        }
        flags = Set.copyOf(flags);
        words = List.copyOf(words);
    }
}
