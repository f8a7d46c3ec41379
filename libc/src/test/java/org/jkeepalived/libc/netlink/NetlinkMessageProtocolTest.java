package org.jkeepalived.libc.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.jkeepalived.libc.NetlinkSocket;
import org.junit.jupiter.api.Test;

/** A message type means something only within its socket's protocol; nlmsg_len is unsigned. */
class NetlinkMessageProtocolTest {

    /** Generic netlink's controller answering a family lookup: type 0x10 (GENL_ID_CTRL), RTM_NEWLINK's number. */
    private static final String NLCTRL_NEWFAMILY =
            "24000000 1000 0000 01000000 00000000" // nlmsghdr: 36 bytes, GENL_ID_CTRL
            + "01020000" // genlmsghdr: CTRL_CMD_NEWFAMILY, version 2
            + "0600 0100 2000 0000" // CTRL_ATTR_FAMILY_ID = 0x20
            + "0800 0300 01000000"; // CTRL_ATTR_VERSION = 1

    /** A family given the dynamic id 0x14 (RTM_NEWADDR's number) answering a request, and the request's ack. */
    private static final String DYNAMIC_FAMILY_DATAGRAM =
            "1c000000 1400 0000 02000000 00000000" // nlmsghdr: 28 bytes, family 0x14
            + "04010000" // genlmsghdr: command 4, version 1
            + "0800 0100 05000000" // one u32 attribute
            + "24000000 0200 0001 02000000 00000000" // NLMSG_ERROR, capped
            + "00000000" // error 0: acknowledged
            + "1c000000 1400 0500 02000000 00000000"; // the request's nlmsghdr

    @Test
    void aGenericNetlinkControllerReplyIsKeptAsBytesNotParsedAsALink() {
        UnknownNetlinkMessage reply = assertInstanceOf(UnknownNetlinkMessage.class,
                NetlinkMessage.parse(Hex.buffer(NLCTRL_NEWFAMILY), NetlinkSocket.NETLINK_GENERIC));

        assertEquals(0x10, reply.header().type());
        assertEquals("01020000" + "06000100" + "20000000" + "08000300" + "01000000",
                Hex.of(ByteBuffer.wrap(reply.payload())));
    }

    @Test
    void aDynamicFamilyIdEqualToAnRtnetlinkTypeStaysAFamilyMessageBesideItsAck() {
        List<NetlinkMessage> messages = NetlinkMessage.parseAll(Hex.buffer(DYNAMIC_FAMILY_DATAGRAM),
                NetlinkSocket.NETLINK_GENERIC);

        assertEquals(2, messages.size());
        assertInstanceOf(UnknownNetlinkMessage.class, messages.get(0));
        assertEquals(RtnlAddressMessage.RTM_NEWADDR, messages.get(0).header().type());
        assertEquals(true, assertInstanceOf(NetlinkErrorMessage.class, messages.get(1)).isAck());
    }

    @Test
    void readAsRtnetlinkTheControllerReplyIsAMalformedLink() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> NetlinkMessage.parse(Hex.buffer(NLCTRL_NEWFAMILY), NetlinkSocket.NETLINK_ROUTE));

        assertEquals("message type 16: nla_len: 1 (expected 4..4)", e.reason());
        assertThrows(WireFormatException.class, () -> NetlinkMessage.parse(Hex.buffer(NLCTRL_NEWFAMILY)));
    }

    @Test
    void anNlmsgLenOfTwoToTheThirtyFirstOrMoreIsAWireFormatError() {
        Map.of(0x8000_0000, "2147483648", 0xffff_ffff, "4294967295").forEach((length, text) -> {
            ByteBuffer message = Hex.buffer(NLCTRL_NEWFAMILY);
            message.putInt(0, length);

            WireFormatException e = assertThrows(WireFormatException.class,
                    () -> NetlinkMessage.parse(message, NetlinkSocket.NETLINK_GENERIC));

            assertEquals(0, e.offset());
            assertEquals("nlmsg_len: " + text + " (36 bytes left)", e.reason());
        });
    }
}
