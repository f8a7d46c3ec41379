package org.jkeepalived.libc.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Vectors captured with strace -xx -e write=3 -e read=3 around iproute2 6.1 in a scratch namespace (veth vA,
 * ifindex 3).
 */
class RtnlAddressMessageTest {

    /** 'ip addr add 192.0.2.1/24 brd + dev vA label vA:1' as iproute2 sends it. */
    private static final String NEWADDR_IPV4_REQUEST =
            "3c000000" // nlmsg_len = 60
            + "1400" // nlmsg_type = RTM_NEWADDR
            + "0506" // nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
            + "2377026b" // nlmsg_seq
            + "00000000" // nlmsg_pid = 0
            + "02" // ifa_family = AF_INET
            + "18" // ifa_prefixlen = 24
            + "00" // ifa_flags = 0
            + "00" // ifa_scope = RT_SCOPE_UNIVERSE
            + "03000000" // ifa_index = 3
            + "0800 0200 c0000201" // IFA_LOCAL 192.0.2.1
            + "0900 0300 76413a3100 000000" // IFA_LABEL "vA:1", padded
            + "0800 0100 c0000201" // IFA_ADDRESS 192.0.2.1
            + "0800 0400 c00002ff"; // IFA_BROADCAST 192.0.2.255

    /** 'ip addr add 2001:db8::1/64 dev vA nodad'. */
    private static final String NEWADDR_IPV6_REQUEST =
            "40000000 1400 0506 2377026b 00000000" // nlmsghdr: 64 bytes, RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE
            + "0a" // ifa_family = AF_INET6
            + "40" // ifa_prefixlen = 64
            + "02" // ifa_flags = IFA_F_NODAD
            + "00" // ifa_scope = RT_SCOPE_UNIVERSE
            + "03000000" // ifa_index = 3
            + "1400 0200 20010db8000000000000000000000001" // IFA_LOCAL 2001:db8::1
            + "1400 0100 20010db8000000000000000000000001"; // IFA_ADDRESS 2001:db8::1

    /** 'ip addr del 192.0.2.1/24 dev vA'. */
    private static final String DELADDR_IPV4_REQUEST =
            "28000000 1500 0500 2377026b 00000000" // nlmsghdr: 40 bytes, RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK
            + "02 18 00 00 03000000" // ifaddrmsg: AF_INET /24, no flags, universe, ifindex 3
            + "0800 0200 c0000201" // IFA_LOCAL 192.0.2.1
            + "0800 0100 c0000201"; // IFA_ADDRESS 192.0.2.1

    /** The RTM_GETADDR dump request of 'ip -6 addr show dev vA'. */
    private static final String GETADDR_IPV6_DUMP_REQUEST =
            "18000000 1600 0103 6a77026b 00000000" // nlmsghdr: 24 bytes, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP
            + "0a 00 00 00 00000000"; // ifaddrmsg: AF_INET6, everything else 0

    /** The kernel's answer to 'ip -4 addr show dev vA': one RTM_NEWADDR. */
    private static final String NEWADDR_IPV4_DUMP_REPLY =
            "58000000" // nlmsg_len = 88
            + "1400" // nlmsg_type = RTM_NEWADDR
            + "2200" // nlmsg_flags = NLM_F_MULTI | NLM_F_DUMP_FILTERED
            + "2477026b" // nlmsg_seq
            + "6b3c0000" // nlmsg_pid = 15467 (iproute2's port)
            + "02 18 80 00 03000000" // ifaddrmsg: AF_INET /24, IFA_F_PERMANENT, universe, ifindex 3
            + "0800 0100 c0000201" // IFA_ADDRESS 192.0.2.1
            + "0800 0200 c0000201" // IFA_LOCAL 192.0.2.1
            + "0800 0400 c00002ff" // IFA_BROADCAST 192.0.2.255
            + "0900 0300 76413a3100 000000" // IFA_LABEL "vA:1"
            + "0800 0800 80000000" // IFA_FLAGS = IFA_F_PERMANENT
            + "1400 0600 ffffffff ffffffff 17980500 17980500"; // IFA_CACHEINFO: forever, forever, cstamp, tstamp

    /** The kernel's answer to 'ip -6 addr show dev vA': two RTM_NEWADDR and NLMSG_DONE in one datagram. */
    private static final String IPV6_DUMP_DATAGRAM =
            "48000000 1400 2200 6a77026b ec3d0000" // nlmsghdr: 72 bytes, RTM_NEWADDR, MULTI | DUMP_FILTERED
            + "0a 40 82 00 03000000" // ifaddrmsg: AF_INET6 /64, PERMANENT | NODAD, universe, ifindex 3
            + "1400 0100 20010db8000000000000000000000001" // IFA_ADDRESS 2001:db8::1
            + "1400 0600 ffffffff ffffffff 18980500 18980500" // IFA_CACHEINFO
            + "0800 0800 82000000" // IFA_FLAGS = PERMANENT | NODAD
            + "50000000 1400 2200 6a77026b ec3d0000" // nlmsghdr: 80 bytes, RTM_NEWADDR, MULTI | DUMP_FILTERED
            + "0a 40 80 fd 03000000" // ifaddrmsg: AF_INET6 /64, PERMANENT, RT_SCOPE_LINK, ifindex 3
            + "1400 0100 fe800000000000002cca3ffffe75a108" // IFA_ADDRESS fe80::2cca:3fff:fe75:a108
            + "1400 0600 ffffffff ffffffff 6a940500 6a940500" // IFA_CACHEINFO
            + "0800 0800 80000000" // IFA_FLAGS = PERMANENT
            + "0500 0b00 03 000000" // IFA_PROTO = IFAPROT_KERNEL_LL
            + "14000000 0300 2200 6a77026b ec3d0000" // nlmsghdr: 20 bytes, NLMSG_DONE
            + "00000000"; // status 0

    private static InterfaceAddress address(String address, int prefixLength) throws Exception {
        return InterfaceAddress.of(3, InetAddress.getByName(address), prefixLength);
    }

    private static ByteBuffer prefix(String annotatedHex, int bytes) {
        return ByteBuffer.wrap(Arrays.copyOf(Hex.bytes(annotatedHex), bytes)).order(ByteOrder.nativeOrder());
    }

    @Test
    void anIpv4AddRequestIsBuiltAsIproute2BuildsIt() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(3, InetAddress.getByName("192.0.2.1"), 24,
                Optional.of(InetAddress.getByName("192.0.2.255")), StructIfaddrMsg.RT_SCOPE_UNIVERSE,
                Optional.of("vA:1"), 0);

        RtnlAddressMessage request = RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_NEWADDR,
                0x6b027723, vip);

        assertEquals(Hex.of(Hex.buffer(NEWADDR_IPV4_REQUEST)), Hex.of(request.toBuffer()));
    }

    @Test
    void anIpv6AddRequestWithNodadIsBuiltAsIproute2BuildsIt() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(3, InetAddress.getByName("2001:db8::1"), 64, Optional.empty(),
                StructIfaddrMsg.RT_SCOPE_UNIVERSE, Optional.empty(), StructIfaddrMsg.IFA_F_NODAD);

        RtnlAddressMessage request = RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_NEWADDR,
                0x6b027723, vip);

        assertEquals(Hex.of(Hex.buffer(NEWADDR_IPV6_REQUEST)), Hex.of(request.toBuffer()));
    }

    @Test
    void aDeleteRequestIsAcknowledgedButNeitherCreatesNorExcludes() throws Exception {
        RtnlAddressMessage request = RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_DELADDR, 0x6b027723,
                address("192.0.2.1", 24));

        assertEquals(Hex.of(Hex.buffer(DELADDR_IPV4_REQUEST)), Hex.of(request.toBuffer()));
    }

    @Test
    void aDumpRequestCarriesOnlyTheFamily() {
        RtnlAddressMessage request = RtnlAddressMessage.dumpRequest(0x6b02776a, RtnlAddressMessage.AF_INET6);

        assertEquals(Hex.of(Hex.buffer(GETADDR_IPV6_DUMP_REQUEST)), Hex.of(request.toBuffer()));
    }

    @Test
    void flagsAboveBitSevenTravelInAnIfaFlagsAttribute() throws Exception {
        int noPrefixRoute = 0x200;
        InterfaceAddress vip = new InterfaceAddress(3, InetAddress.getByName("192.0.2.1"), 24, Optional.empty(),
                0, Optional.empty(), noPrefixRoute | StructIfaddrMsg.IFA_F_NODAD);

        RtnlAddressMessage request = RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_NEWADDR, 1, vip);

        assertEquals(StructIfaddrMsg.IFA_F_NODAD, request.ifaddr().flags());
        assertEquals(noPrefixRoute | StructIfaddrMsg.IFA_F_NODAD, request.addressFlags());
    }

    @Test
    void anIpv4DumpReplyIsParsedFieldByField() throws Exception {
        RtnlAddressMessage message = assertInstanceOf(RtnlAddressMessage.class,
                NetlinkMessage.parse(Hex.buffer(NEWADDR_IPV4_DUMP_REPLY)));

        assertEquals(new StructNlMsgHdr(88, RtnlAddressMessage.RTM_NEWADDR, 0x22, 0x6b027724, 15467),
                message.header());
        assertEquals(new StructIfaddrMsg(RtnlAddressMessage.AF_INET, 24, StructIfaddrMsg.IFA_F_PERMANENT,
                StructIfaddrMsg.RT_SCOPE_UNIVERSE, 3), message.ifaddr());
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.1")), message.localAddress());
        assertEquals(Optional.of(InetAddress.getByName("192.0.2.255")), message.broadcast());
        assertEquals(Optional.of("vA:1"), message.label());
        assertEquals(StructIfaddrMsg.IFA_F_PERMANENT, message.addressFlags());
        assertEquals(List.of(1, 2, 4, 3, 8, 6), message.attributes().stream().map(StructNlAttr::type).toList());
    }

    @Test
    void anIpv4DumpReplyIsRebuiltByteForByte() {
        NetlinkMessage message = NetlinkMessage.parse(Hex.buffer(NEWADDR_IPV4_DUMP_REPLY));

        assertEquals(Hex.of(Hex.buffer(NEWADDR_IPV4_DUMP_REPLY)), Hex.of(message.toBuffer()));
    }

    @Test
    void anIpv6DumpDatagramHoldsTwoAddressesAndTheEnd() throws Exception {
        List<NetlinkMessage> messages = NetlinkMessage.parseAll(Hex.buffer(IPV6_DUMP_DATAGRAM));

        assertEquals(3, messages.size());
        RtnlAddressMessage global = assertInstanceOf(RtnlAddressMessage.class, messages.get(0));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8::1")), global.localAddress());
        assertEquals(StructIfaddrMsg.IFA_F_PERMANENT | StructIfaddrMsg.IFA_F_NODAD, global.addressFlags());
        RtnlAddressMessage linkLocal = assertInstanceOf(RtnlAddressMessage.class, messages.get(1));
        assertEquals(Optional.of(InetAddress.getByName("fe80::2cca:3fff:fe75:a108")), linkLocal.localAddress());
        assertEquals(StructIfaddrMsg.RT_SCOPE_LINK, linkLocal.ifaddr().scope());
        assertEquals(Optional.empty(), linkLocal.label());
        NetlinkDoneMessage done = assertInstanceOf(NetlinkDoneMessage.class, messages.get(2));
        assertEquals(0, done.status());
        ByteBuffer rebuilt = ByteBuffer.allocate(Hex.bytes(IPV6_DUMP_DATAGRAM).length)
                .order(ByteOrder.nativeOrder());
        messages.forEach(message -> message.pack(rebuilt));
        assertEquals(Hex.of(Hex.buffer(IPV6_DUMP_DATAGRAM)), Hex.of(rebuilt.flip()));
    }

    @Test
    void aMessageCutInsideAnAttributeIsRejectedAtThatAttribute() {
        ByteBuffer truncated = prefix(NEWADDR_IPV4_DUMP_REPLY, 30);
        truncated.putInt(0, 30);

        WireFormatException e = assertThrows(WireFormatException.class, () -> NetlinkMessage.parse(truncated));

        assertEquals("offset 24: message type 20: nla_len: 8 (expected 4..6)", e.getMessage());
    }

    @Test
    void aMessageLongerThanItsDatagramIsRejectedAtItsHeader() {
        ByteBuffer cut = prefix(NEWADDR_IPV4_DUMP_REPLY, 40);

        WireFormatException e = assertThrows(WireFormatException.class, () -> NetlinkMessage.parse(cut));

        assertEquals("offset 0: nlmsg_len: 88 (40 bytes left)", e.getMessage());
    }

    @Test
    void anAddressAttributeOfTheWrongSizeIsRejected() {
        RtnlAddressMessage message = (RtnlAddressMessage) NetlinkMessage.parse(
                Hex.buffer(NEWADDR_IPV4_DUMP_REPLY.replace("0800 0200 c0000201", "0700 0200 c00002 00")));

        WireFormatException e = assertThrows(WireFormatException.class, message::localAddress);

        assertEquals("offset 4: attribute 2: 3 bytes (expected an address of 4 or 16)", e.getMessage());
    }
}
