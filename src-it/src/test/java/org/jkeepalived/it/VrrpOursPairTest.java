package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two of ours, one in each namespace of a pair: the higher priority is elected, the other takes over after the master
 * down interval when the master is killed with SIGKILL, and after the skew time only when it is stopped with SIGTERM.
 */
class VrrpOursPairTest {
    private static final VrrpProtocol PROTOCOL = VrrpProtocol.V2_PASS;
    private static final String VIP = PROTOCOL.vip(1);
    private static final int ADVERT_MILLIS = PROTOCOL.advertIntervalMillis();

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Test
    void theHigherPriorityIsElectedAndTheOtherTakesOverOnKillAndOnSigterm() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vours", dir)) {
            String a = peers.pair().a();
            Process ourA = start(a, "a-1", PROTOCOL.singleInstance(Side.A, 100));
            Process ourB = peers.startOurs(PROTOCOL.singleInstance(Side.B, 150));
            peers.await(() -> peers.oursHas(VIP) && "MASTER".equals(peers.ourState("VI_1")), VrrpPeers.STARTUP,
                    "B as master");
            peers.await(() -> log("a-1").contains("(VI_1) Entering BACKUP STATE"), VrrpPeers.STARTUP,
                    "A as backup");
            peers.holdsFor(() -> !peers.realHas(VIP), VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, 100),
                    "A backing up B");

            VrrpPeers.killOutright(ourB);
            long killedNs = System.nanoTime();
            peers.await(() -> peers.realHas(VIP), VrrpPeers.masterDownWithMargin(ADVERT_MILLIS, 100),
                    "the address on A after kill -9 of B");
            assertTrue(System.nanoTime() - killedNs > VrrpPeers.skewWithMargin(ADVERT_MILLIS, 100).toNanos(),
                    "A took over before the master down interval: " + log("a-1"));

            peers.startOurs(PROTOCOL.singleInstance(Side.B, 50));
            peers.await(() -> "BACKUP".equals(peers.ourState("VI_1")), VrrpPeers.STARTUP, "B as backup");
            ourA.destroy();
            peers.await(() -> peers.oursHas(VIP), VrrpPeers.skewWithMargin(ADVERT_MILLIS, 50),
                    "the address on B within the skew time after SIGTERM of A");
            assertTrue(ourA.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), "A still running");
            assertFalse(peers.realHas(VIP), NamespacePair.addresses(a));
            assertFalse(log("a-1").contains("Exception") || peers.ourLogHas("Exception"), peers.ourLog());
        }
    }

    private Process start(String namespace, String run, String config) throws IOException {
        Path configFile = Files.writeString(dir.resolve(run + ".conf"), config);
        ProcessBuilder builder = new ProcessBuilder(NamespacePair.exec(namespace, List.of(
                ItEnvironment.ourKeepalived().toString(), "-n", "-l", "-D", "-f", configFile.toString(),
                "-p", dir.resolve(run + ".pid").toString(), "-r", dir.resolve(run + "-vrrp.pid").toString(),
                "-c", dir.resolve(run + "-checkers.pid").toString())))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(run + ".log").toFile());
        builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        return builder.start();
    }

    private String log(String run) throws IOException {
        return Files.readString(dir.resolve(run + ".log"), StandardCharsets.ISO_8859_1);
    }
}
