package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code use_vmac} next to the real keepalived 2.2.7: keepalived in namespace A and ours in B each make the macvlan
 * of VRID 51 on eth0; the macvlans, their sysctls and the base's must be the same on both sides, the virtual address
 * sits on the macvlan, failover works between them, and stopping removes the macvlan and restores the base.
 */
class VrrpVmacTest {
    private static final VrrpProtocol PROTOCOL = VrrpProtocol.V2_PASS;
    private static final String VIP = PROTOCOL.vip(1);
    private static final String VMAC = "vrrp.51";
    private static final String VRRP_MAC = "00:00:5e:00:01:33";
    private static final List<String> IPV4_SYSCTLS = List.of("arp_ignore", "arp_filter", "accept_local", "rp_filter",
            "promote_secondaries");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursMakesTheSameMacvlanAsKeepalivedAndRemovesItWhenStopped() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vmac", dir)) {
            String a = peers.pair().a();
            String b = peers.pair().b();
            String baseBefore = sysctls(b, "eth0");
            peers.startReal(PROTOCOL.singleInstance(Side.A, 100, "use_vmac"));
            Process ours = peers.startOurs(PROTOCOL.singleInstance(Side.B, 150, "use_vmac"));
            peers.await(() -> VrrpPeers.hasAddress(b, VMAC, VIP), VrrpPeers.STARTUP, "the address on B's " + VMAC);
            peers.await(() -> peers.realLogHas("(VI_1) Entering BACKUP STATE"), VrrpPeers.STARTUP,
                    "keepalived as backup");

            String ourLink = link(b, VMAC);
            assertTrue(ourLink.contains("link/ether " + VRRP_MAC) && ourLink.contains("macvlan mode private")
                    && ourLink.contains(",UP"), ourLink);
            assertEquals(linkFeatures(link(a, VMAC)), linkFeatures(ourLink));
            assertEquals(sysctls(a, VMAC), sysctls(b, VMAC));
            assertEquals(sysctls(a, "eth0"), sysctls(b, "eth0"));
            assertEquals(disableIpv6(a, VMAC), disableIpv6(b, VMAC));

            ours.destroy();
            peers.await(() -> VrrpPeers.hasAddress(a, VMAC, VIP), VrrpPeers.masterDownWithMargin(1_000, 100),
                    "the address on A's " + VMAC + " after SIGTERM of ours");
            assertTrue(ours.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), "ours still running");
            assertFalse(ip(b, "link", "show").contains(VMAC), ip(b, "link", "show"));
            assertEquals(baseBefore, sysctls(b, "eth0"));
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void anExistingMacvlanWithTheVrrpMacIsReusedUnderItsOwnNameAndDeletedAtTheEndAsKeepalivedDoes()
            throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vmre", dir)) {
            for (String namespace : List.of(peers.pair().a(), peers.pair().b())) {
                Commands.check(NamespacePair.exec(namespace, List.of("ip", "link", "add", "link", "eth0", "name",
                        "myvmac", "address", VRRP_MAC, "type", "macvlan", "mode", "private")));
                // keepalived does not bring up a macvlan it reuses: one left down keeps the instance in FAULT
                Commands.check(NamespacePair.exec(namespace, List.of("ip", "link", "set", "myvmac", "up")));
            }
            Process real = peers.startReal(PROTOCOL.singleInstance(Side.A, 150, "use_vmac"));
            Process ours = peers.startOurs(PROTOCOL.singleInstance(Side.B, 100, "use_vmac"));
            peers.await(() -> VrrpPeers.hasAddress(peers.pair().a(), "myvmac", VIP), VrrpPeers.STARTUP,
                    "the address on A's myvmac");
            peers.await(() -> peers.ourLogHas("(VI_1) Entering BACKUP STATE"), VrrpPeers.STARTUP, "ours as backup");
            assertTrue(peers.realLogHas("(VI_1) Found matching interface myvmac"), peers.logs());
            assertTrue(peers.ourLogHas("(VI_1) Found matching interface myvmac"), peers.logs());

            peers.killRealOutright(real);
            peers.await(() -> VrrpPeers.hasAddress(peers.pair().b(), "myvmac", VIP),
                    VrrpPeers.masterDownWithMargin(1_000, 100), "the address on B's myvmac");
            ours.destroy();
            assertTrue(ours.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), "ours still running");
            assertFalse(ip(peers.pair().b(), "link", "show").contains("myvmac"), ip(peers.pair().b(), "link", "show"));
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void withVmacXmitBaseAdvertsLeaveFromTheBaseInterfaceMac() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vmxb", dir)) {
            String b = peers.pair().b();
            peers.startReal(PROTOCOL.singleInstance(Side.A, 100, "use_vmac", "vmac_xmit_base"));
            peers.startOurs(PROTOCOL.singleInstance(Side.B, 150, "use_vmac", "vmac_xmit_base"));
            peers.await(() -> VrrpPeers.hasAddress(b, VMAC, VIP), VrrpPeers.STARTUP, "the address on B's " + VMAC);
            peers.await(() -> peers.realLogHas("(VI_1) Entering BACKUP STATE"), VrrpPeers.STARTUP,
                    "keepalived as backup");

            String baseMac = macOf(link(b, "eth0"));
            Commands.Outcome capture = Commands.run(NamespacePair.exec(peers.pair().a(), List.of("tcpdump", "-i",
                    "eth0", "-e", "-n", "-c", "2", "ip proto 112 and src host " + NamespacePair.ADDRESS_B)), null,
                    Map.of(), 15);
            assertTrue(capture.stdout().contains(baseMac + " > 01:00:5e:00:00:12"), capture.describe());
            assertFalse(capture.stdout().contains(VRRP_MAC), capture.describe());
        }
    }

    private static String link(String namespace, String device) throws IOException, InterruptedException {
        return ip(namespace, "-d", "link", "show", device);
    }

    /** What must match between the two sides' macvlans: kind, mode, MAC and flags, not index or peer names. */
    private static String linkFeatures(String link) {
        String flags = link.substring(link.indexOf('<'), link.indexOf('>') + 1);
        String mac = macOf(link);
        String mode = link.contains("macvlan mode private") ? "macvlan mode private" : "other";
        return flags + " " + mac + " " + mode;
    }

    private static String macOf(String link) {
        int at = link.indexOf("link/ether ") + "link/ether ".length();
        return link.substring(at, at + VRRP_MAC.length());
    }

    private static String sysctls(String namespace, String device) throws IOException, InterruptedException {
        StringBuilder values = new StringBuilder();
        for (String name : IPV4_SYSCTLS) {
            values.append(name).append('=').append(read(namespace, "/proc/sys/net/ipv4/conf/" + device + "/" + name))
                    .append(' ');
        }
        return values.toString();
    }

    private static String disableIpv6(String namespace, String device) throws IOException, InterruptedException {
        return read(namespace, "/proc/sys/net/ipv6/conf/" + device + "/disable_ipv6");
    }

    private static String read(String namespace, String file) throws IOException, InterruptedException {
        return Commands.run(NamespacePair.exec(namespace, List.of("cat", file)), null, Map.of(), 10).stdout().strip();
    }

    private static String ip(String namespace, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        return Commands.run(NamespacePair.exec(namespace, command), null, Map.of(), 10).stdout();
    }
}
