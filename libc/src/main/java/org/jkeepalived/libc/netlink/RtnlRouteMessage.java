package org.jkeepalived.libc.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE: a {@link StructRtMsg} and its RTA_* attributes (linux/rtnetlink.h),
 * kept in the order given or received so a parsed message packs back byte for byte.
 */
public record RtnlRouteMessage(StructNlMsgHdr header, StructRtMsg rtmsg, List<StructNlAttr> attributes)
        implements NetlinkMessage {

    public static final int RTM_NEWROUTE = 24;
    public static final int RTM_DELROUTE = 25;
    public static final int RTM_GETROUTE = 26;

    public static final int RTA_DST = 1;
    public static final int RTA_SRC = 2;
    public static final int RTA_OIF = 4;
    public static final int RTA_GATEWAY = 5;
    public static final int RTA_PRIORITY = 6;
    public static final int RTA_PREFSRC = 7;
    public static final int RTA_METRICS = 8;
    public static final int RTA_MULTIPATH = 9;
    public static final int RTA_FLOW = 11;
    public static final int RTA_TABLE = 15;
    public static final int RTA_PREF = 20;
    public static final int RTA_EXPIRES = 23;
    public static final int RTA_TTL_PROPAGATE = 26;
    /** RTAX_LOCK: inside RTA_METRICS, the bit set of the metrics given with {@code lock}. */
    public static final int RTAX_LOCK = 1;
    public static final int RTAX_FEATURES = 12;
    public static final int RTAX_FEATURE_ECN = 0x1;
    /** linux/rtnetlink.h struct rtnexthop: {@code unsigned short rtnh_len; unsigned char flags, hops; int ifindex}. */
    public static final int RTNEXTHOP_BYTES = 8;

    public RtnlRouteMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rtmsg, "rtmsg");
        attributes = List.copyOf(attributes);
    }

    static RtnlRouteMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        StructRtMsg rtmsg = StructRtMsg.parse(payload);
        return new RtnlRouteMessage(header, rtmsg, StructNlAttr.parseAll(payload));
    }

    /** A request of {@code type} with {@code flags} (NLM_F_REQUEST is the caller's to include). */
    public static RtnlRouteMessage request(int type, int flags, int sequence, StructRtMsg rtmsg,
                                           List<StructNlAttr> attributes) {
        if (type != RTM_NEWROUTE && type != RTM_DELROUTE) {
            throw new IllegalArgumentException("type: " + type + " (expected RTM_NEWROUTE " + RTM_NEWROUTE
                    + " or RTM_DELROUTE " + RTM_DELROUTE + ")");
        }
        int payloadBytes = StructRtMsg.BYTES + StructNlAttr.alignedLength(attributes);
        return new RtnlRouteMessage(NetlinkMessage.header(type, flags, sequence, payloadBytes), rtmsg, attributes);
    }

    /** RTM_GETROUTE with NLM_F_DUMP: every route of {@code family} in every table. */
    public static RtnlRouteMessage dumpRequest(int sequence, int family) {
        return new RtnlRouteMessage(NetlinkMessage.header(RTM_GETROUTE,
                StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_DUMP, sequence, StructRtMsg.BYTES),
                new StructRtMsg(family, 0, 0, 0, 0, 0, 0, 0, 0), List.of());
    }

    /**
     * One {@code struct rtnexthop} and its attributes, as an element of RTA_MULTIPATH's value.
     *
     * @param hops the weight minus one, as the kernel takes it
     */
    public static byte[] nexthop(int flags, int hops, int interfaceIndex, List<StructNlAttr> attributes) {
        int length = RTNEXTHOP_BYTES + StructNlAttr.alignedLength(attributes);
        ByteBuffer packed = StructNlAttr.nativeBuffer(length);
        packed.putShort((short) length).put((byte) flags).put((byte) hops).putInt(interfaceIndex);
        attributes.forEach(attribute -> attribute.pack(packed));
        return packed.array();
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        rtmsg.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    public Optional<InetAddress> destination() {
        return address(RTA_DST);
    }

    public Optional<InetAddress> gateway() {
        return address(RTA_GATEWAY);
    }

    public Optional<InetAddress> preferredSource() {
        return address(RTA_PREFSRC);
    }

    public Optional<Integer> outputInterface() {
        return StructNlAttr.find(attributes, RTA_OIF).map(StructNlAttr::valueAsU32);
    }

    public Optional<Integer> priority() {
        return StructNlAttr.find(attributes, RTA_PRIORITY).map(StructNlAttr::valueAsU32);
    }

    /** RTA_TABLE where present (the kernel always sends it), else rtm_table; unsigned. */
    public long table() {
        return StructNlAttr.find(attributes, RTA_TABLE).map(attribute -> Integer.toUnsignedLong(
                attribute.valueAsU32())).orElse((long) rtmsg.table());
    }

    private Optional<InetAddress> address(int type) {
        return StructNlAttr.find(attributes, type).map(StructNlAttr::valueAsAddress);
    }
}
