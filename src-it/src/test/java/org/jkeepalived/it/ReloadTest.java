package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP applied as a difference, in a namespace: the VIP of an instance a reload leaves alone is never missing,
 * its master never re-elects; a config that cannot run changes nothing; a removed instance releases its VIP.
 */
class ReloadTest {
    private static final String VIP_1 = "10.61.0.1";
    private static final String VIP_1_EXTRA = "10.61.0.2";
    private static final String VIP_2 = "10.62.0.1";
    private static final String VI_1_MASTER = "(VI_1) Entering MASTER STATE";
    private static final String VI_2_MASTER = "(VI_2) Entering MASTER STATE";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    private static String instance(String name, int virtualRouterId, String... addresses) {
        return "vrrp_instance " + name + " {\n    interface eth0\n    virtual_router_id " + virtualRouterId
                + "\n    priority 100\n    advert_int 1\n    virtual_ipaddress {\n        "
                + String.join("\n        ", addresses) + "\n    }\n}\n";
    }

    private static Namespace namespace(String prefix) throws Exception {
        Namespace namespace = Namespace.create(prefix);
        namespace.ip("addr", "add", "192.168.61.2/24", "dev", "eth0");
        return namespace;
    }

    private ReloadingDaemon startedMaster(Namespace namespace, String config) throws Exception {
        ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
        daemon.start(config);
        daemon.await(() -> daemon.has("eth0", VIP_1), "VI_1 to become master");
        return daemon;
    }

    @Test
    void aReloadAddingAVipAndAnInstanceNeverDropsTheExistingVipNorReelectsItsMaster() throws Exception {
        try (Namespace namespace = namespace("rla")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, VIP_1));
            try (AddressWatch watch = AddressWatch.start(namespace.name(), "eth0", VIP_1, dir)) {
                daemon.configure(instance("VI_1", 61, VIP_1, VIP_1_EXTRA) + instance("VI_2", 62, VIP_2));
                daemon.reload();
                daemon.await(() -> daemon.has("eth0", VIP_1_EXTRA), "the added VIP");
                daemon.await(() -> daemon.has("eth0", VIP_2), "the added instance to become master");
                daemon.signal("HUP");
                daemon.await(() -> daemon.count("Reload complete") == 2, "the second reload");
                Thread.sleep(Duration.ofSeconds(2).toMillis());
                watch.close();
                assertTrue(watch.samples() > 100, "only " + watch.samples() + " samples");
                assertEquals(0, watch.missing(), "samples without " + VIP_1 + "\n" + daemon.log());
                assertEquals(List.of(), watch.deletions());
            }
            assertEquals(1, daemon.count(VI_1_MASTER), daemon.log());
            assertEquals(1, daemon.count(VI_2_MASTER), daemon.log());
            assertTrue(daemon.log().contains("Reloaded VRRP: 0 unchanged, 1 changed, 1 added, 0 removed"),
                    daemon.log());
            assertTrue(daemon.log().contains("Reloaded VRRP: 2 unchanged, 0 changed, 0 added, 0 removed"),
                    daemon.log());
            daemon.kill();
        }
    }

    @Test
    void aReloadWithABrokenConfigKeepsEverythingLogsTheErrorsWithTheirLinesAndALaterReloadWorks()
            throws Exception {
        try (Namespace namespace = namespace("rlb")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, VIP_1));
            try (AddressWatch watch = AddressWatch.start(namespace.name(), "eth0", VIP_1, dir)) {
                daemon.configure(instance("VI_1", 61, VIP_1, VIP_1_EXTRA)
                        + instance("VI_2", 62, VIP_2).replace("interface eth0", "interface nosuch0"));
                daemon.reload();
                assertTrue(daemon.log().contains("keeping the running configuration"), daemon.log());
                assertTrue(daemon.log().contains("keepalived.conf: Line 12) WARNING - interface nosuch0 for"
                        + " vrrp_instance VI_2 doesn't exist"), daemon.log());
                assertTrue(daemon.has("eth0", VIP_1));
                assertTrue(!daemon.has("eth0", VIP_1_EXTRA), "the broken config's VIP was added");

                daemon.configure(instance("VI_1", 61, VIP_1, VIP_1_EXTRA));
                daemon.reload();
                daemon.await(() -> daemon.has("eth0", VIP_1_EXTRA), "the good reload's VIP");
                watch.close();
                assertEquals(0, watch.missing(), daemon.log());
                assertEquals(List.of(), watch.deletions());
            }
            assertEquals(1, daemon.count(VI_1_MASTER), daemon.log());
            daemon.kill();
        }
    }

    @Test
    void aReloadRemovingAnInstanceReleasesItsVipAndKeepsTheOther() throws Exception {
        try (Namespace namespace = namespace("rlc")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, VIP_1)
                    + instance("VI_2", 62, VIP_2));
            daemon.await(() -> daemon.has("eth0", VIP_2), "VI_2 to become master");
            try (AddressWatch watch = AddressWatch.start(namespace.name(), "eth0", VIP_1, dir)) {
                daemon.configure(instance("VI_1", 61, VIP_1));
                daemon.reload();
                assertTrue(!daemon.has("eth0", VIP_2), "VI_2's VIP stayed after its removal");
                watch.close();
                assertEquals(0, watch.missing(), daemon.log());
            }
            assertEquals(1, daemon.count(VI_1_MASTER), daemon.log());
            daemon.kill();
        }
    }
}
