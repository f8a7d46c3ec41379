package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM leaves nothing behind; after kill -9 the next start removes the VIPs the killed run left. */
class StopAndRestartTest {
    private static final String VIP = "10.63.0.1";
    private static final long STOP_LIMIT_MILLIS = 2_000;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    private static String config(int advertIntervalSeconds) {
        return "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 63\n    priority 100\n"
                + "    advert_int " + advertIntervalSeconds + "\n    virtual_ipaddress {\n        " + VIP
                + "\n    }\n}\n";
    }

    private static Namespace namespace(String prefix) throws Exception {
        Namespace namespace = Namespace.create(prefix);
        namespace.ip("addr", "add", "192.168.63.2/24", "dev", "eth0");
        return namespace;
    }

    @Test
    void sigtermRemovesTheVipAndThePidFileAndExitsZeroWithinTwoSeconds() throws Exception {
        try (Namespace namespace = namespace("stop")) {
            ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
            try {
                daemon.start(config(1));
                daemon.await(() -> daemon.has("eth0", VIP), "the master's VIP");
                assertTrue(Files.exists(daemon.pidFile()));
                long signalledNs = System.nanoTime();
                daemon.signal("TERM");
                assertTrue(daemon.process().waitFor(ReloadingDaemon.STARTUP.toSeconds(), TimeUnit.SECONDS));
                long stopMillis = (System.nanoTime() - signalledNs) / 1_000_000;
                assertEquals(0, daemon.process().exitValue(), daemon.log());
                assertTrue(stopMillis < STOP_LIMIT_MILLIS, "stopped in " + stopMillis + " ms");
                assertFalse(daemon.has("eth0", VIP), "the VIP outlived the daemon");
                assertFalse(Files.exists(daemon.pidFile()));
            } finally {
                daemon.kill();
            }
        }
    }

    @Test
    void aStartAfterKillNineRemovesTheStaleVipBeforeElecting() throws Exception {
        try (Namespace namespace = namespace("kill")) {
            ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
            try {
                daemon.start(config(1));
                daemon.await(() -> daemon.has("eth0", VIP), "the master's VIP");
                daemon.kill();
                assertTrue(daemon.has("eth0", VIP), "kill -9 left no VIP behind: nothing to test");
                // a 5 s advert interval puts the next election 15 s away, long after the clean-up
                daemon.start(config(5));
                daemon.await(() -> !daemon.has("eth0", VIP), "the stale VIP to go");
                assertFalse(daemon.log().contains("Entering MASTER STATE"), daemon.log());
                assertTrue(daemon.log().contains("(VI_1) Entering BACKUP STATE (init)"), daemon.log());
            } finally {
                daemon.kill();
            }
        }
    }
}
