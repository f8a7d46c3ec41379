package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.libc.NetlinkSocket;

/**
 * One netlink message: a {@link StructNlMsgHdr} and the payload its type implies. A type means something only within
 * the socket's protocol (generic netlink's controller is 0x10, RTM_NEWLINK's number), so parsing dispatches in one
 * place on both: netlink's control types first, then for NETLINK_ROUTE the rtnetlink address, link, route and rule
 * types; anything else is kept as bytes.
 */
public sealed interface NetlinkMessage
        permits RtnlAddressMessage, RtnlLinkMessage, RtnlRouteMessage, RtnlRuleMessage, NetlinkErrorMessage,
        NetlinkDoneMessage, UnknownNetlinkMessage {

    StructNlMsgHdr header();

    /** Appends exactly {@code header().length()} bytes, padded to 4 for the next message. */
    void pack(ByteBuffer buffer);

    /** The whole message as bytes in native order. */
    default ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(StructNlAttr.align(header().length())).order(ByteOrder.nativeOrder());
        pack(buffer);
        return buffer.flip();
    }

    /** Every message in a datagram of a NETLINK_ROUTE socket; {@code datagram}'s position ends at its limit. */
    static List<NetlinkMessage> parseAll(ByteBuffer datagram) {
        return parseAll(datagram, NetlinkSocket.NETLINK_ROUTE);
    }

    /**
     * Every message in a datagram of a socket of {@code protocol} (NetlinkSocket.NETLINK_*); {@code datagram}'s
     * position ends at its limit.
     */
    static List<NetlinkMessage> parseAll(ByteBuffer datagram, int protocol) {
        ByteBuffer messages = datagram.slice().order(ByteOrder.nativeOrder());
        datagram.position(datagram.limit());
        List<NetlinkMessage> parsed = new ArrayList<>();
        while (messages.remaining() >= StructNlMsgHdr.BYTES) {
            parsed.add(parse(messages, protocol));
        }
        return List.copyOf(parsed);
    }

    /** The message at {@code buffer}'s position, from a NETLINK_ROUTE socket: {@link #parse(ByteBuffer, int)}. */
    static NetlinkMessage parse(ByteBuffer buffer) {
        return parse(buffer, NetlinkSocket.NETLINK_ROUTE);
    }

    /**
     * The message at {@code buffer}'s position (native order) from a socket of {@code protocol}, whose position then
     * moves past it and its padding. Payload reads are bounded by {@code nlmsg_len}, read as the unsigned 32 bits it
     * is.
     */
    static NetlinkMessage parse(ByteBuffer buffer, int protocol) {
        int start = buffer.position();
        StructNlMsgHdr header = StructNlMsgHdr.parse(buffer);
        long payloadBytes = Integer.toUnsignedLong(header.length()) - StructNlMsgHdr.BYTES;
        if (payloadBytes > buffer.remaining()) {
            throw new WireFormatException(start, "nlmsg_len: " + Integer.toUnsignedString(header.length()) + " ("
                    + (buffer.remaining() + StructNlMsgHdr.BYTES) + " bytes left)");
        }
        ByteBuffer payload = buffer.slice(buffer.position(), (int) payloadBytes).order(ByteOrder.nativeOrder());
        buffer.position(Math.min(buffer.limit(), start + StructNlAttr.align(header.length())));
        try {
            if (header.type() == StructNlMsgHdr.NLMSG_ERROR) {
                return NetlinkErrorMessage.parsePayload(header, payload);
            }
            if (header.type() == StructNlMsgHdr.NLMSG_DONE) {
                return NetlinkDoneMessage.parsePayload(header, payload);
            }
            if (protocol != NetlinkSocket.NETLINK_ROUTE) {
                return UnknownNetlinkMessage.parsePayload(header, payload);
            }
            return switch (header.type()) {
                case RtnlAddressMessage.RTM_NEWADDR, RtnlAddressMessage.RTM_DELADDR, RtnlAddressMessage.RTM_GETADDR ->
                        RtnlAddressMessage.parsePayload(header, payload);
                case RtnlLinkMessage.RTM_NEWLINK, RtnlLinkMessage.RTM_DELLINK, RtnlLinkMessage.RTM_GETLINK ->
                        RtnlLinkMessage.parsePayload(header, payload);
                case RtnlRouteMessage.RTM_NEWROUTE, RtnlRouteMessage.RTM_DELROUTE, RtnlRouteMessage.RTM_GETROUTE ->
                        RtnlRouteMessage.parsePayload(header, payload);
                case RtnlRuleMessage.RTM_NEWRULE, RtnlRuleMessage.RTM_DELRULE, RtnlRuleMessage.RTM_GETRULE ->
                        RtnlRuleMessage.parsePayload(header, payload);
                default -> UnknownNetlinkMessage.parsePayload(header, payload);
            };
        } catch (WireFormatException e) {
            throw new WireFormatException(start + StructNlMsgHdr.BYTES + e.offset(),
                    "message type " + header.type() + ": " + e.reason());
        }
    }

    /** Header plus payload, with {@code nlmsg_len} computed, for building requests. */
    static StructNlMsgHdr header(int type, int flags, int sequence, int payloadBytes) {
        return new StructNlMsgHdr(StructNlMsgHdr.BYTES + payloadBytes, type, flags, sequence, 0);
    }
}
