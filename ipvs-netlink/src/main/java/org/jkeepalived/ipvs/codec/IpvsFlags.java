package org.jkeepalived.ipvs.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * ip_vs.h {@code struct ip_vs_flags}: {@code __u32 flags}, {@code __u32 mask} (the bits {@code flags} sets or clears;
 * libipvs always sends all ones), native order. Flag bits are {@code IP_VS_SVC_F_*}.
 */
public record IpvsFlags(int flags, int mask) {

    public static final int BYTES = 8;
    public static final int IP_VS_SVC_F_PERSISTENT = 0x0001;
    public static final int IP_VS_SVC_F_HASHED = 0x0002;
    public static final int IP_VS_SVC_F_ONEPACKET = 0x0004;
    public static final int IP_VS_SVC_F_SCHED1 = 0x0008;
    public static final int IP_VS_SVC_F_SCHED2 = 0x0010;
    public static final int IP_VS_SVC_F_SCHED3 = 0x0020;
    public static final int IP_VS_SVC_F_SCHED_SH_FALLBACK = IP_VS_SVC_F_SCHED1;
    public static final int IP_VS_SVC_F_SCHED_SH_PORT = IP_VS_SVC_F_SCHED2;
    public static final int IP_VS_SVC_F_SCHED_MH_FALLBACK = IP_VS_SVC_F_SCHED1;
    public static final int IP_VS_SVC_F_SCHED_MH_PORT = IP_VS_SVC_F_SCHED2;
    /** libipvs's mask: every bit is set or cleared. */
    public static final int ALL = 0xffff_ffff;

    public static IpvsFlags of(int flags) {
        return new IpvsFlags(flags, ALL);
    }

    static IpvsFlags decode(StructNlAttr attribute, String name) {
        byte[] value = attribute.value();
        if (value.length != BYTES) {
            throw new WireFormatException(0, name + ": " + value.length + " bytes (expected " + BYTES + ")");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
        return new IpvsFlags(buffer.getInt(), buffer.getInt());
    }

    StructNlAttr encode(int type) {
        return new StructNlAttr(type, ByteBuffer.allocate(BYTES).order(ByteOrder.nativeOrder()).putInt(flags)
                .putInt(mask).array());
    }

    public boolean has(int flag) {
        return (flags & flag) == flag;
    }
}
