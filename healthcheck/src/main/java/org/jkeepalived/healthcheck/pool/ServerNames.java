package org.jkeepalived.healthcheck.pool;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jkeepalived.config.lvs.Endpoint;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerKey;
import org.jkeepalived.config.value.IpAddresses;

/** keepalived 2.2.7's {@code FMT_VS} and {@code FMT_RS}, as its checker process names servers in its log. */
public final class ServerNames {
    private ServerNames() {
    }

    /**
     * {@code FMT_VS}: {@code [ADDRESS]:PROTO:PORT}, {@code FWM N}, or {@code [GROUP]:N} where N counts the virtual
     * servers naming the same group before this one ({@code link_vsg_to_vs} keeps that number in the port).
     */
    public static String virtualServer(VirtualServer virtualServer, int groupMemberNumber) {
        VirtualServerKey key = virtualServer.key();
        if (key instanceof VirtualServerKey.Group group) {
            return "[" + group.name() + "]:" + groupMemberNumber;
        }
        if (key instanceof VirtualServerKey.Fwmark fwmark && fwmark.fwmark() != 0) {
            return "FWM " + fwmark.fwmark();
        }
        if (key instanceof VirtualServerKey.Address address) {
            return trio(IpAddresses.format(address.address()), virtualServer, address.port());
        }
        return trio("0.0.0.0", virtualServer, 0);
    }

    /** {@code FMT_RS}: a real or sorry server with its virtual server's protocol ({@code none} for a fwmark). */
    public static String server(Endpoint endpoint, VirtualServer virtualServer) {
        return trio(IpAddresses.format(endpoint.address()), virtualServer, endpoint.port());
    }

    /** Each group-keyed virtual server's number within its group, by identity; others are absent. */
    public static Map<VirtualServer, Integer> groupMemberNumbers(List<VirtualServer> virtualServers) {
        Map<String, Integer> nextByGroup = new HashMap<>();
        Map<VirtualServer, Integer> numbers = new IdentityHashMap<>();
        for (VirtualServer virtualServer : virtualServers) {
            if (virtualServer.key() instanceof VirtualServerKey.Group group) {
                numbers.put(virtualServer, nextByGroup.merge(group.name(), 1, Integer::sum) - 1);
            }
        }
        return numbers;
    }

    /** {@code inet_sockaddrtotrio}. */
    private static String trio(String address, VirtualServer virtualServer, int port) {
        String protocol = virtualServer.protocol().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("none");
        return "[" + address + "]:" + protocol + ":" + port;
    }
}
