package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import org.jkeepalived.it.VrrpProtocol.Side;

/**
 * Ours next to the real keepalived 2.2.7 in both roles, instance VI_1: ours (B) as master with a keepalived (A) backup
 * that takes over when ours is killed; then ours as backup of that keepalived, taking over when it is killed in turn.
 */
final class Takeovers {
    private static final int HIGH = 150;
    private static final int LOW = 100;
    private static final int LOWEST = 50;

    private Takeovers() {
    }

    /**
     * @param vip          the address VI_1 holds
     * @param advertMillis VI_1's advert interval
     * @param config       a side's config for a priority
     */
    static void bothWays(VrrpPeers peers, String vip, int advertMillis, BiFunction<Side, Integer, String> config)
            throws Exception {
        Process real = peers.startReal(config.apply(Side.A, LOW));
        Process ours = peers.startOurs(config.apply(Side.B, HIGH));
        peers.await(() -> "MASTER".equals(peers.ourState("VI_1")) && peers.oursHas(vip), VrrpPeers.STARTUP,
                "ours as master with the address");
        peers.await(() -> "BACKUP".equals(peers.realState("VI_1")) && !peers.realHas(vip), VrrpPeers.STARTUP,
                "keepalived as backup without the address");
        peers.holdsFor(() -> "BACKUP".equals(peers.realState("VI_1")),
                VrrpPeers.masterDownWithMargin(advertMillis, LOW), "keepalived backing up ours");

        VrrpPeers.killOutright(ours);
        peers.await(() -> peers.realHas(vip), VrrpPeers.masterDownWithMargin(advertMillis, LOW),
                "the address on A after kill -9 of ours");

        peers.startOurs(config.apply(Side.B, LOWEST));
        peers.await(() -> "BACKUP".equals(peers.ourState("VI_1")), VrrpPeers.STARTUP, "ours as backup");
        peers.holdsFor(() -> "BACKUP".equals(peers.ourState("VI_1")) && !peers.oursHas(vip),
                VrrpPeers.masterDownWithMargin(advertMillis, LOWEST), "ours backing up keepalived");
        assertTrue(peers.realHas(vip), peers.logs());

        peers.killRealOutright(real);
        peers.await(() -> peers.oursHas(vip), VrrpPeers.masterDownWithMargin(advertMillis, LOWEST),
                "the address on B after kill -9 of keepalived");
        assertTrue("MASTER".equals(peers.ourState("VI_1")), peers.logs());
        assertFalse(peers.ourLogHas("Exception"), peers.logs());
    }
}
