package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Ancillary data as the x86-64 kernel lays it out (little-endian, 8-byte aligned). */
class ControlMessagesTest {

    /** What recvmsg hands an IPv6 VRRP read socket: IPV6_HOPLIMIT then IPV6_PKTINFO. */
    private static final String IPV6_HOPLIMIT_AND_PKTINFO =
            "1400000000000000" // cmsg_len = 20
            + "29000000" // cmsg_level = IPPROTO_IPV6
            + "34000000" // cmsg_type = IPV6_HOPLIMIT
            + "ff000000" // hop limit 255
            + "00000000" // padding to 8
            + "2400000000000000" // cmsg_len = 36
            + "29000000" // IPPROTO_IPV6
            + "32000000" // IPV6_PKTINFO
            + "ff020000000000000000000000000012" // ipi6_addr = ff02::12
            + "03000000" // ipi6_ifindex = 3
            + "00000000"; // padding

    /** IP_PKTINFO on an IPv4 read socket. */
    private static final String IP_PKTINFO =
            "1c00000000000000" // cmsg_len = 28
            + "00000000" // IPPROTO_IP
            + "08000000" // IP_PKTINFO
            + "02000000" // ipi_ifindex = 2
            + "c0000202" // ipi_spec_dst = 192.0.2.2
            + "e0000012" // ipi_addr = 224.0.0.18
            + "00000000"; // padding

    private static ByteBuffer bytes(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex)).order(ByteOrder.nativeOrder());
    }

    @Test
    void anIpv6ReadSocketsAncillaryDataGivesDestinationInterfaceAndHopLimit() throws Exception {
        ControlMessages.PacketInfo info = ControlMessages.parse(bytes(IPV6_HOPLIMIT_AND_PKTINFO));

        assertEquals(new ControlMessages.PacketInfo(InetAddress.getByName("ff02::12"), 3, OptionalInt.of(255)), info);
    }

    @Test
    void ipPktinfoGivesTheHeadersDestinationNotTheLocalAddress() throws Exception {
        ControlMessages.PacketInfo info = ControlMessages.parse(bytes(IP_PKTINFO));

        assertEquals(new ControlMessages.PacketInfo(InetAddress.getByName("224.0.0.18"), 2, OptionalInt.empty()),
                info);
    }

    @Test
    void ipv6PacketInfoIsBuiltAsKeepalivedSendsIt() throws Exception {
        byte[] built = ControlMessages.ipv6PacketInfo(InetAddress.getByName("fe80::1"), 3);

        assertEquals("2400000000000000" + "29000000" + "32000000" + "fe800000000000000000000000000001"
                + "03000000" + "00000000", HexFormat.of().formatHex(built));
    }

    @Test
    void aHopLimitMessageTakesSixteenBytesOfHeaderAndEightOfData() {
        assertEquals("1400000000000000" + "29000000" + "34000000" + "40000000" + "00000000",
                HexFormat.of().formatHex(ControlMessages.ipv6HopLimit(64)));
    }

    @Test
    void aMessageLongerThanTheControlBufferIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ControlMessages.parse(bytes(IP_PKTINFO.replaceFirst("1c", "40"))));

        assertEquals("cmsg_len: 64 at offset 0 (expected 16..32)", e.getMessage());
    }

    @Test
    void socketAddressesAreLaidOutAsTheKernelReadsThem() throws Exception {
        assertEquals("0200" + "0000" + "e0000012" + "0000000000000000",
                HexFormat.of().formatHex(SocketAddresses.ip(InetAddress.getByName("224.0.0.18"), 0)));
        assertEquals("0a00" + "0000" + "00000000" + "ff020000000000000000000000000012" + "03000000",
                HexFormat.of().formatHex(SocketAddresses.ip(InetAddress.getByName("ff02::12"), 3)));
        assertEquals("1100" + "0806" + "03000000" + "0000" + "00" + "06" + "ffffffffffff0000",
                HexFormat.of().formatHex(SocketAddresses.link(3, PacketSocket.ETH_P_ARP, PacketSocket.BROADCAST_MAC)));
        assertEquals("1000" + "0000" + "00000000" + "00000000",
                HexFormat.of().formatHex(SocketAddresses.netlink(0, 0)));
    }
}
