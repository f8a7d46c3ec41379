package org.jkeepalived.libc.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * linux/netlink.h {@code struct nlattr}: {@code __u16 nla_len} (header included, padding not), {@code __u16 nla_type}
 * (NLA_F_NESTED and NLA_F_NET_BYTEORDER in the top bits), the value, then zeros up to a 4-byte boundary. By
 * convention every buffer here is in native byte order, as netlink is; addresses are the exception, in network order.
 */
public record StructNlAttr(int type, byte[] value) {

    public static final int HEADER_BYTES = 4;
    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;
    private static final int ALIGNMENT = 4;

    public StructNlAttr {
        StructNlMsgHdr.requireU16("type", type);
        Objects.requireNonNull(value, "value");
        if (value.length > 0xffff - HEADER_BYTES) {
            throw new IllegalArgumentException("value: " + value.length + " bytes (expected 0.."
                    + (0xffff - HEADER_BYTES) + ")");
        }
        value = value.clone();
    }

    public static StructNlAttr ofU8(int type, int value) {
        StructNlMsgHdr.requireU8("value", value);
        return new StructNlAttr(type, new byte[] {(byte) value});
    }

    public static StructNlAttr ofU32(int type, int value) {
        return new StructNlAttr(type, nativeBuffer(Integer.BYTES).putInt(value).array());
    }

    /** A NUL-terminated string, as IFA_LABEL and IFLA_IFNAME are sent. */
    public static StructNlAttr ofString(int type, String value) {
        return new StructNlAttr(type, (value + "\0").getBytes(StandardCharsets.UTF_8));
    }

    public static StructNlAttr ofAddress(int type, InetAddress address) {
        return new StructNlAttr(type, address.getAddress());
    }

    /** A nested attribute (NLA_F_NESTED not set, as rtnetlink sends IFLA_LINKINFO) holding {@code children}. */
    public static StructNlAttr ofNested(int type, List<StructNlAttr> children) {
        ByteBuffer packed = nativeBuffer(alignedLength(children));
        children.forEach(child -> child.pack(packed));
        return new StructNlAttr(type, packed.array());
    }

    /**
     * Every attribute in {@code region}'s remaining bytes, each read no further than its own {@code nla_len}; the
     * region's position ends at its limit. Offsets in errors are indexes in {@code region}.
     */
    public static List<StructNlAttr> parseAll(ByteBuffer region) {
        int base = region.position();
        ByteBuffer attributes = region.slice().order(ByteOrder.nativeOrder());
        region.position(region.limit());
        List<StructNlAttr> parsed = new ArrayList<>();
        while (attributes.remaining() >= HEADER_BYTES) {
            int start = attributes.position();
            int length = Short.toUnsignedInt(attributes.getShort());
            int type = Short.toUnsignedInt(attributes.getShort());
            if (length < HEADER_BYTES || length - HEADER_BYTES > attributes.remaining()) {
                throw new WireFormatException(base + start, "nla_len: " + length + " (expected " + HEADER_BYTES + ".."
                        + (attributes.remaining() + HEADER_BYTES) + ")");
            }
            byte[] value = new byte[length - HEADER_BYTES];
            attributes.get(value);
            parsed.add(new StructNlAttr(type, value));
            attributes.position(Math.min(attributes.limit(), start + align(length)));
        }
        return List.copyOf(parsed);
    }

    /** Bytes the attributes take packed one after another, padding included. */
    public static int alignedLength(List<StructNlAttr> attributes) {
        return attributes.stream().mapToInt(StructNlAttr::alignedLength).sum();
    }

    /** The first attribute of {@code type} (flags ignored), if any. */
    public static Optional<StructNlAttr> find(List<StructNlAttr> attributes, int type) {
        return attributes.stream().filter(attribute -> attribute.baseType() == type).findFirst();
    }

    public void pack(ByteBuffer buffer) {
        int start = buffer.position();
        buffer.putShort((short) (HEADER_BYTES + value.length)).putShort((short) type).put(value);
        while (buffer.position() < start + alignedLength()) {
            buffer.put((byte) 0);
        }
    }

    public int alignedLength() {
        return align(HEADER_BYTES + value.length);
    }

    /** The type without NLA_F_NESTED / NLA_F_NET_BYTEORDER. */
    public int baseType() {
        return type & NLA_TYPE_MASK;
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int valueAsU8() {
        requireLength(1);
        return Byte.toUnsignedInt(value[0]);
    }

    public int valueAsU32() {
        requireLength(Integer.BYTES);
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
    }

    /** The value up to its first NUL (the whole value when there is none). */
    public String valueAsString() {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    public InetAddress valueAsAddress() {
        if (value.length != 4 && value.length != 16) {
            throw new WireFormatException(HEADER_BYTES, "attribute " + type + ": " + value.length
                    + " bytes (expected an address of 4 or 16)");
        }
        try {
            return InetAddress.getByAddress(value);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    public List<StructNlAttr> nested() {
        return parseAll(ByteBuffer.wrap(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StructNlAttr attribute && attribute.type == type
                && Arrays.equals(attribute.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "StructNlAttr[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }

    private void requireLength(int bytes) {
        if (value.length < bytes) {
            throw new WireFormatException(HEADER_BYTES, "attribute " + type + ": " + value.length
                    + " bytes (expected " + bytes + ")");
        }
    }

    static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }

    static ByteBuffer nativeBuffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }
}
