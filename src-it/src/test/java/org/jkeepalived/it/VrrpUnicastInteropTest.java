package org.jkeepalived.it;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Ours next to the real keepalived 2.2.7 over unicast in both roles: VRRPv2 with PASS over IPv4 (unicast_src_ip,
 * unicast_peer) and VRRPv3 over IPv6 between global addresses. Ours is master with a keepalived backup that takes
 * over when ours is killed; then ours backs up that keepalived and takes over when it is killed in turn.
 */
class VrrpUnicastInteropTest {
    private static final String IPV6_A = "fd00:77::1";
    private static final String IPV6_B = "fd00:77::2";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void vrrpv2UnicastOverIpv4FailsOverBetweenOursAndKeepalivedBothWays() throws Exception {
        VrrpProtocol protocol = VrrpProtocol.V2_PASS;
        takeOversBothWays("vu2", protocol.vip(1), protocol.advertIntervalMillis(), false, (side, priority) ->
                protocol.instance(side, "VI_1", 1, priority, List.of(
                        "unicast_src_ip " + (side == Side.A ? NamespacePair.ADDRESS_A : NamespacePair.ADDRESS_B),
                        "unicast_peer {",
                        "    " + (side == Side.A ? NamespacePair.ADDRESS_B : NamespacePair.ADDRESS_A),
                        "}")));
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void vrrpv3UnicastOverIpv6FailsOverBetweenOursAndKeepalivedBothWays() throws Exception {
        String vip = "fd00:77::100";
        takeOversBothWays("vu6", vip, 1_000, true, (side, priority) -> """
                vrrp_instance VI_1 {
                    interface eth0
                    state BACKUP
                    virtual_router_id 61
                    priority %d
                    advert_int 1
                    version 3
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        %s/64
                    }
                }
                """.formatted(priority, side == Side.A ? IPV6_A : IPV6_B, side == Side.A ? IPV6_B : IPV6_A, vip));
    }

    private void takeOversBothWays(String prefix, String vip, int advertMillis, boolean ipv6,
                                   BiFunction<Side, Integer, String> config) throws Exception {
        try (VrrpPeers peers = VrrpPeers.create(prefix, dir)) {
            if (ipv6) {
                addGlobalIpv6(peers.pair().a(), IPV6_A);
                addGlobalIpv6(peers.pair().b(), IPV6_B);
            }
            Takeovers.bothWays(peers, vip, advertMillis, config);
        }
    }

    static void addGlobalIpv6(String namespace, String address) throws Exception {
        Commands.check(List.of("ip", "-n", namespace, "addr", "add", address + "/64", "dev", "eth0", "nodad"));
    }
}
