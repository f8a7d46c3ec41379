package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * issue 3's scenarios with ours next to the real keepalived 2.2.7, VRRPv3 over IPv4 multicast at 0.5 s adverts, each
 * with either side in the role that matters ({@link Side#A} is keepalived, {@link Side#B} ours): the master's link
 * going down, a higher priority returning with and without {@code nopreempt}, a sync group of two instances, a
 * {@code vrrp_script} failing and recovering, and the notify scripts' arguments.
 */
class VrrpScenariosTest {
    private static final VrrpProtocol PROTOCOL = VrrpProtocol.V3_IPV4_MULTICAST;
    private static final int ADVERT_MILLIS = PROTOCOL.advertIntervalMillis();
    private static final String VIP = PROTOCOL.vip(1);
    private static final String SECOND_VIP = PROTOCOL.vip(2);
    private static final int HIGH = 150;
    private static final int LOW = 100;
    /** A script's result reaches the instance within its interval (1 s) plus the margin. */
    private static final Duration SCRIPT_REACTION = Duration.ofSeconds(1).plus(VrrpPeers.MARGIN);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest
    @EnumSource(Side.class)
    void theMastersLinkGoingDownHandsOverAndTheMasterReturnsWhenItComesBack(Side master) throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vl" + master, dir, NamespacePair.Extra.THIRD_HOST)) {
            Side backup = master.other();
            peers.start(backup, PROTOCOL.singleInstance(backup, LOW));
            peers.start(master, PROTOCOL.singleInstance(master, HIGH));
            awaitMaster(peers, master, VrrpPeers.STARTUP, "VI_1");
            awaitBackup(peers, backup, "VI_1");

            NamespacePair.setLink(peers.namespace(master), "eth0", false);
            awaitMaster(peers, backup, VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, LOW), "VI_1");
            peers.await(() -> "FAULT".equals(peers.state(master, "VI_1")), VrrpPeers.MARGIN, "FAULT on " + master);
            assertTrue(peers.log(master).contains("Netlink reports eth0 down"), peers.logs());
            assertFalse(peers.has(master, VIP), peers.logs());

            NamespacePair.setLink(peers.namespace(master), "eth0", true);
            awaitMaster(peers, master, VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, HIGH).plus(VrrpPeers.MARGIN),
                    "VI_1");
            assertTrue(peers.log(master).contains("Netlink reports eth0 up"), peers.logs());
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest
    @CsvSource({"A, false", "A, true", "B, false", "B, true"})
    void aHigherPriorityReturningTakesOverUnlessNopreempt(Side returning, boolean nopreempt) throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vp" + returning + (nopreempt ? "n" : "p"), dir)) {
            Side staying = returning.other();
            peers.start(staying, PROTOCOL.singleInstance(staying, LOW));
            awaitMaster(peers, staying, VrrpPeers.STARTUP, "VI_1");

            peers.start(returning, nopreempt ? PROTOCOL.singleInstance(returning, HIGH, "nopreempt")
                    : PROTOCOL.singleInstance(returning, HIGH));
            if (nopreempt) {
                peers.await(() -> "BACKUP".equals(peers.state(returning, "VI_1")), VrrpPeers.STARTUP,
                        returning + " as backup");
                peers.holdsFor(() -> "BACKUP".equals(peers.state(returning, "VI_1")) && peers.has(staying, VIP)
                        && !peers.has(returning, VIP), VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, HIGH),
                        staying + " master and " + returning + " backup with nopreempt");
            } else {
                awaitMaster(peers, returning, VrrpPeers.STARTUP, "VI_1");
            }
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest
    @EnumSource(Side.class)
    void theMembersOfASyncGroupMoveTogether(Side master) throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vs" + master, dir)) {
            Side backup = master.other();
            NamespacePair.addLocalLink(peers.namespace(master), "dummy1");
            NamespacePair.addLocalLink(peers.namespace(backup), "dummy1");
            peers.start(backup, syncGroup(backup, LOW));
            peers.start(master, syncGroup(master, HIGH));
            awaitMaster(peers, master, VrrpPeers.STARTUP, "VI_1", "VI_2");
            awaitBackup(peers, backup, "VI_1", "VI_2");

            NamespacePair.setLink(peers.namespace(master), "dummy1", false);
            awaitMaster(peers, backup, VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, LOW), "VI_1", "VI_2");
            assertEquals("FAULT", peers.state(master, "VI_2"), peers.logs());
            assertFalse(peers.has(master, VIP) || peers.has(master, SECOND_VIP), peers.logs());

            NamespacePair.setLink(peers.namespace(master), "dummy1", true);
            awaitMaster(peers, master, VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, HIGH).plus(VrrpPeers.MARGIN),
                    "VI_1", "VI_2");
        }
    }

    /** VI_1 and VI_2 in one sync group, VI_2 tracking {@code dummy1} without weight (down means FAULT). */
    private static String syncGroup(Side side, int priority) {
        return """
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                }
                """ + PROTOCOL.instance(side, "VI_1", 1, priority, List.of())
                + PROTOCOL.instance(side, "VI_2", 2, priority, List.of("track_interface {", "    dummy1", "}"));
    }

    @Execution(ExecutionMode.CONCURRENT)
    @ParameterizedTest
    @CsvSource({"A, -60", "A, 0", "B, -60", "B, 0"})
    void aFailingVrrpScriptLowersThePriorityOrFaultsAndItsRecoveryTakesBackTheMaster(Side scripted, int weight)
            throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vt" + scripted + (weight == 0 ? "f" : "w"), dir)) {
            Side other = scripted.other();
            Path failFlag = dir.resolve("fail-" + scripted);
            Path check = executable("check-" + scripted + ".sh", "[ ! -e " + failFlag + " ]");
            peers.start(other, PROTOCOL.singleInstance(other, LOW));
            peers.start(scripted, """
                    vrrp_script chk {
                        script "%s"
                        interval 1
                        fall 1
                        rise 1
                        weight %d
                    }
                    """.formatted(check, weight)
                    + PROTOCOL.singleInstance(scripted, HIGH, "track_script {", "    chk", "}"));
            awaitMaster(peers, scripted, VrrpPeers.STARTUP, "VI_1");

            Files.writeString(failFlag, "");
            awaitMaster(peers, other, SCRIPT_REACTION.plus(VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, LOW)),
                    "VI_1");
            String expected = weight == 0 ? "FAULT" : "BACKUP";
            peers.await(() -> expected.equals(peers.state(scripted, "VI_1")), VrrpPeers.MARGIN,
                    scripted + " in " + expected);
            if (weight != 0) {
                assertTrue(peers.log(scripted).contains("(VI_1) Changing effective priority from 150 to 90"),
                        peers.logs());
            }

            Files.delete(failFlag);
            awaitMaster(peers, scripted, SCRIPT_REACTION.plus(VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, HIGH)),
                    "VI_1");
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void notifyScriptsGetTheArgumentsTheRealKeepalivedGives() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vn", dir)) {
            Path record = executable("record.sh", "out=$1\nshift\necho \"$*\" >> \"$out\"");
            Process ours = peers.start(Side.B, notifying(Side.B, HIGH, record));
            awaitMaster(peers, Side.B, VrrpPeers.STARTUP, "VI_1");
            Process real = peers.start(Side.A, notifying(Side.A, LOW, record));
            peers.await(() -> "BACKUP".equals(peers.state(Side.A, "VI_1")), VrrpPeers.STARTUP, "keepalived backup");

            ours.destroy();
            awaitMaster(peers, Side.A, VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, LOW), "VI_1");
            assertTrue(ours.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), peers.logs());
            real.destroy();
            assertTrue(real.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), peers.logs());

            List<String> expected = List.of("notify INSTANCE VI_1 BACKUP %d", "notify INSTANCE VI_1 MASTER %d",
                    "notify INSTANCE VI_1 STOP %d", "notify_backup", "notify_master", "notify_stop");
            for (Side side : Side.values()) {
                int priority = side == Side.A ? LOW : HIGH;
                List<String> lines = expected.stream().map(line -> line.formatted(priority)).toList();
                Path notified = dir.resolve("notified-" + side);
                peers.await(() -> Files.exists(notified) && Files.readAllLines(notified).stream().sorted().toList()
                        .equals(lines), VrrpPeers.MARGIN, "the notifications of " + side + ": " + lines);
            }
        }
    }

    /** An instance whose per-state and general notify scripts append their arguments to {@code notified-SIDE}. */
    private String notifying(Side side, int priority, Path record) {
        String call = record + " " + dir.resolve("notified-" + side) + " ";
        return PROTOCOL.singleInstance(side, priority, "notify_master \"" + call + "notify_master\"",
                "notify_backup \"" + call + "notify_backup\"", "notify_fault \"" + call + "notify_fault\"",
                "notify_stop \"" + call + "notify_stop\"", "notify \"" + call + "notify\"");
    }

    private Path executable(String name, String body) throws IOException {
        Path script = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /**
     * {@code side} in BACKUP for every instance: a backup started just before the master may still be starting (a JVM
     * under load), and a takeover is timed from its BACKUP state.
     */
    private static void awaitBackup(VrrpPeers peers, Side side, String... instances) throws Exception {
        peers.await(() -> Arrays.stream(instances).allMatch(instance -> "BACKUP".equals(peers.state(side, instance))),
                VrrpPeers.STARTUP, side + " backup of " + String.join(", ", instances));
    }

    /** {@code side} MASTER of every instance with their addresses, the other side without them. */
    private static void awaitMaster(VrrpPeers peers, Side side, Duration limit, String... instances)
            throws Exception {
        peers.await(() -> {
            for (String instance : instances) {
                String address = PROTOCOL.vip(Integer.parseInt(instance.substring("VI_".length())));
                if (!"MASTER".equals(peers.state(side, instance)) || !peers.has(side, address)
                        || peers.has(side.other(), address)) {
                    return false;
                }
            }
            return true;
        }, limit, side + " master of " + String.join(", ", instances));
    }
}
