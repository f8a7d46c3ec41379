package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.OptionalInt;

/** One unicast_peer line: {@code IP [min_ttl N] [max_ttl N]}. */
public record UnicastPeer(InetAddress address, OptionalInt minTtl, OptionalInt maxTtl) {

    public UnicastPeer {
        Objects.requireNonNull(address, "address");
    }
}
