package org.jkeepalived.ipvs.codec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * Encoders and checked decoders for the value types of ip_vs.h attributes. Integers are native order except ports,
 * which are {@code __be16}; addresses travel as {@code union nf_inet_addr}, 16 bytes with IPv4 in the first four.
 * Decoding errors name the attribute and carry offset 0: the caller adds where the attribute set starts.
 */
final class Attributes {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int NF_INET_ADDR_BYTES = 16;

    private Attributes() {
    }

    static StructNlAttr u8(int type, int value) {
        return StructNlAttr.ofU8(type, value);
    }

    static StructNlAttr u16(int type, int value) {
        return new StructNlAttr(type, buffer(Short.BYTES).putShort((short) value).array());
    }

    static StructNlAttr be16(int type, int value) {
        return new StructNlAttr(type, ByteBuffer.allocate(Short.BYTES).putShort((short) value).array());
    }

    static StructNlAttr u32(int type, long value) {
        return StructNlAttr.ofU32(type, (int) value);
    }

    static StructNlAttr u64(int type, long value) {
        return new StructNlAttr(type, buffer(Long.BYTES).putLong(value).array());
    }

    static StructNlAttr string(int type, String value) {
        return StructNlAttr.ofString(type, value);
    }

    static StructNlAttr nfAddress(int type, InetAddress address) {
        return new StructNlAttr(type, Arrays.copyOf(address.getAddress(), NF_INET_ADDR_BYTES));
    }

    static Optional<StructNlAttr> find(List<StructNlAttr> attributes, int type) {
        return StructNlAttr.find(attributes, type);
    }

    static StructNlAttr require(List<StructNlAttr> attributes, int type, String name) {
        return find(attributes, type).orElseThrow(() -> new WireFormatException(0, name + " missing"));
    }

    static int asU8(StructNlAttr attribute, String name) {
        return Byte.toUnsignedInt(value(attribute, name, Byte.BYTES).get());
    }

    static int asU16(StructNlAttr attribute, String name) {
        return Short.toUnsignedInt(value(attribute, name, Short.BYTES).getShort());
    }

    static int asBe16(StructNlAttr attribute, String name) {
        return Short.toUnsignedInt(value(attribute, name, Short.BYTES).order(ByteOrder.BIG_ENDIAN).getShort());
    }

    static long asU32(StructNlAttr attribute, String name) {
        return Integer.toUnsignedLong(value(attribute, name, Integer.BYTES).getInt());
    }

    static long asU64(StructNlAttr attribute, String name) {
        return value(attribute, name, Long.BYTES).getLong();
    }

    static String asString(StructNlAttr attribute) {
        return attribute.valueAsString();
    }

    /** An {@code nf_inet_addr} (or a bare 4- or 16-byte address) read as {@code family} says. */
    static InetAddress asAddress(StructNlAttr attribute, int family, String name) {
        byte[] value = attribute.value();
        int bytes = family == AF_INET6 ? NF_INET_ADDR_BYTES : Integer.BYTES;
        if (value.length != bytes && value.length != NF_INET_ADDR_BYTES) {
            throw new WireFormatException(0, name + ": " + value.length + " bytes (expected " + bytes + " or "
                    + NF_INET_ADDR_BYTES + ")");
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOf(value, bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    static int family(InetAddress address) {
        return address instanceof Inet6Address ? AF_INET6 : AF_INET;
    }

    static void requireFamily(String field, InetAddress address, int family) {
        boolean matches = family == AF_INET6 ? address instanceof Inet6Address : address instanceof Inet4Address;
        if (!matches) {
            throw new IllegalArgumentException(field + ": " + address.getHostAddress()
                    + " (expected an address of family " + family + ")");
        }
    }

    static void requireRange(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected 0.." + max + ")");
        }
    }

    /** Re-raises a nested attribute set's error with the offset of the set and the name of its attribute. */
    static WireFormatException within(WireFormatException e, int offset, String name) {
        return new WireFormatException(offset + e.offset(), name + ": " + e.reason());
    }

    private static ByteBuffer value(StructNlAttr attribute, String name, int bytes) {
        byte[] value = attribute.value();
        if (value.length != bytes) {
            throw new WireFormatException(0, name + ": " + value.length + " bytes (expected " + bytes + ")");
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder());
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }
}
