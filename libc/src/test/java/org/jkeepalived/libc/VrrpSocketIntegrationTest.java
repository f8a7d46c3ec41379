package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** VRRP sockets on both ends of a veth pair in namespaces of their own. Root only. */
class VrrpSocketIntegrationTest {

    private static final int RECEIVE_TIMEOUT_MILLIS = 3000;
    private static final int IPV4_HEADER_BYTES = 20;

    /** A VRRPv3 advert for VRID 51, priority 100, advert interval 100 cs, one IPv4 address (checksum left 0). */
    private static final String VRRP_V3_ADVERT =
            "31" // version 3, type 1 ADVERTISEMENT
            + "33" // VRID 51
            + "64" // priority 100
            + "01" // count IPvX addresses 1
            + "0064" // rsvd 0, max advert interval 100 centiseconds
            + "0000" // checksum
            + "c0000264"; // 192.0.2.100

    private VethPair pair;

    @BeforeEach
    void createTheVethPair() throws Exception {
        pair = VethPair.create();
    }

    @AfterEach
    void deleteIt() throws Exception {
        if (pair != null) {
            pair.close();
        }
    }

    private static VrrpSocket openIn(String namespace, VrrpSocketConfig config) throws Exception {
        return NetworkNamespace.callIn(namespace, () -> VrrpSocket.open(config));
    }

    /** The IPv4 header keepalived builds for an advert, as our codec will: the kernel fills length and checksum. */
    private static ByteBuffer ipv4Packet(String source, String destination, byte[] vrrp) throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(IPV4_HEADER_BYTES + vrrp.length);
        packet.put((byte) 0x45) // version 4, IHL 5
                .put((byte) 0xc0) // TOS: internetwork control
                .putShort((short) (IPV4_HEADER_BYTES + vrrp.length))
                .putShort((short) 0) // id: the kernel picks one
                .putShort((short) 0) // no fragmentation
                .put((byte) 255) // TTL
                .put((byte) VrrpSocket.IPPROTO_VRRP)
                .putShort((short) 0) // checksum: the kernel computes it
                .put(InetAddress.getByName(source).getAddress())
                .put(InetAddress.getByName(destination).getAddress())
                .put(vrrp);
        return packet.flip();
    }

    /** The same advert for 2001:db8::100; on IPv6 the kernel computes the checksum. */
    private static byte[] ipv6Advert() {
        return HexFormat.of().parseHex(VRRP_V3_ADVERT.replace("c0000264", "20010db8000000000000000000000100"));
    }

    private static ReceivedVrrpPacket receiveOne(VrrpSocket socket, ByteBuffer into) throws Exception {
        assertTrue(socket.awaitReadable(RECEIVE_TIMEOUT_MILLIS), "nothing received in " + RECEIVE_TIMEOUT_MILLIS
                + " ms");
        ReceivedVrrpPacket received = socket.receive(into).orElseThrow();
        into.flip();
        return received;
    }

    private static byte[] tail(ByteBuffer packet, int from) {
        byte[] bytes = new byte[packet.limit() - from];
        packet.get(from, bytes);
        return bytes;
    }

    @Test
    void anIpv4MulticastAdvertArrivesWithItsAddressesAndTtl() throws Exception {
        byte[] advert = HexFormat.of().parseHex(VRRP_V3_ADVERT);
        try (VrrpSocket sender = openIn(pair.left(), VrrpSocketConfig.multicast(VethPair.LEFT_INTERFACE,
                     InetAddress.getByName("192.0.2.1")));
             VrrpSocket receiver = openIn(pair.right(), VrrpSocketConfig.multicast(VethPair.RIGHT_INTERFACE,
                     InetAddress.getByName("192.0.2.2")))) {

            assertTrue(sender.send(ipv4Packet("192.0.2.1", "224.0.0.18", advert), VrrpSocketConfig.IPV4_GROUP));
            ByteBuffer packet = ByteBuffer.allocate(1500);
            ReceivedVrrpPacket received = receiveOne(receiver, packet);

            assertEquals(InetAddress.getByName("192.0.2.1"), received.source());
            assertEquals(VrrpSocketConfig.IPV4_GROUP, received.destination());
            assertEquals(255, received.hopLimit());
            assertEquals(receiver.interfaceIndex(), received.interfaceIndex());
            assertEquals(IPV4_HEADER_BYTES + advert.length, received.length());
            assertFalse(received.truncated());
            assertEquals(0xc0, Byte.toUnsignedInt(packet.get(1)));
            assertArrayEquals(advert, tail(packet, IPV4_HEADER_BYTES));
            assertFalse(sender.awaitReadable(200), "our own multicast came back to us");
        }
    }

    @Test
    void anIpv4UnicastAdvertReachesThePeersUnicastSocket() throws Exception {
        byte[] advert = HexFormat.of().parseHex(VRRP_V3_ADVERT);
        try (VrrpSocket sender = openIn(pair.left(), VrrpSocketConfig.unicast(VethPair.LEFT_INTERFACE,
                     InetAddress.getByName("192.0.2.1")));
             VrrpSocket receiver = openIn(pair.right(), VrrpSocketConfig.unicast(VethPair.RIGHT_INTERFACE,
                     InetAddress.getByName("192.0.2.2")))) {

            assertTrue(sender.send(ipv4Packet("192.0.2.1", "192.0.2.2", advert), InetAddress.getByName("192.0.2.2")));
            ByteBuffer packet = ByteBuffer.allocate(1500);
            ReceivedVrrpPacket received = receiveOne(receiver, packet);

            assertEquals(InetAddress.getByName("192.0.2.1"), received.source());
            assertEquals(InetAddress.getByName("192.0.2.2"), received.destination());
            assertEquals(255, received.hopLimit());
            assertArrayEquals(advert, tail(packet, IPV4_HEADER_BYTES));
        }
    }

    @Test
    void anIpv6MulticastAdvertArrivesWithHopLimit255AndAKernelChecksum() throws Exception {
        byte[] advert = ipv6Advert();
        try (VrrpSocket sender = openIn(pair.left(), VrrpSocketConfig.multicast(VethPair.LEFT_INTERFACE,
                     InetAddress.getByName("2001:db8::1")));
             VrrpSocket receiver = openIn(pair.right(), VrrpSocketConfig.multicast(VethPair.RIGHT_INTERFACE,
                     InetAddress.getByName("2001:db8::2")))) {

            assertTrue(sender.send(ByteBuffer.wrap(advert), VrrpSocketConfig.IPV6_GROUP));
            ByteBuffer packet = ByteBuffer.allocate(1500);
            ReceivedVrrpPacket received = receiveOne(receiver, packet);

            assertEquals(InetAddress.getByName("2001:db8::1"), received.source());
            assertEquals(VrrpSocketConfig.IPV6_GROUP, received.destination());
            assertEquals(255, received.hopLimit());
            assertEquals(receiver.interfaceIndex(), received.interfaceIndex());
            assertEquals(advert.length, received.length());
            byte[] arrived = tail(packet, 0);
            assertTrue(packet.getShort(6) != 0, "the kernel filled in the checksum");
            assertArrayEquals(Arrays.copyOf(advert, 6), Arrays.copyOf(arrived, 6));
            assertArrayEquals(Arrays.copyOfRange(advert, 8, advert.length),
                    Arrays.copyOfRange(arrived, 8, arrived.length));
            assertFalse(sender.awaitReadable(200), "our own multicast came back to us");
        }
    }

    @Test
    void anIpv6UnicastAdvertCarriesTheConfiguredHopLimit() throws Exception {
        byte[] advert = ipv6Advert();
        InetAddress right = InetAddress.getByName("2001:db8::2");
        try (VrrpSocket sender = openIn(pair.left(), new VrrpSocketConfig(VethPair.LEFT_INTERFACE,
                     InetAddress.getByName("2001:db8::1"), Optional.empty(), 0, OptionalInt.of(255)));
             VrrpSocket receiver = openIn(pair.right(), VrrpSocketConfig.unicast(VethPair.RIGHT_INTERFACE, right))) {

            assertTrue(sender.send(ByteBuffer.wrap(advert), right));
            ReceivedVrrpPacket received = receiveOne(receiver, ByteBuffer.allocate(1500));

            assertEquals(InetAddress.getByName("2001:db8::1"), received.source());
            assertEquals(right, received.destination());
            assertEquals(255, received.hopLimit());
            assertEquals(advert.length, received.length());
        }
    }

    @Test
    void aMulticastSocketDoesNotSeeUnicastAdverts() throws Exception {
        byte[] advert = HexFormat.of().parseHex(VRRP_V3_ADVERT);
        try (VrrpSocket sender = openIn(pair.left(), VrrpSocketConfig.unicast(VethPair.LEFT_INTERFACE,
                     InetAddress.getByName("192.0.2.1")));
             VrrpSocket receiver = openIn(pair.right(), VrrpSocketConfig.multicast(VethPair.RIGHT_INTERFACE,
                     InetAddress.getByName("192.0.2.2")))) {

            assertTrue(sender.send(ipv4Packet("192.0.2.1", "192.0.2.2", advert), InetAddress.getByName("192.0.2.2")));

            assertFalse(receiver.awaitReadable(300));
            assertEquals(Optional.empty(), receiver.receive(ByteBuffer.allocate(1500)));
        }
    }
}
