package org.jkeepalived.healthcheck.probe;

import java.net.InetSocketAddress;
import org.jkeepalived.config.value.IpAddresses;

/** How keepalived's probe messages name an address. */
public final class ProbeNames {

    private ProbeNames() {
    }

    /** inet_sockaddrtopair: {@code [address]:port}. */
    public static String pair(InetSocketAddress address) {
        return "[" + address(address) + "]:" + address.getPort();
    }

    /** inet_sockaddrtos: the address alone. */
    public static String address(InetSocketAddress address) {
        return IpAddresses.format(address.getAddress());
    }
}
