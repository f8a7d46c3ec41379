package org.jkeepalived.healthcheck.check;

import java.net.InetAddress;
import org.jkeepalived.config.lvs.Protocol;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerKey;
import org.jkeepalived.config.value.IpAddresses;

/** keepalived 2.2.7's names for servers in its checker log: FMT_CHK, FMT_RS, FMT_VS and inet_sockaddrtopair. */
public final class CheckerNames {

    private CheckerNames() {
    }

    /** FMT_CHK (format_rs): {@code [address]:protocol:port} of the checker's real server. */
    public static String server(CheckerTarget target) {
        return trio(target.realServer().endpoint().address(), target.virtualServer(),
                target.realServer().endpoint().port());
    }

    /** FMT_VS (format_vs): {@code [address]:protocol:port}, {@code FWM n} or {@code [group]:0}. */
    public static String virtualServer(VirtualServer vs) {
        VirtualServerKey key = vs.key();
        if (key instanceof VirtualServerKey.Address address) {
            return trio(address.address(), vs, address.port());
        }
        if (key instanceof VirtualServerKey.Fwmark fwmark) {
            return "FWM " + fwmark.fwmark();
        }
        // keepalived prints the port of a group virtual server's unset address
        return "[" + ((VirtualServerKey.Group) key).name() + "]:0";
    }

    /** inet_sockaddrtotrio with the virtual server's service type; a firewall-mark service has none. */
    private static String trio(InetAddress address, VirtualServer vs, int port) {
        String protocol = vs.protocol().map(CheckerNames::protocolName).orElse("none");
        return "[" + IpAddresses.format(address) + "]:" + protocol + ":" + port;
    }

    private static String protocolName(Protocol protocol) {
        return switch (protocol) {
            case TCP -> "tcp";
            case UDP -> "udp";
            case SCTP -> "sctp";
        };
    }
}
