package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.RtnlRouteMessage;
import org.jkeepalived.libc.netlink.RtnlRuleMessage;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our requests for route and rule lines against keepalived 2.2.7's own, captured with strace -e write=all in a
 * namespace where the interface was ifindex 3 (here the lines name {@code lo}, which the resolver maps to 3); the
 * netlink header carries the captured sequence number.
 */
class RoutingRequestsTest {

    private static final int CAPTURED_INDEX = 3;

    @TempDir
    Path dir;

    private KeepalivedConfig load(String staticBlocks) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), staticBlocks);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false, LiveHost.system(),
                new Random(0))).config().orElseThrow();
    }

    private String route(String line, boolean add, int sequence) throws IOException {
        KeepalivedConfig config = load("static_routes {\n    " + line + "\n}\n");
        RoutingRequests.RouteRequest request = RoutingRequests.route(config.vrrp().staticRoutes().get(0), add,
                name -> OptionalInt.of(CAPTURED_INDEX)).orElseThrow();
        return hex(RtnlRouteMessage.request(request.type(), acknowledged(request.flags()), sequence, request.rtmsg(),
                request.attributes()));
    }

    private String rule(String line, boolean add, int sequence) throws IOException {
        KeepalivedConfig config = load("static_rules {\n    " + line + "\n}\n");
        RoutingRequests.RuleRequest request = RoutingRequests.rule(config.vrrp().staticRules().get(0), add);
        return hex(RtnlRuleMessage.request(request.type(), acknowledged(request.flags()), sequence, request.rule(),
                request.attributes()));
    }

    @Test
    void aRouteViaAGatewayWithAMetricIsKeepalivedsRequestToAddAndToRemove() throws IOException {
        assertEquals("3c00000018000504198b026b00000000"
                        + "02100000fe12000100000000080001000a140000080005000a01000108000400030000000800060007000000",
                route("10.20.0.0/16 via 10.1.0.1 dev lo metric 7", true, 0x6b028b19));
        assertEquals("3c000000190005002c8b026b00000000"
                        + "02100000fe12ff0000000000080001000a140000080005000a01000108000400030000000800060007000000",
                route("10.20.0.0/16 via 10.1.0.1 dev lo metric 7", false, 0x6b028b2c));
    }

    @Test
    void aRouteInAnotherTableWithAnMtuCarriesItsMetricsAsKeepalivedsDoes() throws IOException {
        assertEquals("38000000180005041a8b026b00000000"
                        + "021000006412000100000000080001000a15000008000400030000000c0008000800020078050000",
                route("10.21.0.0/16 dev lo table 100 mtu 1400", true, 0x6b028b1a));
    }

    @Test
    void anIpv6RouteIsKeepalivedsRequest() throws IOException {
        assertEquals("4c000000180005041b8b026b00000000"
                        + "0a400000fe1200010000000014000100fd00000500000000000000000000000014000500fd000001000000000000"
                        + "0000000000010800040003000000",
                route("fd00:5::/64 via fd00:1::1 dev lo", true, 0x6b028b1b));
    }

    @Test
    void aBlackholeRouteIsAddedExclusivelyAndRemovedByItsType() throws IOException {
        assertEquals("2400000018000506228b026b0000000002100000fe12000600000000080001000a2a0000",
                route("blackhole 10.42.0.0/16", true, 0x6b028b22));
        assertEquals("2400000019000500278b026b0000000002100000fe12ff0600000000080001000a2a0000",
                route("blackhole 10.42.0.0/16", false, 0x6b028b27));
    }

    @Test
    void rulesFromAndToWithFwmarkAreKeepalivedsRequests() throws IOException {
        assertEquals("34000000200005061c8b026b00000000020010006400000100000000080002000a1e000008000600c800000005001500"
                        + "12000000",
                rule("from 10.30.0.0/16 table 100 priority 200", true, 0x6b028b1c));
        assertEquals("3c000000200005061d8b026b0000000002100000fe00000100000000080001000a1f000008000600c900000008000a00"
                        + "050000000500150012000000",
                rule("to 10.31.0.0/16 fwmark 5 lookup main priority 201", true, 0x6b028b1d));
        assertEquals("40000000210005002b8b026b000000000a004000640000010000000014000200fd000006000000000000000000000000"
                        + "08000600ca0000000500150012000000",
                rule("from fd00:6::/64 table 100 priority 202", false, 0x6b028b2b));
    }

    private static int acknowledged(int flags) {
        return StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK | flags;
    }

    private static String hex(NetlinkMessage message) {
        ByteBuffer buffer = message.toBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
