package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/**
 * linux/if_addr.h {@code struct ifaddrmsg}: {@code __u8 ifa_family, ifa_prefixlen, ifa_flags, ifa_scope;
 * __u32 ifa_index}. Flags above bit 7 travel only in the IFA_FLAGS attribute.
 */
public record StructIfaddrMsg(int family, int prefixLength, int flags, int scope, int interfaceIndex) {

    public static final int BYTES = 8;

    /** linux/rtnetlink.h rt_scope_t values. */
    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RT_SCOPE_NOWHERE = 255;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_PERMANENT = 0x80;

    public StructIfaddrMsg {
        StructNlMsgHdr.requireU8("family", family);
        StructNlMsgHdr.requireU8("prefixLength", prefixLength);
        StructNlMsgHdr.requireU8("flags", flags);
        StructNlMsgHdr.requireU8("scope", scope);
    }

    public static StructIfaddrMsg parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "ifaddrmsg");
        return new StructIfaddrMsg(Byte.toUnsignedInt(buffer.get()), Byte.toUnsignedInt(buffer.get()),
                Byte.toUnsignedInt(buffer.get()), Byte.toUnsignedInt(buffer.get()), buffer.getInt());
    }

    public void pack(ByteBuffer buffer) {
        buffer.put((byte) family).put((byte) prefixLength).put((byte) flags).put((byte) scope).putInt(interfaceIndex);
    }
}
