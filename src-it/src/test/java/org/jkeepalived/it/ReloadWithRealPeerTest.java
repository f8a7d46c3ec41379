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

/** Our master reloads with keepalived 2.2.7 as its backup: the backup sees neither a priority 0 nor a silence. */
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
            for (String addition : List.of(ADDED_VIP, "10.64.0.3")) {
                String current = Files.readString(dir.resolve("ours-1.conf"));
                Files.writeString(dir.resolve("ours-1.conf"), current.replace(VIP + "\n", VIP + "\n        "
                        + addition + "\n"));
                Commands.check(List.of("kill", "-HUP", Long.toString(ours.pid())));
                peers.await(() -> peers.oursHas(addition), VrrpPeers.STARTUP, "the added VIP " + addition);
            }
            peers.holdsFor(() -> "BACKUP".equals(peers.realState("VI_1")), Duration.ofSeconds(4),
                    "the real keepalived in BACKUP");
            assertFalse(peers.realLogHas("priority 0"), peers.logs());
            assertEquals("MASTER", peers.ourState("VI_1"), peers.logs());
            assertFalse(peers.ourLog().lines().filter(line -> line.contains("Entering MASTER STATE")).count() > 1,
                    peers.logs());
        }
    }
}
