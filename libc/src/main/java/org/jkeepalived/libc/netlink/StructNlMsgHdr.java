package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/**
 * linux/netlink.h {@code struct nlmsghdr}, native byte order.
 * <pre>
 *   __u32 nlmsg_len    length including this header
 *   __u16 nlmsg_type   NLMSG_* or the family's message type
 *   __u16 nlmsg_flags  NLM_F_*
 *   __u32 nlmsg_seq
 *   __u32 nlmsg_pid    sender port id (0 for the kernel)
 * </pre>
 */
public record StructNlMsgHdr(int length, int type, int flags, int sequence, int portId) {

    public static final int BYTES = 16;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    /** Types up to this one are netlink's own control messages. */
    public static final int NLMSG_MIN_TYPE = 0x10;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    /** In an NLMSG_ERROR: the echoed request is cut to its header / extended-ack attributes follow. */
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    public StructNlMsgHdr {
        if (Integer.compareUnsigned(length, BYTES) < 0) {
            throw new IllegalArgumentException("length: " + Integer.toUnsignedString(length) + " (expected "
                    + BYTES + " or more)");
        }
        requireU16("type", type);
        requireU16("flags", flags);
    }

    /** Reads 16 bytes at the buffer's position (which advances), in native order. */
    public static StructNlMsgHdr parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "nlmsghdr");
        int start = buffer.position();
        int length = buffer.getInt();
        if (Integer.compareUnsigned(length, BYTES) < 0) {
            throw new WireFormatException(start, "nlmsg_len: " + Integer.toUnsignedString(length) + " (expected "
                    + BYTES + " or more)");
        }
        return new StructNlMsgHdr(length, Short.toUnsignedInt(buffer.getShort()),
                Short.toUnsignedInt(buffer.getShort()), buffer.getInt(), buffer.getInt());
    }

    public void pack(ByteBuffer buffer) {
        buffer.putInt(length).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(portId);
    }

    static void requireU16(String field, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(field + ": " + value + " (expected 0..65535)");
        }
    }

    static void requireU8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(field + ": " + value + " (expected 0..255)");
        }
    }
}
