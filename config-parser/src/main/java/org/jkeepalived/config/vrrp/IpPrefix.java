package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route or rule address: {@code PREFIX[/LEN]}, or {@code default}/{@code any}/{@code all} (no address, length 0).
 */
public record IpPrefix(IpFamily family, Optional<InetAddress> address, int prefixLength) {

    public IpPrefix {
        Objects.requireNonNull(family, "family");
        if (prefixLength < 0 || prefixLength > family.bits()) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected 0.." + family.bits()
                    + ")");
        }
        if (address.isEmpty() && prefixLength != 0) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected 0 for default)");
        }
    }

    public boolean isDefault() {
        return address.isEmpty();
    }
}
