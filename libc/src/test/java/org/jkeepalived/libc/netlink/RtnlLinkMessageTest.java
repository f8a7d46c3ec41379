package org.jkeepalived.libc.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RtnlLinkMessageTest {

    /** The kernel's RTM_NEWLINK for veth vB; the first bytes, annotated, are in {@link #header()}. */
    private static final String VETH_RESOURCE = "rtm_newlink_veth.hex";

    /**
     * <pre>
     * 64040000  nlmsg_len = 1124          1000  RTM_NEWLINK       0000  flags = 0
     * 2377026b  nlmsg_seq                 8bc710f7  nlmsg_pid
     * 00 00 0100  AF_UNSPEC, pad, ARPHRD_ETHER
     * 02000000  ifi_index = 2             43100100  IFF_UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
     * 00000000  ifi_change
     * 0700 0300 76420000                  IFLA_IFNAME "vB"
     * 0800 0d00 e8030000                  IFLA_TXQLEN 1000
     * 0500 1000 06000000                  IFLA_OPERSTATE IF_OPER_UP
     * ... IFLA_MTU 1500, IFLA_ADDRESS ea:43:b9:72:ee:cb, IFLA_LINKINFO { IFLA_INFO_KIND "veth" }, IFLA_AF_SPEC ...
     * </pre>
     */
    private static ByteBuffer header() {
        return Hex.resource(VETH_RESOURCE);
    }

    @Test
    void aVethLinkIsParsedFieldByField() {
        RtnlLinkMessage link = assertInstanceOf(RtnlLinkMessage.class, NetlinkMessage.parse(header()));

        assertEquals(new StructNlMsgHdr(1124, RtnlLinkMessage.RTM_NEWLINK, 0, 0x6b027723, 0xf710c78b),
                link.header());
        assertEquals(new StructIfinfoMsg(0, 1, 2, 0x11043, 0), link.ifinfo());
        assertEquals(Optional.of("vB"), link.name());
        assertEquals(Optional.of(RtnlLinkMessage.IF_OPER_UP), link.operState());
        assertEquals(Optional.of(1500), link.mtu());
        assertArrayEquals(HexFormat.of().parseHex("ea43b972eecb"), link.hardwareAddress().orElseThrow());
        assertEquals(Optional.of("veth"), link.kind());
        assertEquals(true, link.ifinfo().isUp());
    }

    @Test
    void aVethLinkIsRebuiltByteForByte() {
        assertEquals(Hex.of(header()), Hex.of(NetlinkMessage.parse(header()).toBuffer()));
    }

    @Test
    void aNestedAttributeOverrunningItsParentIsRejected() {
        RtnlLinkMessage link = (RtnlLinkMessage) NetlinkMessage.parse(header());
        StructNlAttr linkInfo = new StructNlAttr(RtnlLinkMessage.IFLA_LINKINFO,
                HexFormat.of().parseHex("0c00010076657468"));

        WireFormatException e = assertThrows(WireFormatException.class, linkInfo::nested);

        assertEquals("offset 0: nla_len: 12 (expected 4..8)", e.getMessage());
        assertEquals(Optional.of("veth"), link.kind());
    }

    @Test
    void theDumpRequestAsksForEveryLink() {
        String expected = "20000000" // nlmsg_len = 32
                + "1200" // RTM_GETLINK
                + "0103" // NLM_F_REQUEST | NLM_F_DUMP
                + "07000000" // nlmsg_seq = 7
                + "00000000" // nlmsg_pid = 0: the kernel fills in ours
                + "00 00 0000 00000000 00000000 00000000"; // ifinfomsg: AF_UNSPEC, all else 0

        assertEquals(Hex.of(Hex.buffer(expected)), Hex.of(RtnlLinkMessage.dumpRequest(7).toBuffer()));
    }
}
