package org.jkeepalived.ipvs.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsCommand;
import org.jkeepalived.ipvs.IpvsOperation;
import org.jkeepalived.ipvs.genl.GenlController;
import org.jkeepalived.ipvs.genl.GenlMessage;
import org.jkeepalived.libc.netlink.NetlinkErrorMessage;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpvsMessageTest {

    private static final int IPVS_FAMILY = 0x20;

    /**
     * <pre>
     * 68000000 nlmsg_len 104   2000 family 0x20   0500 REQUEST|ACK   seq   pid
     * 01 01 0000              IPVS_CMD_NEW_SERVICE, version 1
     * 5400 0180               IPVS_CMD_ATTR_SERVICE | NLA_F_NESTED
     *   0600 0100 0200        AF_INET                  0600 0200 0600      IPPROTO_TCP
     *   1400 0300 0a000001 + 12 zero bytes           nf_inet_addr 10.0.0.1
     *   0600 0400 0050        port 80 (__be16)         0800 0600 "wrr\0"
     *   0c00 0700 01000000 ffffffff  flags PERSISTENT, mask all
     *   0800 0800 2c010000    timeout 300              0800 0900 ffffff00  netmask 255.255.255.0
     * </pre>
     */
    @Test
    void aPersistentTcpServiceIsParsedFieldByField() {
        IpvsMessage message = IpvsMessage.parse(HexVectors.resource("new_service_tcp_persistent.hex"));

        assertEquals(IpvsMessage.IPVS_CMD_NEW_SERVICE, message.command());
        assertEquals(StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK, message.header().flags());
        IpvsService service = assertInstanceOf(IpvsService.class, message.service().orElseThrow());
        assertEquals(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_TCP, address("10.0.0.1"), 80), service.key());
        assertEquals("wrr", service.scheduler());
        assertEquals(Optional.empty(), service.persistenceEngine());
        assertEquals(IpvsFlags.of(IpvsFlags.IP_VS_SVC_F_PERSISTENT), service.flags());
        assertEquals(300, service.timeoutSecs());
        assertEquals(netmask("255.255.255.0"), service.netmask());
    }

    @Test
    void anIpv6ShServiceCarriesItsSchedulerFlagsAndPrefixLength() {
        IpvsService service = (IpvsService) IpvsMessage.parse(HexVectors.resource("new_service_udp6_sh.hex"))
                .service().orElseThrow();

        assertEquals(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_UDP, address("2001:db8::1"), 53),
                service.key());
        assertEquals(IpvsServiceKey.AF_INET6, service.key().addressFamily());
        assertEquals("sh", service.scheduler());
        assertEquals(IpvsFlags.of(IpvsFlags.IP_VS_SVC_F_SCHED_SH_PORT | IpvsFlags.IP_VS_SVC_F_SCHED_SH_FALLBACK),
                service.flags());
        assertEquals(IpvsService.IPV6_HOST_PREFIX, service.netmask());
    }

    @Test
    void aFirewallMarkServiceSendsNoAddressButItsPersistenceEngine() {
        IpvsService service = (IpvsService) IpvsMessage.parse(HexVectors.resource("new_service_fwmark_mh_sip.hex"))
                .service().orElseThrow();

        assertEquals(IpvsServiceKey.ofFwmark(IpvsServiceKey.AF_INET, 7), service.key());
        assertEquals("mh", service.scheduler());
        assertEquals(Optional.of("sip"), service.persistenceEngine());
        assertEquals(IpvsFlags.IP_VS_SVC_F_PERSISTENT | IpvsFlags.IP_VS_SVC_F_SCHED_MH_PORT, service.flags().flags());
        assertEquals(60, service.timeoutSecs());
    }

    /**
     * <pre>
     * 6000 0280               IPVS_CMD_ATTR_DEST | NLA_F_NESTED
     *   0600 0b00 0200        ADDR_FAMILY AF_INET      1400 0100 0a000002 + 12 zero bytes
     *   0600 0200 1f90        port 8080                0800 0300 00000000  IP_VS_CONN_F_MASQ
     *   0800 0400 05000000    weight 5
     *   0500 0d00 00 / 0600 0e00 0000 / 0600 0f00 0000   tunnel type, port, flags (ipvsadm always sends them)
     *   0800 0500 64000000    u_threshold 100          0800 0600 0a000000  l_threshold 10
     * </pre>
     */
    @Test
    void aMasqueradedDestinationWithThresholdsIsParsedFieldByField() {
        IpvsMessage message = IpvsMessage.parse(HexVectors.resource("new_dest_masq_thresholds.hex"));

        assertEquals(IpvsMessage.IPVS_CMD_NEW_DEST, message.command());
        assertEquals(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_TCP, address("10.0.0.1"), 80),
                message.service().orElseThrow().key());
        IpvsDestination destination = message.destination().orElseThrow();
        assertEquals(address("10.0.0.2"), destination.address());
        assertEquals(8080, destination.port());
        assertEquals(IpvsDestination.IP_VS_CONN_F_MASQ, destination.forwardingMethod());
        assertEquals(5, destination.weight());
        assertEquals(100, destination.upperThreshold());
        assertEquals(10, destination.lowerThreshold());
        assertEquals(OptionalInt.of(0), destination.tunnelType());
        assertEquals(Optional.empty(), destination.counters());
    }

    @Test
    void aGueTunnelDestinationCarriesItsPortAndChecksumFlag() {
        IpvsDestination destination = IpvsMessage.parse(HexVectors.resource("new_dest_tunnel_gue.hex"))
                .destination().orElseThrow();

        assertEquals(IpvsDestination.IP_VS_CONN_F_TUNNEL, destination.forwardingMethod());
        assertEquals(OptionalInt.of(IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_GUE), destination.tunnelType());
        assertEquals(OptionalInt.of(6080), destination.tunnelPort());
        assertEquals(OptionalInt.of(IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_CSUM), destination.tunnelFlags());
        assertEquals(0, destination.port());
    }

    @Test
    void requestsBuiltAsLibipvsBuildsThemMatchWhatIpvsadmSentByteForByte() {
        IpvsService persistent = IpvsService.of(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_TCP,
                address("10.0.0.1"), 80), "wrr", Optional.empty(), IpvsFlags.IP_VS_SVC_F_PERSISTENT, 300,
                netmask("255.255.255.0"));
        assertSameAsCaptured("new_service_tcp_persistent.hex", IpvsMessage.IPVS_CMD_NEW_SERVICE, false,
                IpvsMessage.Body.of(persistent));

        IpvsService fwmarkAsIpvsadmNamesIt = IpvsService.of(IpvsServiceKey.ofFwmark(IpvsServiceKey.AF_INET, 7), "",
                Optional.empty(), 0, 0, IpvsService.IPV4_HOST_NETMASK);
        IpvsDestination gue = IpvsDestination.request(address("10.0.0.3"), 0, IpvsDestination.IP_VS_CONN_F_TUNNEL, 1,
                IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_GUE, 6080, IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_CSUM, 0, 0);
        assertSameAsCaptured("new_dest_tunnel_gue.hex", IpvsMessage.IPVS_CMD_NEW_DEST, false,
                IpvsMessage.Body.of(fwmarkAsIpvsadmNamesIt, gue));

        assertSameAsCaptured("set_config_timeouts.hex", IpvsMessage.IPVS_CMD_SET_CONFIG, false,
                IpvsMessage.Body.of(new IpvsTimeouts(900, 120, 300)));
        assertSameAsCaptured("flush.hex", IpvsMessage.IPVS_CMD_FLUSH, false, IpvsMessage.Body.EMPTY);
        assertSameAsCaptured("get_service_dump_request.hex", IpvsMessage.IPVS_CMD_GET_SERVICE, true,
                IpvsMessage.Body.EMPTY);
        assertSameAsCaptured("get_dest_dump_request.hex", IpvsMessage.IPVS_CMD_GET_DEST, true,
                IpvsMessage.Body.of(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_TCP, address("10.0.0.1"), 80)));
    }

    @Test
    void aBatchIsTheCapturedRequestsBackToBackWithConsecutiveSequenceNumbers() {
        IpvsService persistent = IpvsService.of(IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_TCP,
                address("10.0.0.1"), 80), "wrr", Optional.empty(), IpvsFlags.IP_VS_SVC_F_PERSISTENT, 300,
                netmask("255.255.255.0"));
        IpvsService fwmark = IpvsService.of(IpvsServiceKey.ofFwmark(IpvsServiceKey.AF_INET, 7), "",
                Optional.empty(), 0, 0, IpvsService.IPV4_HOST_NETMASK);
        IpvsDestination gue = IpvsDestination.request(address("10.0.0.3"), 0, IpvsDestination.IP_VS_CONN_F_TUNNEL, 1,
                IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_GUE, 6080, IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_CSUM, 0, 0);
        ByteBuffer service = HexVectors.resource("new_service_tcp_persistent.hex");
        ByteBuffer destination = HexVectors.resource("new_dest_tunnel_gue.hex");

        ByteBuffer datagram = GenlMessage.datagram(IpvsClient.requests(IPVS_FAMILY, 41, List.of(
                IpvsCommand.ofService(IpvsOperation.ADD_SERVICE, persistent),
                IpvsCommand.ofDestination(IpvsOperation.ADD_DESTINATION, fwmark, gue))));

        assertEquals(service.remaining() + destination.remaining(), datagram.remaining());
        ByteBuffer first = datagram.slice(0, service.remaining()).order(datagram.order());
        ByteBuffer second = datagram.slice(service.remaining(), destination.remaining()).order(datagram.order());
        service.putInt(8, 41);
        destination.putInt(8, 42);
        assertEquals(HexVectors.of(payload(service)), HexVectors.of(payload(first)));
        assertEquals(HexVectors.of(payload(destination)), HexVectors.of(payload(second)));
    }

    @Test
    void keepalivedSendsTunnelAttributesOnlyForTunnels() {
        IpvsDestination masq = IpvsDestination.request(address("10.0.0.2"), 8080, IpvsDestination.IP_VS_CONN_F_MASQ,
                5, 0, 0, 0, 100, 10);
        IpvsDestination ipip = IpvsDestination.request(address("10.0.0.2"), 0, IpvsDestination.IP_VS_CONN_F_TUNNEL,
                5, IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_IPIP, 0, 0, 0, 0);

        assertEquals(List.of(11, 1, 2, 3, 4, 5, 6), masq.encode().stream().map(a -> a.type()).toList());
        assertEquals(List.of(11, 1, 2, 3, 4, 13, 5, 6), ipip.encode().stream().map(a -> a.type()).toList());
    }

    @Test
    void theKernelsServiceDumpHoldsThreeServicesWithTheirStatistics() {
        ByteBuffer datagram = HexVectors.resource("get_service_dump_reply.hex");
        List<IpvsService> services = new ArrayList<>();

        while (datagram.hasRemaining()) {
            services.add((IpvsService) IpvsMessage.parse(datagram).service().orElseThrow());
        }

        assertEquals(List.of("[2001:db8::1]:udp:53 sh", "10.0.0.1:tcp:80 wrr", "Fwm 7 mh"), services.stream()
                .map(service -> describe(service)).toList());
        assertTrue(services.get(1).flags().has(IpvsFlags.IP_VS_SVC_F_HASHED));
        assertEquals(0, services.get(0).stats().orElseThrow().connections());
        assertTrue(services.get(2).stats64().isPresent());
        assertEquals(Optional.of("sip"), services.get(2).persistenceEngine());
    }

    @Test
    void theKernelsDestinationReportsCarryConnectionCounters() {
        IpvsDestination masq = IpvsMessage.parse(HexVectors.resource("get_dest_dump_reply_masq.hex"))
                .destination().orElseThrow();
        IpvsDestination tunnel = IpvsMessage.parse(HexVectors.resource("get_dest_dump_reply_tunnel.hex"))
                .destination().orElseThrow();

        assertEquals(new IpvsDestination.Counters(0, 0, 0), masq.counters().orElseThrow());
        assertEquals("10.0.0.2:8080", masq.describe());
        assertEquals(0, masq.weight(), "ipvsadm -e -w 0 ran before the dump");
        assertEquals(0, masq.upperThreshold());
        assertEquals(OptionalInt.of(6080), tunnel.tunnelPort());
        assertEquals(IpvsDestination.IP_VS_CONN_F_TUNNEL, tunnel.forwardingMethod());
    }

    @Test
    void theSyncDaemonTimeoutsAndInfoAnswersAreParsed() {
        IpvsDaemon daemon = IpvsMessage.parse(HexVectors.resource("get_daemon_reply.hex")).daemon().orElseThrow();
        IpvsMessage started = IpvsMessage.parse(HexVectors.resource("new_daemon_master.hex"));
        IpvsMessage stopped = IpvsMessage.parse(HexVectors.resource("del_daemon_master.hex"));

        assertEquals(new IpvsDaemon(IpvsDaemon.IP_VS_STATE_MASTER, Optional.of("lo"), 5, OptionalInt.of(1472),
                OptionalInt.of(8848), OptionalInt.of(1), Optional.of(address("224.0.0.81"))), daemon);
        assertEquals(new IpvsDaemon(IpvsDaemon.IP_VS_STATE_MASTER, Optional.of("lo"), 5, OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()), started.daemon().orElseThrow());
        assertEquals(IpvsMessage.IPVS_CMD_DEL_DAEMON, stopped.command());
        assertEquals(Optional.of(new IpvsTimeouts(900, 120, 300)),
                IpvsMessage.parse(HexVectors.resource("get_config_reply.hex")).timeouts());
        IpvsInfo info = IpvsMessage.parse(HexVectors.resource("get_info_reply.hex")).info().orElseThrow();
        assertEquals("1.2.1", info.versionText());
        assertEquals(4096, info.connectionTableSize());
    }

    @Test
    void theControllerNamesTheIpvsFamilyId() {
        GenlMessage reply = GenlMessage.parse(HexVectors.resource("ctrl_newfamily_reply.hex"));
        GenlMessage request = GenlMessage.parse(HexVectors.resource("ctrl_getfamily_request.hex"));

        assertEquals(IPVS_FAMILY, GenlController.familyId(reply));
        assertEquals(HexVectors.of(payload(request.toBuffer())),
                HexVectors.of(payload(GenlController.familyRequest(request.header().sequence(), "IPVS").toBuffer())));
    }

    @Test
    void kernelRefusalsAreNetlinkErrorsWithTheErrno() {
        NetlinkErrorMessage exists = assertInstanceOf(NetlinkErrorMessage.class,
                NetlinkMessage.parse(HexVectors.resource("error_eexist_new_service.hex")));
        NetlinkErrorMessage missing = assertInstanceOf(NetlinkErrorMessage.class,
                NetlinkMessage.parse(HexVectors.resource("error_esrch_del_service.hex")));

        assertEquals(17, exists.errno());
        assertEquals(3, missing.errno());
    }

    @ParameterizedTest
    @ValueSource(strings = {"new_service_tcp_persistent.hex", "new_dest_masq_thresholds.hex",
        "new_service_udp6_sh.hex", "new_dest_route6.hex", "new_service_fwmark_mh_sip.hex", "new_dest_tunnel_gue.hex",
        "set_dest_weight0.hex", "del_dest_route6.hex", "get_service_dump_request.hex", "get_dest_dump_request.hex",
        "get_dest_dump_reply_masq.hex", "get_dest_dump_reply_tunnel.hex", "set_config_timeouts.hex",
        "get_info_reply.hex", "get_config_reply.hex", "new_daemon_master.hex", "get_daemon_reply.hex",
        "del_daemon_master.hex", "flush.hex"})
    void everyCapturedMessageIsRebuiltByteForByte(String vector) {
        ByteBuffer captured = HexVectors.resource(vector);

        assertEquals(HexVectors.of(captured), HexVectors.of(IpvsMessage.parse(captured.duplicate()).toBuffer()));
    }

    @Test
    void theKernelsWholeDumpDatagramIsRebuiltByteForByte() {
        ByteBuffer captured = HexVectors.resource("get_service_dump_reply.hex");
        ByteBuffer rebuilt = ByteBuffer.allocate(captured.remaining());

        ByteBuffer datagram = captured.duplicate();
        while (datagram.hasRemaining()) {
            rebuilt.put(IpvsMessage.parse(datagram).toBuffer());
        }

        assertEquals(HexVectors.of(captured), HexVectors.of(rebuilt.flip()));
    }

    @Test
    void aServiceMissingItsAddressFamilyIsRejectedWithWhereAndWhat() {
        // IPVS_CMD_ATTR_SERVICE holding only IPVS_SVC_ATTR_PROTOCOL (TCP).
        ByteBuffer message = HexVectors.buffer("20000000 2000 0500 01000000 0000 0000 01010000 0c00 0180"
                + "0600 0200 0600 0000");

        WireFormatException e = assertThrows(WireFormatException.class, () -> IpvsMessage.parse(message));

        assertEquals("offset 24: IPVS command 1: IPVS_CMD_ATTR_SERVICE: IPVS_SVC_ATTR_AF missing", e.getMessage());
    }

    @Test
    void aReplyCutShortIsRejected() {
        ByteBuffer reply = HexVectors.resource("get_dest_dump_reply_masq.hex");
        reply.limit(reply.limit() - 40);

        WireFormatException e = assertThrows(WireFormatException.class, () -> IpvsMessage.parse(reply));

        assertTrue(e.getMessage().contains("nlmsg_len: 356"), e.getMessage());
    }

    /** Every prefix, and every byte set to 0xff, of every vector: parsed, or refused as bad wire data, nothing else. */
    @Test
    void truncatedOrCorruptedMessagesFailOnlyWithWireFormatExceptions() {
        for (String vector : List.of("new_service_tcp_persistent.hex", "new_dest_masq_thresholds.hex",
                "get_dest_dump_reply_tunnel.hex", "get_daemon_reply.hex", "get_info_reply.hex")) {
            byte[] bytes = HexVectors.resource(vector).array();
            for (int cut = StructNlMsgHdr.BYTES; cut < bytes.length; cut++) {
                ByteBuffer truncated = HexVectors.buffer(HexVectors.of(ByteBuffer.wrap(bytes, 0, cut)));
                truncated.putInt(0, cut);
                parseOrRefuse(truncated, vector + " cut at " + cut);
            }
            for (int index = 0; index < bytes.length; index++) {
                ByteBuffer corrupted = ByteBuffer.wrap(bytes.clone()).order(java.nio.ByteOrder.nativeOrder());
                corrupted.put(index, (byte) 0xff);
                parseOrRefuse(corrupted, vector + " byte " + index + " corrupted");
            }
        }
    }

    private static void parseOrRefuse(ByteBuffer message, String what) {
        try {
            IpvsMessage.parse(message);
        } catch (WireFormatException expected) {
            assertTrue(expected.getMessage().startsWith("offset "), what + ": " + expected.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static void assertSameAsCaptured(String vector, int command, boolean dump, IpvsMessage.Body body) {
        ByteBuffer captured = HexVectors.resource(vector);
        IpvsMessage built = IpvsMessage.request(IPVS_FAMILY, captured.getInt(8), command, dump, body);

        assertEquals(HexVectors.of(payload(captured)), HexVectors.of(payload(built.toBuffer())), vector);
        assertEquals(captured.getInt(0), built.header().length(), vector);
    }

    /** The bytes after nlmsg_seq and nlmsg_pid (the kernel fills the pid), with the header's first 12 bytes. */
    private static ByteBuffer payload(ByteBuffer message) {
        ByteBuffer copy = message.duplicate();
        ByteBuffer withoutPid = ByteBuffer.allocate(copy.remaining() - Integer.BYTES);
        withoutPid.put(copy.slice(0, 12)).put(copy.slice(StructNlMsgHdr.BYTES, copy.remaining()
                - StructNlMsgHdr.BYTES));
        return withoutPid.flip();
    }

    private static String describe(IpvsService service) {
        String key = service.key().describe();
        if (!service.key().isFwmark() && service.key().addressFamily() == IpvsServiceKey.AF_INET6) {
            key = "[" + key.substring(0, key.lastIndexOf(':', key.lastIndexOf(':') - 1)) + "]"
                    + key.substring(key.lastIndexOf(':', key.lastIndexOf(':') - 1));
        }
        return key + " " + service.scheduler();
    }

    private static long netmask(String dotted) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(address(dotted).getAddress())
                .order(java.nio.ByteOrder.nativeOrder()).getInt());
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
