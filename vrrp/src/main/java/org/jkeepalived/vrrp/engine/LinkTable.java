package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.libc.netlink.RtnetlinkClient;
import org.jkeepalived.libc.netlink.RtnlAddressMessage;
import org.jkeepalived.libc.netlink.RtnlLinkMessage;
import org.jkeepalived.libc.netlink.StructIfaddrMsg;

/** The interfaces of the engine's namespace as one rtnetlink dump of links and addresses shows them. */
final class LinkTable {

    private LinkTable() {
    }

    /** Every interface by name, in the kernel's order. */
    static Map<String, LinkState> read(RtnetlinkClient rtnetlink) throws IOException {
        List<RtnlAddressMessage> addresses = rtnetlink.dumpAddresses(RtnlAddressMessage.AF_UNSPEC);
        Map<String, LinkState> links = new LinkedHashMap<>();
        for (RtnlLinkMessage link : rtnetlink.dumpLinks()) {
            Optional<String> name = link.name();
            if (name.isEmpty()) {
                continue;
            }
            int index = link.ifinfo().interfaceIndex();
            links.put(name.get(), new LinkState(name.get(), index, link.hardwareAddress().orElse(new byte[0]),
                    LinkState.isUp(link.ifinfo().flags()), ipv4Primaries(addresses, index),
                    ipv6LinkLocals(addresses, index)));
        }
        return links;
    }

    private static List<Inet4Address> ipv4Primaries(List<RtnlAddressMessage> addresses, int index) {
        return addresses.stream()
                .filter(message -> message.ifaddr().interfaceIndex() == index)
                .filter(message -> (message.ifaddr().flags() & StructIfaddrMsg.IFA_F_SECONDARY) == 0)
                .map(RtnlAddressMessage::localAddress).flatMap(Optional::stream)
                .filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).toList();
    }

    private static List<Inet6Address> ipv6LinkLocals(List<RtnlAddressMessage> addresses, int index) {
        return addresses.stream()
                .filter(message -> message.ifaddr().interfaceIndex() == index)
                .map(RtnlAddressMessage::localAddress).flatMap(Optional::stream)
                .filter(InetAddress::isLinkLocalAddress)
                .filter(Inet6Address.class::isInstance).map(Inet6Address.class::cast).toList();
    }
}
