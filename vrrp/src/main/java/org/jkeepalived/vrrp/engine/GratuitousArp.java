package org.jkeepalived.vrrp.engine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The ARP packet of keepalived 2.2.7's gratuitous ARP ({@code send_gratuitous_arp_immediate}): an Ethernet ARP
 * <em>request</em> whose sender and target protocol addresses are both the virtual address, the sender hardware
 * address the interface's MAC and the target hardware address the broadcast MAC. The Ethernet header (broadcast
 * destination, EtherType 0x0806) is the packet socket's to add.
 *
 * @param senderMac the 6-byte MAC of the interface the address is on
 * @param address   the virtual address announced
 */
public record GratuitousArp(byte[] senderMac, Inet4Address address) {

    public static final int BYTES = 28;
    private static final int HARDWARE_ETHERNET = 1;
    private static final int PROTOCOL_IPV4 = 0x0800;
    private static final int MAC_BYTES = MacAddresses.BYTES;
    private static final int IPV4_BYTES = 4;
    private static final int OPERATION_REQUEST = 1;
    private static final byte[] BROADCAST_MAC = {-1, -1, -1, -1, -1, -1};

    public GratuitousArp {
        senderMac = MacAddresses.checkedCopy(senderMac, "senderMac");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public byte[] senderMac() {
        return senderMac.clone();
    }

    /** Writes the 28 bytes at {@code out}'s position and advances it. */
    public void encode(ByteBuffer out) {
        if (out.remaining() < BYTES) {
            throw new IllegalArgumentException("out: " + out.remaining() + " bytes remaining (expected >= " + BYTES
                    + ")");
        }
        out.putShort((short) HARDWARE_ETHERNET).putShort((short) PROTOCOL_IPV4).put((byte) MAC_BYTES)
                .put((byte) IPV4_BYTES).putShort((short) OPERATION_REQUEST)
                .put(senderMac).put(address.getAddress()).put(BROADCAST_MAC).put(address.getAddress());
    }

    /** The packet as a buffer ready to send. */
    public ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES);
        encode(buffer);
        return buffer.flip();
    }

    /**
     * The gratuitous ARP in {@code packet}'s remaining bytes; empty for any other ARP packet (a reply, a request for
     * another address, a target MAC other than broadcast, another hardware or protocol type).
     */
    public static Optional<GratuitousArp> decode(ByteBuffer packet) {
        ByteBuffer in = packet.duplicate();
        if (in.remaining() < BYTES || in.getShort() != HARDWARE_ETHERNET || in.getShort() != PROTOCOL_IPV4
                || in.get() != MAC_BYTES || in.get() != IPV4_BYTES || in.getShort() != OPERATION_REQUEST) {
            return Optional.empty();
        }
        byte[] senderMac = new byte[MAC_BYTES];
        byte[] senderIp = new byte[IPV4_BYTES];
        byte[] targetMac = new byte[MAC_BYTES];
        byte[] targetIp = new byte[IPV4_BYTES];
        in.get(senderMac).get(senderIp).get(targetMac).get(targetIp);
        if (!Arrays.equals(senderIp, targetIp) || !Arrays.equals(targetMac, BROADCAST_MAC)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GratuitousArp(senderMac, (Inet4Address) InetAddress.getByAddress(senderIp)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GratuitousArp that && Arrays.equals(senderMac, that.senderMac)
                && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(senderMac), address);
    }

    @Override
    public String toString() {
        return "GratuitousArp[senderMac=" + MacAddresses.format(senderMac) + ", address=" + address.getHostAddress()
                + "]";
    }
}
