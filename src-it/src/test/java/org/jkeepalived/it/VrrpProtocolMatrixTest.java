package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.jkeepalived.it.VrrpProtocol.Side;
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
    private static final int HIGH = 150;
    private static final int LOW = 100;
    private static final int LOWEST = 50;

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
            String vip = protocol.vip(1);
            int advertMillis = protocol.advertIntervalMillis();
            Process real = peers.startReal(protocol.singleInstance(Side.A, LOW));
            Process ours = peers.startOurs(protocol.singleInstance(Side.B, HIGH));
            peers.await(() -> "MASTER".equals(peers.ourState("VI_1")) && peers.oursHas(vip), VrrpPeers.STARTUP,
                    "ours as master with the address");
            peers.await(() -> "BACKUP".equals(peers.realState("VI_1")) && !peers.realHas(vip), VrrpPeers.STARTUP,
                    "keepalived as backup without the address");
            peers.holdsFor(() -> "BACKUP".equals(peers.realState("VI_1")),
                    VrrpPeers.masterDownWithMargin(advertMillis, LOW), "keepalived backing up ours");

            VrrpPeers.killOutright(ours);
            peers.await(() -> peers.realHas(vip), VrrpPeers.masterDownWithMargin(advertMillis, LOW),
                    "the address on A after kill -9 of ours");

            peers.startOurs(protocol.singleInstance(Side.B, LOWEST));
            peers.await(() -> "BACKUP".equals(peers.ourState("VI_1")), VrrpPeers.STARTUP, "ours as backup");
            peers.holdsFor(() -> "BACKUP".equals(peers.ourState("VI_1")) && !peers.oursHas(vip),
                    VrrpPeers.masterDownWithMargin(advertMillis, LOWEST), "ours backing up keepalived");
            assertTrue(peers.realHas(vip), peers.logs());

            peers.killRealOutright(real);
            Duration takeover = VrrpPeers.masterDownWithMargin(advertMillis, LOWEST);
            peers.await(() -> peers.oursHas(vip), takeover, "the address on B after kill -9 of keepalived");
            assertTrue("MASTER".equals(peers.ourState("VI_1")), peers.logs());
            assertFalse(peers.ourLogHas("Exception"), peers.logs());
        }
    }
}
