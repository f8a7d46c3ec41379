package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/**
 * linux/rtnetlink.h {@code struct rtmsg}: {@code unsigned char rtm_family, rtm_dst_len, rtm_src_len, rtm_tos,
 * rtm_table, rtm_protocol, rtm_scope, rtm_type; unsigned rtm_flags}. A table above 255 travels in RTA_TABLE with
 * rtm_table RT_TABLE_UNSPEC.
 */
public record StructRtMsg(int family, int destinationLength, int sourceLength, int tos, int table, int protocol,
                          int scope, int type, int flags) {

    public static final int BYTES = 12;

    public static final int RT_TABLE_UNSPEC = 0;
    public static final int RT_TABLE_MAIN = 254;
    /** linux/rtnetlink.h RTN_*. */
    public static final int RTN_UNSPEC = 0;
    public static final int RTN_UNICAST = 1;
    public static final int RTN_BLACKHOLE = 6;
    /** RTPROT_KEEPALIVED: what keepalived marks its routes and rules with unless told otherwise. */
    public static final int RTPROT_KEEPALIVED = 18;

    public StructRtMsg {
        StructNlMsgHdr.requireU8("family", family);
        StructNlMsgHdr.requireU8("destinationLength", destinationLength);
        StructNlMsgHdr.requireU8("sourceLength", sourceLength);
        StructNlMsgHdr.requireU8("tos", tos);
        StructNlMsgHdr.requireU8("table", table);
        StructNlMsgHdr.requireU8("protocol", protocol);
        StructNlMsgHdr.requireU8("scope", scope);
        StructNlMsgHdr.requireU8("type", type);
    }

    public static StructRtMsg parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "rtmsg");
        return new StructRtMsg(u8(buffer), u8(buffer), u8(buffer), u8(buffer), u8(buffer), u8(buffer), u8(buffer),
                u8(buffer), buffer.getInt());
    }

    public void pack(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) destinationLength).put((byte) sourceLength).put((byte) tos)
                .put((byte) table).put((byte) protocol).put((byte) scope).put((byte) type).putInt(flags);
    }

    static int u8(ByteBuffer buffer) {
        return Byte.toUnsignedInt(buffer.get());
    }
}
