package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import org.jkeepalived.config.value.IpAddresses;

/** An address family as keepalived tracks it for virtual servers: unset until an address decides it. */
public enum AddressFamily {
    UNSPEC,
    INET,
    INET6;

    static AddressFamily of(InetAddress address) {
        return IpAddresses.isIpv6(address) ? INET6 : INET;
    }
}
