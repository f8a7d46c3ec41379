package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jkeepalived next to the real keepalived 2.2.7 on one link: keepalived in namespace A, ours in B, VRRPv2 multicast
 * with {@code auth_type PASS}, one virtual address. Each side must see the other as a keepalived would: the higher
 * priority is MASTER and holds the address, a master killed outright is replaced within the master down interval,
 * a master stopped with SIGTERM sends priority 0 and is replaced after the skew time only.
 */
class VrrpInteropTest {
    private static final String VIP = "192.168.77.100";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    /** 3 adverts of 1 s plus the skew of priority 100, (256 - 100) / 256 s, and room for scheduling and sampling. */
    private static final Duration MASTER_DOWN_WITH_MARGIN = Duration.ofMillis(3_000 + 610 + 1_500);
    /** The skew of priority 100 plus the same margin: a priority 0 advert must not wait for three adverts. */
    private static final Duration SKEW_WITH_MARGIN = Duration.ofMillis(610 + 1_500);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndTheParser() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
        ItEnvironment.assumeConfigParserWritten();
    }

    @Test
    void oursWithTheHigherPriorityIsMasterAndTheRealKeepalivedTakesOverWhenOursIsKilled() throws Exception {
        try (NamespacePair pair = NamespacePair.create("vkill")) {
            Process real = startReal(pair, 100);
            Process ours = startOurs(pair, 150);
            oursIsMasterWithTheAddress(pair);

            ours.destroyForcibly().waitFor();
            long killedNs = System.nanoTime();
            awaitTrue(() -> hasVip(pair.a()), MASTER_DOWN_WITH_MARGIN, "the address on A after kill -9 of ours");
            assertTrue(Duration.ofNanos(System.nanoTime() - killedNs).compareTo(SKEW_WITH_MARGIN) > 0,
                    "keepalived took over before the master down interval: " + realLog());
            assertTrue(real.isAlive(), realLog());
        }
    }

    @Test
    void oursStoppedWithSigtermSendsPriorityZeroAndRemovesItsAddress() throws Exception {
        try (NamespacePair pair = NamespacePair.create("vterm")) {
            startReal(pair, 100);
            Process ours = startOurs(pair, 150);
            oursIsMasterWithTheAddress(pair);

            long stoppedNs = System.nanoTime();
            ours.destroy();
            awaitTrue(() -> hasVip(pair.a()), SKEW_WITH_MARGIN, "the address on A after SIGTERM of ours");
            assertTrue(Duration.ofNanos(System.nanoTime() - stoppedNs).compareTo(MASTER_DOWN_WITH_MARGIN) < 0);
            assertTrue(ours.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS), "ours still running after SIGTERM");
            assertFalse(hasVip(pair.b()), NamespacePair.addresses(pair.b()));
            assertTrue(realLog().contains("(VI_1) Entering MASTER STATE"), realLog());
        }
    }

    @Test
    void oursWithTheLowerPriorityIsBackupAndTakesOverWhenTheRealKeepalivedIsKilled() throws Exception {
        try (NamespacePair pair = NamespacePair.create("vrev")) {
            Process real = startReal(pair, 150);
            startOurs(pair, 100);
            awaitTrue(() -> realLog().contains("(VI_1) Entering MASTER STATE"), STARTUP, "keepalived as master");
            awaitTrue(() -> ourLog().contains("(VI_1) Entering BACKUP STATE"), STARTUP, "ours as backup");
            Thread.sleep(MASTER_DOWN_WITH_MARGIN.toMillis());
            assertFalse(ourLog().contains("(VI_1) Entering MASTER STATE"), ourLog());
            assertFalse(hasVip(pair.b()), NamespacePair.addresses(pair.b()));
            assertTrue(hasVip(pair.a()), NamespacePair.addresses(pair.a()));

            killRealOutright(real);
            awaitTrue(() -> hasVip(pair.b()), MASTER_DOWN_WITH_MARGIN, "the address on B after kill -9 of keepalived");
            assertTrue(ourLog().contains("(VI_1) Entering MASTER STATE"), ourLog());
        }
    }

    private void oursIsMasterWithTheAddress(NamespacePair pair) throws Exception {
        awaitTrue(() -> ourLog().contains("(VI_1) Entering MASTER STATE"), STARTUP, "ours as master");
        awaitTrue(() -> hasVip(pair.b()), STARTUP, "the address on B");
        awaitTrue(() -> realLog().contains("Entering BACKUP STATE"), STARTUP, "keepalived as backup");
        assertFalse(hasVip(pair.a()), NamespacePair.addresses(pair.a()));
    }

    /**
     * keepalived's VRRP child would stop cleanly (priority 0) when its parent dies, so the parent is frozen, the
     * child killed, then the parent: no priority 0 advert leaves A.
     */
    private void killRealOutright(Process real) throws Exception {
        String parent = Long.toString(real.pid());
        Commands.check(List.of("kill", "-STOP", parent));
        Path vrrpPidFile = dir.resolve("real-vrrp.pid");
        if (Files.exists(vrrpPidFile)) {
            Commands.run(List.of("kill", "-9", Files.readString(vrrpPidFile).strip()), null, Map.of(), 10);
        }
        real.destroyForcibly().waitFor();
    }

    private Process startReal(NamespacePair pair, int priority) throws IOException {
        Path config = Files.writeString(dir.resolve("real.conf"), config(priority));
        return start(pair.a(), List.of(ItEnvironment.REFERENCE_KEEPALIVED.toString(), "-n", "-l", "-D",
                "-f", config.toString(), "-p", dir.resolve("real.pid").toString(),
                "-r", dir.resolve("real-vrrp.pid").toString(), "-c", dir.resolve("real-checkers.pid").toString(),
                "-b", dir.resolve("real-bfd.pid").toString()), "real.log");
    }

    private Process startOurs(NamespacePair pair, int priority) throws IOException {
        Path config = Files.writeString(dir.resolve("ours.conf"), config(priority));
        return start(pair.b(), List.of(ItEnvironment.ourKeepalived().toString(), "-n", "-l", "-D",
                "-f", config.toString(), "-p", dir.resolve("ours.pid").toString(),
                "-r", dir.resolve("ours-vrrp.pid").toString(), "-c", dir.resolve("ours-checkers.pid").toString()),
                "ours.log");
    }

    private Process start(String namespace, List<String> command, String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(NamespacePair.exec(namespace, new ArrayList<>(command)))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(logName).toFile());
        builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        return builder.start();
    }

    private static String config(int priority) {
        return """
                vrrp_instance VI_1 {
                    interface eth0
                    state BACKUP
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                    virtual_ipaddress {
                        %s/24
                    }
                }
                """.formatted(priority, VIP);
    }

    private static boolean hasVip(String namespace) {
        try {
            return NamespacePair.addresses(namespace).contains(" " + VIP + "/");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String realLog() {
        return log("real.log");
    }

    private String ourLog() {
        return log("ours.log");
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private void awaitTrue(Condition condition, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit + " for " + what + "\nours:\n" + ourLog() + "\nreal:\n"
                        + realLog());
            }
            Thread.sleep(50);
        }
    }
}
