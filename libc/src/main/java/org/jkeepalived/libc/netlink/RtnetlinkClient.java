package org.jkeepalived.libc.netlink;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;

/**
 * Request and reply over one NETLINK_ROUTE socket: add and remove addresses, routes, rules and macvlan links
 * (acknowledged); dump addresses, links, routes and rules.
 * Each call waits for its own reply, matched by sequence number, up to {@code replyTimeoutMillis}; messages of other
 * sequence numbers are skipped. Owned by one thread; not for a socket that also receives notifications.
 */
public final class RtnetlinkClient implements AutoCloseable {

    private final NetlinkExchange exchange;

    /**
     * @param firstSequence the first request's sequence number (iproute2 uses the time; pass it in, or 1)
     */
    public RtnetlinkClient(NetlinkSocket socket, int firstSequence, int replyTimeoutMillis) {
        this.exchange = new NetlinkExchange(socket, NetlinkSocket.NETLINK_ROUTE, firstSequence, replyTimeoutMillis);
    }

    /** A client on a new NETLINK_ROUTE socket in the calling thread's network namespace. */
    public static RtnetlinkClient open(int replyTimeoutMillis) throws NativeIoException {
        return new RtnetlinkClient(NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE), 1, replyTimeoutMillis);
    }

    /** RTM_NEWADDR with NLM_F_CREATE | NLM_F_EXCL: fails with EEXIST when the address is already there. */
    public void addAddress(InterfaceAddress address) throws IOException {
        acknowledged(RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_NEWADDR, nextSequence(), address),
                "RTM_NEWADDR", address.toString());
    }

    /** RTM_DELADDR: fails with EADDRNOTAVAIL when the address is not there. */
    public void deleteAddress(InterfaceAddress address) throws IOException {
        acknowledged(RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_DELADDR, nextSequence(), address),
                "RTM_DELADDR", address.toString());
    }

    /** Every address of {@code family} (RtnlAddressMessage.AF_INET, AF_INET6 or AF_UNSPEC). */
    public List<RtnlAddressMessage> dumpAddresses(int family) throws IOException {
        return dump(RtnlAddressMessage.dumpRequest(nextSequence(), family), RtnlAddressMessage.class, "RTM_GETADDR");
    }

    public List<RtnlLinkMessage> dumpLinks() throws IOException {
        return dump(RtnlLinkMessage.dumpRequest(nextSequence()), RtnlLinkMessage.class, "RTM_GETLINK");
    }

    /**
     * RTM_NEWROUTE or RTM_DELROUTE, acknowledged; {@code flags} are the NLM_F_CREATE / EXCL / APPEND / REPLACE
     * wanted beyond NLM_F_REQUEST | NLM_F_ACK.
     */
    public void changeRoute(int type, int flags, StructRtMsg rtmsg, List<StructNlAttr> attributes)
            throws IOException {
        RtnlRouteMessage request = RtnlRouteMessage.request(type, acknowledgedRequest(flags), nextSequence(), rtmsg,
                attributes);
        acknowledged(request, type == RtnlRouteMessage.RTM_NEWROUTE ? "RTM_NEWROUTE" : "RTM_DELROUTE",
                "route " + request.destination().map(InetAddress::getHostAddress).orElse("default") + "/"
                        + rtmsg.destinationLength());
    }

    /** RTM_NEWRULE or RTM_DELRULE, acknowledged, with {@code flags} as {@link #changeRoute}'s. */
    public void changeRule(int type, int flags, StructFibRuleHdr rule, List<StructNlAttr> attributes)
            throws IOException {
        RtnlRuleMessage request = RtnlRuleMessage.request(type, acknowledgedRequest(flags), nextSequence(), rule,
                attributes);
        acknowledged(request, type == RtnlRuleMessage.RTM_NEWRULE ? "RTM_NEWRULE" : "RTM_DELRULE",
                "rule preference " + request.priority().map(Integer::toUnsignedString).orElse("none"));
    }

    /** Creates the macvlan {@code name} on {@code baseIndex} (see {@link RtnlLinkMessage#newMacvlanRequest}). */
    public void createMacvlan(String name, int baseIndex, byte[] mac, int mode) throws IOException {
        acknowledged(RtnlLinkMessage.newMacvlanRequest(nextSequence(), name, baseIndex, mac, mode), "RTM_NEWLINK",
                name);
    }

    /** Stops the kernel from giving the link a link-local IPv6 address of its own. */
    public void disableAddressGeneration(int interfaceIndex) throws IOException {
        acknowledged(RtnlLinkMessage.addrGenModeNoneRequest(nextSequence(), interfaceIndex), "RTM_NEWLINK",
                "addrgenmode none ifindex " + interfaceIndex);
    }

    /** Sets {@code net.ipv4.conf.IF.*} values (IPV4_DEVCONF_* to value), in the map's order. */
    public void setIpv4DeviceConfig(int interfaceIndex, Map<Integer, Integer> settings) throws IOException {
        acknowledged(RtnlLinkMessage.ipv4DeviceConfigRequest(nextSequence(), interfaceIndex, settings),
                "RTM_NEWLINK", "inet conf ifindex " + interfaceIndex);
    }

    public void setLinkUp(int interfaceIndex, boolean up) throws IOException {
        acknowledged(RtnlLinkMessage.setUpRequest(nextSequence(), interfaceIndex, up), "RTM_NEWLINK",
                (up ? "up" : "down") + " ifindex " + interfaceIndex);
    }

    public void deleteLink(int interfaceIndex) throws IOException {
        acknowledged(RtnlLinkMessage.deleteRequest(nextSequence(), interfaceIndex), "RTM_DELLINK",
                "ifindex " + interfaceIndex);
    }

    /** Every route of {@code family} in every table. */
    public List<RtnlRouteMessage> dumpRoutes(int family) throws IOException {
        return dump(RtnlRouteMessage.dumpRequest(nextSequence(), family), RtnlRouteMessage.class, "RTM_GETROUTE");
    }

    public List<RtnlRuleMessage> dumpRules(int family) throws IOException {
        return dump(RtnlRuleMessage.dumpRequest(nextSequence(), family), RtnlRuleMessage.class, "RTM_GETRULE");
    }

    @Override
    public void close() throws NativeIoException {
        exchange.close();
    }

    private void acknowledged(NetlinkMessage request, String call, String arguments) throws IOException {
        send(request, call);
        while (true) {
            for (NetlinkMessage reply : exchange.receiveReplies(request.header().sequence(), call)) {
                if (reply instanceof NetlinkErrorMessage error) {
                    NetlinkExchange.failOnError(error, call, arguments);
                    return;
                }
            }
        }
    }

    private <T extends NetlinkMessage> List<T> dump(NetlinkMessage request, Class<T> type, String call)
            throws IOException {
        send(request, call);
        List<T> results = new ArrayList<>();
        while (true) {
            for (NetlinkMessage reply : exchange.receiveReplies(request.header().sequence(), call)) {
                if (reply instanceof NetlinkDoneMessage done) {
                    NetlinkExchange.failOnError(done, call, "dump");
                    return List.copyOf(results);
                }
                if (reply instanceof NetlinkErrorMessage error) {
                    NetlinkExchange.failOnError(error, call, "dump");
                } else if (type.isInstance(reply)) {
                    results.add(type.cast(reply));
                }
            }
        }
    }

    private int nextSequence() {
        return exchange.nextSequence();
    }

    private void send(NetlinkMessage request, String call) throws IOException {
        exchange.send(request.toBuffer(), request.header().sequence(), call);
    }

    private static int acknowledgedRequest(int flags) {
        return StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK | flags;
    }
}
