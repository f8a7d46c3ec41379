package org.jkeepalived.it;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ours next to the real keepalived 2.2.7 in both roles for each way of speaking VRRP (v2 with AH, v3 over IPv4
 * multicast and unicast, v3 over IPv6 multicast; v2 with PASS is {@link VrrpInteropTest}'s): ours as master with a
 * keepalived backup that takes over when ours is killed, then ours as backup of that keepalived, taking over in turn.
 */
class VrrpProtocolMatrixTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest
    @EnumSource(value = VrrpProtocol.class, names = {"V2_AH", "V3_IPV4_MULTICAST", "V3_IPV4_UNICAST",
            "V3_IPV6_MULTICAST"})
    void oursAndTheRealKeepalivedTakeOverFromEachOther(VrrpProtocol protocol) throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vm" + protocol.ordinal(), dir)) {
            if (protocol.ipv6()) {
                peers.pair().awaitIpv6LinkLocal();
            }
            Takeovers.bothWays(peers, protocol.vip(1), protocol.advertIntervalMillis(),
                    (side, priority) -> protocol.singleInstance(side, priority));
        }
    }
}
