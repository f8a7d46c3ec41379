package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Ours on an interface whose address comes and goes while it runs, next to the real keepalived 2.2.7: as keepalived's
 * netlink_if_address_filter, an instance without an address to send from is in FAULT (and says so, with its FAULT
 * notification, at start), leaves FAULT when the interface gains one, and goes back to FAULT when it loses it.
 */
class VrrpInterfaceAddressTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursWithoutAnIpv4AddressIsInFaultUntilOneIsAddedThenElectsAndFaultsAgainWhenItIsRemoved() throws Exception {
        VrrpProtocol protocol = VrrpProtocol.V2_PASS;
        try (VrrpPeers peers = VrrpPeers.create("vaddr4", dir)) {
            String b = peers.pair().b();
            String ownAddress = NamespacePair.ADDRESS_B + "/24";
            ip(b, "addr", "del", ownAddress, "dev", "eth0");
            Path notified = dir.resolve("notified");
            peers.startReal(protocol.singleInstance(Side.A, 100));
            peers.startOurs(protocol.singleInstance(Side.B, 150, "notify " + notifyScript(notified)));
            String vip = protocol.vip(1);
            peers.await(() -> peers.realHas(vip), VrrpPeers.STARTUP, "keepalived as master");
            peers.await(() -> peers.ourLogHas("(VI_1) entering FAULT state (no IPv4 address for interface)"),
                    VrrpPeers.STARTUP, "ours in FAULT without an address");
            peers.await(() -> notifications(notified).contains("INSTANCE VI_1 FAULT 150"), VrrpPeers.STARTUP,
                    "the FAULT notification at start");

            ip(b, "addr", "add", ownAddress, "dev", "eth0");
            Duration election = VrrpPeers.masterDownWithMargin(protocol.advertIntervalMillis(), 150).plus(
                    VrrpPeers.STARTUP);
            peers.await(() -> peers.oursHas(vip), election, "ours as master once its interface has an address");
            peers.await(() -> "BACKUP".equals(peers.realState("VI_1")), VrrpPeers.STARTUP, "keepalived as backup");
            assertTrue(notifications(notified).contains("INSTANCE VI_1 BACKUP 150"), notifications(notified));

            ip(b, "addr", "del", ownAddress, "dev", "eth0");
            peers.await(() -> "FAULT".equals(peers.ourState("VI_1")), VrrpPeers.STARTUP, "ours in FAULT again");
            peers.await(() -> peers.realHas(vip), VrrpPeers.STARTUP, "keepalived as master again");
            assertFalse(peers.oursHas(vip), NamespacePair.addresses(b));
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void oursWithoutAnIpv6LinkLocalAddressElectsOnceOneIsAdded() throws Exception {
        VrrpProtocol protocol = VrrpProtocol.V3_IPV6_MULTICAST;
        try (VrrpPeers peers = VrrpPeers.create("vaddr6", dir)) {
            peers.pair().awaitIpv6LinkLocal();
            String b = peers.pair().b();
            ip(b, "-6", "addr", "flush", "dev", "eth0", "scope", "link");
            peers.startReal(protocol.singleInstance(Side.A, 100));
            peers.startOurs(protocol.singleInstance(Side.B, 150));
            String vip = protocol.vip(1);
            peers.await(() -> peers.realHas(vip), VrrpPeers.STARTUP, "keepalived as master");
            peers.await(() -> peers.ourLogHas("(VI_1) entering FAULT state (no IPv6 address for interface)"),
                    VrrpPeers.STARTUP, "ours in FAULT without an address");

            ip(b, "addr", "add", "fe80::77:2/64", "dev", "eth0", "nodad");
            Duration election = VrrpPeers.masterDownWithMargin(protocol.advertIntervalMillis(), 150).plus(
                    VrrpPeers.STARTUP);
            peers.await(() -> peers.oursHas(vip), election, "ours as master once its interface has a link-local");
            peers.await(() -> "BACKUP".equals(peers.realState("VI_1")), VrrpPeers.STARTUP, "keepalived as backup");
        }
    }

    private Path notifyScript(Path notified) throws IOException {
        Path script = dir.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + notified + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String notifications(Path notified) throws IOException {
        return Files.exists(notified) ? Files.readString(notified, StandardCharsets.UTF_8) : "";
    }

    private static void ip(String namespace, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(arguments));
        Commands.check(command);
    }
}
