package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/**
 * linux/fib_rules.h {@code struct fib_rule_hdr}: {@code __u8 family, dst_len, src_len, tos, table, res1, res2, action;
 * __u32 flags}. The two reserved bytes are sent as zero and ignored on reading.
 */
public record StructFibRuleHdr(int family, int destinationLength, int sourceLength, int tos, int table, int action,
                               int flags) {

    public static final int BYTES = 12;

    /** linux/fib_rules.h FR_ACT_*. */
    public static final int FR_ACT_TO_TBL = 1;
    public static final int FR_ACT_GOTO = 2;
    public static final int FR_ACT_NOP = 3;
    public static final int FR_ACT_BLACKHOLE = 6;
    public static final int FR_ACT_UNREACHABLE = 7;
    public static final int FR_ACT_PROHIBIT = 8;
    public static final int FIB_RULE_INVERT = 0x2;

    public StructFibRuleHdr {
        StructNlMsgHdr.requireU8("family", family);
        StructNlMsgHdr.requireU8("destinationLength", destinationLength);
        StructNlMsgHdr.requireU8("sourceLength", sourceLength);
        StructNlMsgHdr.requireU8("tos", tos);
        StructNlMsgHdr.requireU8("table", table);
        StructNlMsgHdr.requireU8("action", action);
    }

    public static StructFibRuleHdr parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "fib_rule_hdr");
        int family = StructRtMsg.u8(buffer);
        int destinationLength = StructRtMsg.u8(buffer);
        int sourceLength = StructRtMsg.u8(buffer);
        int tos = StructRtMsg.u8(buffer);
        int table = StructRtMsg.u8(buffer);
        buffer.getShort();
        return new StructFibRuleHdr(family, destinationLength, sourceLength, tos, table, StructRtMsg.u8(buffer),
                buffer.getInt());
    }

    public void pack(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) destinationLength).put((byte) sourceLength).put((byte) tos)
                .put((byte) table).putShort((short) 0).put((byte) action).putInt(flags);
    }
}
