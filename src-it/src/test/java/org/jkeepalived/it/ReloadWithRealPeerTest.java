package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our master reloads twice with keepalived 2.2.7 as its backup, once adding an instance beside it, once changing its
 * priority: the backup sees neither a priority 0 nor a silence long enough to take over.
 */
class ReloadWithRealPeerTest {
    private static final String VIP = "10.64.0.1";
    private static final String ADDED_VIP = "10.64.0.2";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    private static String config(String state, int priority, String... addresses) {
        return "vrrp_instance VI_1 {\n    state " + state + "\n    interface eth0\n    virtual_router_id 64\n"
                + "    priority " + priority + "\n    advert_int 1\n    virtual_ipaddress {\n        "
                + String.join("\n        ", addresses) + "\n    }\n}\n";
    }

    @Test
    void aRealBackupSeesNoPriorityZeroAndNoGapWhileOurMasterReloads() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("rlp", dir)) {
            Process ours = peers.startOurs(config("MASTER", 100, VIP));
            peers.await(() -> peers.oursHas(VIP), VrrpPeers.STARTUP, "our master's VIP");
            peers.startReal(config("BACKUP", 50, VIP));
            peers.await(() -> "BACKUP".equals(peers.realState("VI_1")), VrrpPeers.STARTUP, "the real backup");
            // an instance added beside it, then its own priority changed: each a reload of a running master
            String added = config("BACKUP", 100, ADDED_VIP).replace("VI_1", "VI_2").replace(" 64\n", " 65\n");
            Files.writeString(dir.resolve("ours-1.conf"), config("MASTER", 100, VIP) + added);
            Commands.check(List.of("kill", "-HUP", Long.toString(ours.pid())));
            peers.await(() -> peers.oursHas(ADDED_VIP), VrrpPeers.STARTUP, "the added instance's VIP");
            Files.writeString(dir.resolve("ours-1.conf"), config("MASTER", 110, VIP) + added);
            Commands.check(List.of("kill", "-HUP", Long.toString(ours.pid())));
            peers.await(() -> peers.ourLogHas("1 changed"), VrrpPeers.STARTUP, "the priority change");
            peers.holdsFor(() -> "BACKUP".equals(peers.realState("VI_1")), Duration.ofSeconds(4),
                    "the real keepalived in BACKUP");
            assertFalse(peers.realLogHas("priority 0"), peers.logs());
            assertEquals("MASTER", peers.ourState("VI_1"), peers.logs());
            assertEquals(1, peers.ourLog().lines().filter(line -> line.contains("(VI_1) Entering MASTER STATE"))
                    .count(), peers.logs());
        }
    }
}
