package org.jkeepalived.libc.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** NLMSG_ERROR replies the kernel sent to iproute2 6.1, captured with strace -xx -e read=3. */
class NetlinkErrorMessageTest {

    /** The ACK of 'ip addr add 192.0.2.1/24 brd + dev vA label vA:1'. */
    private static final String ACK =
            "24000000" // nlmsg_len = 36
            + "0200" // nlmsg_type = NLMSG_ERROR
            + "0001" // nlmsg_flags = NLM_F_CAPPED: the request is echoed as its header only
            + "2377026b" // nlmsg_seq, the request's
            + "633c0000" // nlmsg_pid = iproute2's port
            + "00000000" // error = 0: acknowledged
            + "3c000000 1400 0506 2377026b 00000000"; // the request's nlmsghdr: 60 bytes, RTM_NEWADDR

    /** 'ip addr add 2001:db8::1/64 dev vA nodad' a second time. */
    private static final String EEXIST_WITH_EXTENDED_ACK =
            "78000000" // nlmsg_len = 120
            + "0200" // nlmsg_type = NLMSG_ERROR
            + "0002" // nlmsg_flags = NLM_F_ACK_TLVS
            + "2377026b 733c0000" // nlmsg_seq, nlmsg_pid
            + "efffffff" // error = -17 (EEXIST)
            + "40000000 1400 0506 2377026b 00000000" // the request's nlmsghdr: 64 bytes, RTM_NEWADDR
            + "0a400200 03000000" // the request's ifaddrmsg
            + "1400 0200 20010db8000000000000000000000001" // the request's IFA_LOCAL
            + "1400 0100 20010db8000000000000000000000001" // the request's IFA_ADDRESS
            + "2300 0100" // NLMSGERR_ATTR_MSG, 35 bytes:
            + "697076363a206164647265737320616c72656164792061737369676e656400" // "ipv6: address already assigned"
            + "00"; // padding

    @Test
    void anAckIsParsedFieldByField() {
        NetlinkErrorMessage ack = assertInstanceOf(NetlinkErrorMessage.class, NetlinkMessage.parse(Hex.buffer(ACK)));

        assertTrue(ack.isAck());
        assertEquals(0, ack.errno());
        assertEquals(new StructNlMsgHdr(36, StructNlMsgHdr.NLMSG_ERROR, StructNlMsgHdr.NLM_F_CAPPED, 0x6b027723,
                0x3c63), ack.header());
        assertEquals(new StructNlMsgHdr(60, RtnlAddressMessage.RTM_NEWADDR, 0x605, 0x6b027723, 0),
                ack.error().request());
        assertEquals(0, ack.echoedPayload().length);
        assertEquals(Optional.empty(), ack.extendedAckMessage());
    }

    @Test
    void anAckIsRebuiltByteForByte() {
        assertEquals(Hex.of(Hex.buffer(ACK)), Hex.of(NetlinkMessage.parse(Hex.buffer(ACK)).toBuffer()));
    }

    @Test
    void aFailureCarriesTheErrnoTheEchoedRequestAndTheKernelsExplanation() {
        NetlinkErrorMessage error = assertInstanceOf(NetlinkErrorMessage.class,
                NetlinkMessage.parse(Hex.buffer(EEXIST_WITH_EXTENDED_ACK)));

        assertFalse(error.isAck());
        assertEquals(17, error.errno());
        assertEquals(48, error.echoedPayload().length);
        assertEquals(Optional.of("ipv6: address already assigned"), error.extendedAckMessage());
        assertEquals(Hex.of(Hex.buffer(EEXIST_WITH_EXTENDED_ACK)), Hex.of(error.toBuffer()));
    }

    @Test
    void anErrorWithAPositiveCodeIsRejected() {
        WireFormatException e = assertThrows(WireFormatException.class,
                () -> NetlinkMessage.parse(Hex.buffer("24000000 0200 0001 2377026b 633c0000"
                        + "11000000" // error = +17: not an errno the kernel sends
                        + "3c000000 1400 0506 2377026b 00000000")));

        assertEquals("offset 16: message type 2: error: 17 (expected 0 or a negative errno)", e.getMessage());
    }

    @Test
    void anErrorTooShortForItsEchoedHeaderIsRejected() {
        String cut = "18000000 0200 0001 2377026b 633c0000" // nlmsg_len = 24: room for 8 of nlmsgerr's 20 bytes
                + "00000000 3c000000";

        WireFormatException e = assertThrows(WireFormatException.class, () -> NetlinkMessage.parse(Hex.buffer(cut)));

        assertEquals("offset 16: message type 2: nlmsgerr: 8 bytes left (expected 20)", e.getMessage());
    }
}
