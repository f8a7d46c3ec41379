package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/**
 * linux/rtnetlink.h {@code struct ifinfomsg}: {@code unsigned char ifi_family, __ifi_pad; unsigned short ifi_type;
 * int ifi_index; unsigned ifi_flags, ifi_change}.
 */
public record StructIfinfoMsg(int family, int deviceType, int interfaceIndex, int flags, int change) {

    public static final int BYTES = 16;

    /** linux/if.h net_device_flags. */
    public static final int IFF_UP = 0x1;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_LOWER_UP = 0x10000;

    public StructIfinfoMsg {
        StructNlMsgHdr.requireU8("family", family);
        StructNlMsgHdr.requireU16("deviceType", deviceType);
    }

    public static StructIfinfoMsg parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "ifinfomsg");
        int family = Byte.toUnsignedInt(buffer.get());
        buffer.get();
        return new StructIfinfoMsg(family, Short.toUnsignedInt(buffer.getShort()), buffer.getInt(), buffer.getInt(),
                buffer.getInt());
    }

    public void pack(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) 0).putShort((short) deviceType).putInt(interfaceIndex).putInt(flags)
                .putInt(change);
    }

    public boolean isUp() {
        return (flags & IFF_UP) != 0;
    }
}
