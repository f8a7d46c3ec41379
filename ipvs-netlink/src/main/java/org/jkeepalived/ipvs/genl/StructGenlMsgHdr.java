package org.jkeepalived.ipvs.genl;

import java.nio.ByteBuffer;

import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * linux/genetlink.h {@code struct genlmsghdr}, native byte order: {@code __u8 cmd}, {@code __u8 version},
 * {@code __u16 reserved}. It follows the {@code nlmsghdr} of every generic netlink message.
 */
public record StructGenlMsgHdr(int command, int version, int reserved) {

    public static final int BYTES = 4;

    public StructGenlMsgHdr {
        requireRange("command", command, 0xff);
        requireRange("version", version, 0xff);
        requireRange("reserved", reserved, 0xffff);
    }

    /** Reads 4 bytes at the buffer's position (which advances). */
    public static StructGenlMsgHdr parse(ByteBuffer buffer) {
        if (buffer.remaining() < BYTES) {
            throw new WireFormatException(buffer.position(), "genlmsghdr: " + buffer.remaining()
                    + " bytes left (expected " + BYTES + ")");
        }
        return new StructGenlMsgHdr(Byte.toUnsignedInt(buffer.get()), Byte.toUnsignedInt(buffer.get()),
                Short.toUnsignedInt(buffer.getShort()));
    }

    public void pack(ByteBuffer buffer) {
        buffer.put((byte) command).put((byte) version).putShort((short) reserved);
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected 0.." + max + ")");
        }
    }
}
