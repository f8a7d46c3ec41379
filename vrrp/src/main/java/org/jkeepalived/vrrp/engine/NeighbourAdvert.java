package org.jkeepalived.vrrp.engine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPv6 packet of keepalived 2.2.7's unsolicited neighbour advertisement
 * ({@code ndisc_send_unsolicited_na_immediate}): from the virtual address itself to all nodes (ff02::1), hop limit
 * 255, an ICMPv6 type 136 with the override flag (and the router flag when the interface forwards IPv6), the address as
 * target and a target link-layer address option holding the interface's MAC. The Ethernet header (to
 * 33:33:00:00:00:01, EtherType 0x86dd) is the packet socket's to add.
 *
 * @param senderMac the 6-byte MAC of the interface the address is on
 * @param address   the virtual address announced
 * @param router    the router flag
 */
public record NeighbourAdvert(byte[] senderMac, Inet6Address address, boolean router) {

    public static final int BYTES = 40 + 32;
    /** The Ethernet destination of packets to ff02::1 (RFC 2464 section 7). */
    public static final byte[] ALL_NODES_MAC = {0x33, 0x33, 0, 0, 0, 1};
    private static final int IPV6_HEADER_BYTES = 40;
    private static final int ICMPV6_BYTES = 32;
    private static final int VERSION_6 = 0x60;
    private static final int NEXT_HEADER_ICMPV6 = 58;
    private static final int HOP_LIMIT = 255;
    private static final int TYPE_NEIGHBOUR_ADVERT = 136;
    private static final int FLAG_ROUTER = 0x80;
    private static final int FLAG_OVERRIDE = 0x20;
    private static final int OPTION_TARGET_LINK_ADDRESS = 2;
    private static final int OPTION_LENGTH_UNITS = 1;
    private static final int CHECKSUM_OFFSET = IPV6_HEADER_BYTES + 2;
    private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    public NeighbourAdvert {
        senderMac = MacAddresses.checkedCopy(senderMac, "senderMac");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public byte[] senderMac() {
        return senderMac.clone();
    }

    /** The 72 bytes, IPv6 header first, as a buffer ready to send. */
    public ByteBuffer toBuffer() {
        ByteBuffer out = ByteBuffer.allocate(BYTES);
        out.putInt(VERSION_6 << 24).putShort((short) ICMPV6_BYTES).put((byte) NEXT_HEADER_ICMPV6)
                .put((byte) HOP_LIMIT).put(address.getAddress()).put(ALL_NODES);
        out.put((byte) TYPE_NEIGHBOUR_ADVERT).put((byte) 0).putShort((short) 0)
                .put((byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0))).put(new byte[3])
                .put(address.getAddress())
                .put((byte) OPTION_TARGET_LINK_ADDRESS).put((byte) OPTION_LENGTH_UNITS).put(senderMac);
        out.putShort(CHECKSUM_OFFSET, (short) checksum(out.array()));
        return out.flip();
    }

    /**
     * The unsolicited advert in {@code packet}'s remaining bytes (an IPv6 packet); empty for anything else, or when
     * the checksum is wrong.
     */
    public static Optional<NeighbourAdvert> decode(ByteBuffer packet) {
        ByteBuffer in = packet.duplicate();
        if (in.remaining() < BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[BYTES];
        in.get(bytes);
        ByteBuffer view = ByteBuffer.wrap(bytes);
        byte[] source = Arrays.copyOfRange(bytes, 8, 24);
        byte[] target = Arrays.copyOfRange(bytes, 48, 64);
        boolean wellFormed = (view.get(0) & 0xf0) == VERSION_6 && view.getShort(4) == ICMPV6_BYTES
                && view.get(6) == NEXT_HEADER_ICMPV6 && Byte.toUnsignedInt(view.get(7)) == HOP_LIMIT
                && Arrays.equals(Arrays.copyOfRange(bytes, 24, 40), ALL_NODES)
                && Byte.toUnsignedInt(view.get(40)) == TYPE_NEIGHBOUR_ADVERT && Arrays.equals(source, target)
                && view.get(64) == OPTION_TARGET_LINK_ADDRESS && view.get(65) == OPTION_LENGTH_UNITS
                && checksum(bytes) == 0;
        if (!wellFormed) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NeighbourAdvert(Arrays.copyOfRange(bytes, 66, 72),
                    (Inet6Address) InetAddress.getByAddress(target), (view.get(44) & FLAG_ROUTER) != 0));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }

    /** The ICMPv6 checksum over the pseudo-header and the message (0 when a set checksum is right). */
    private static int checksum(byte[] packet) {
        long sum = 0;
        for (int i = 8; i < IPV6_HEADER_BYTES; i += 2) {
            sum += word(packet, i);
        }
        sum += ICMPV6_BYTES + NEXT_HEADER_ICMPV6;
        for (int i = IPV6_HEADER_BYTES; i < BYTES; i += 2) {
            sum += word(packet, i);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static int word(byte[] bytes, int offset) {
        return (Byte.toUnsignedInt(bytes[offset]) << 8) | Byte.toUnsignedInt(bytes[offset + 1]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NeighbourAdvert that && Arrays.equals(senderMac, that.senderMac)
                && address.equals(that.address) && router == that.router;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(senderMac), address, router);
    }

    @Override
    public String toString() {
        return "NeighbourAdvert[senderMac=" + MacAddresses.format(senderMac) + ", address=" + address.getHostAddress()
                + ", router=" + router + "]";
    }
}
