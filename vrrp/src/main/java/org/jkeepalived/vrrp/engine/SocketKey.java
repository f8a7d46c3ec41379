package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Which instances share a socket pair, as keepalived's sockpool groups them: one interface, one family, and either
 * one multicast group or one unicast source address, one IP protocol (VRRP, or AH for {@code auth_type AH}).
 *
 * @param groupOrSource the multicast group, or for unicast instances the {@code unicast_src_ip}
 */
record SocketKey(String interfaceName, boolean ipv6, boolean unicast, InetAddress groupOrSource, int ipProtocol) {
    SocketKey {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(groupOrSource, "groupOrSource");
    }
}
