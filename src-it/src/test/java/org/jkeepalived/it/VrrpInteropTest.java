package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * jkeepalived next to the real keepalived 2.2.7 on one link: keepalived in namespace A, ours in B, VRRPv2 multicast
 * with {@code auth_type PASS}, one virtual address. Each side must see the other as a keepalived would: the higher
 * priority is MASTER and holds the address, a master killed outright is replaced within the master down interval,
 * a master stopped with SIGTERM sends priority 0 and is replaced after the skew time only.
 */
class VrrpInteropTest {
    private static final VrrpProtocol PROTOCOL = VrrpProtocol.V2_PASS;
    private static final String VIP = PROTOCOL.vip(1);
    private static final int ADVERT_MILLIS = PROTOCOL.advertIntervalMillis();
    private static final Duration MASTER_DOWN_WITH_MARGIN = VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, 100);
    /** A priority 0 advert must not wait for three adverts. */
    private static final Duration SKEW_WITH_MARGIN = VrrpPeers.skewWithMargin(ADVERT_MILLIS, 100);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursWithTheHigherPriorityIsMasterAndTheRealKeepalivedTakesOverWhenOursIsKilled() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vkill", dir)) {
            Process real = peers.startReal(PROTOCOL.singleInstance(Side.A, 100));
            Process ours = peers.startOurs(PROTOCOL.singleInstance(Side.B, 150));
            oursIsMasterWithTheAddress(peers);

            VrrpPeers.killOutright(ours);
            long killedNs = System.nanoTime();
            peers.await(() -> peers.realHas(VIP), MASTER_DOWN_WITH_MARGIN, "the address on A after kill -9 of ours");
            assertTrue(Duration.ofNanos(System.nanoTime() - killedNs).compareTo(SKEW_WITH_MARGIN) > 0,
                    "keepalived took over before the master down interval: " + peers.logs());
            assertTrue(real.isAlive(), peers.logs());
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursStoppedWithSigtermSendsPriorityZeroAndRemovesItsAddress() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vterm", dir)) {
            peers.startReal(PROTOCOL.singleInstance(Side.A, 100));
            Process ours = peers.startOurs(PROTOCOL.singleInstance(Side.B, 150));
            oursIsMasterWithTheAddress(peers);

            long stoppedNs = System.nanoTime();
            ours.destroy();
            peers.await(() -> peers.realHas(VIP), SKEW_WITH_MARGIN, "the address on A after SIGTERM of ours");
            assertTrue(Duration.ofNanos(System.nanoTime() - stoppedNs).compareTo(MASTER_DOWN_WITH_MARGIN) < 0);
            assertTrue(ours.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), "ours still running after "
                    + "SIGTERM");
            assertFalse(peers.oursHas(VIP), NamespacePair.addresses(peers.pair().b()));
            assertTrue(peers.realLogHas("(VI_1) Entering MASTER STATE"), peers.logs());
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursWithTheLowerPriorityIsBackupAndTakesOverWhenTheRealKeepalivedIsKilled() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vrev", dir)) {
            Process real = peers.startReal(PROTOCOL.singleInstance(Side.A, 150));
            peers.startOurs(PROTOCOL.singleInstance(Side.B, 100));
            peers.await(() -> peers.realLogHas("(VI_1) Entering MASTER STATE"), VrrpPeers.STARTUP,
                    "keepalived as master");
            peers.await(() -> peers.ourLogHas("(VI_1) Entering BACKUP STATE"), VrrpPeers.STARTUP, "ours as backup");
            Thread.sleep(MASTER_DOWN_WITH_MARGIN.toMillis());
            assertFalse(peers.ourLogHas("(VI_1) Entering MASTER STATE"), peers.logs());
            assertFalse(peers.oursHas(VIP), NamespacePair.addresses(peers.pair().b()));
            assertTrue(peers.realHas(VIP), NamespacePair.addresses(peers.pair().a()));

            peers.killRealOutright(real);
            peers.await(() -> peers.oursHas(VIP), MASTER_DOWN_WITH_MARGIN,
                    "the address on B after kill -9 of keepalived");
            assertTrue(peers.ourLogHas("(VI_1) Entering MASTER STATE"), peers.logs());
        }
    }

    private static void oursIsMasterWithTheAddress(VrrpPeers peers) throws Exception {
        peers.await(() -> peers.ourLogHas("(VI_1) Entering MASTER STATE"), VrrpPeers.STARTUP, "ours as master");
        peers.await(() -> peers.oursHas(VIP), VrrpPeers.STARTUP, "the address on B");
        peers.await(() -> peers.realLogHas("Entering BACKUP STATE"), VrrpPeers.STARTUP, "keepalived as backup");
        assertFalse(peers.realHas(VIP), NamespacePair.addresses(peers.pair().a()));
    }
}
