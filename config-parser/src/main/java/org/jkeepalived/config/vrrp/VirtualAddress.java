package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of virtual_ipaddress, virtual_ipaddress_excluded or static_ipaddress:
 * {@code IP[/PREFIX] [brd IP] [dev IF] [scope S] [label L] ...}; {@code words} keeps the whole line.
 */
public record VirtualAddress(InetAddress address, int prefixLength, Optional<String> broadcast,
                             Optional<String> device, Optional<String> scope, Optional<String> label,
                             List<String> words) {

    public VirtualAddress {
        Objects.requireNonNull(address, "address");
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected 0.." + bits + ")");
        }
        words = List.copyOf(words);
    }
}
