package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run-time trackers of ours alone in a namespace: a {@code vrrp_track_process} whose process starts and stops
 * (counted from the kernel's process events although the daemon runs under {@code ip netns exec}), and a notify
 * script run as {@code nobody}.
 */
class VrrpTrackersTest {
    private static final String VIP = "10.63.0.1";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    private static Namespace namespace(String prefix) throws Exception {
        Namespace namespace = Namespace.create(prefix);
        namespace.ip("addr", "add", "192.168.63.2/24", "dev", "eth0");
        return namespace;
    }

    private static String instance(String extra) {
        return "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 63\n    priority 100\n"
                + "    advert_int 1\n" + extra + "    virtual_ipaddress {\n        " + VIP + "\n    }\n}\n";
    }

    @Test
    void aTrackedProcessStartingAndStoppingTakesTheInstanceOutOfFaultAndBackIntoIt() throws Exception {
        String argument = Long.toString(ProcessHandle.current().pid() + 70_000);
        String config = "vrrp_track_process sleeper {\n    process sleep " + argument + "\n}\n"
                + instance("    track_process {\n        sleeper\n    }\n");
        Process sleeper = null;
        try (Namespace namespace = namespace("tpa")) {
            ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
            daemon.start(config);
            try {
                daemon.await(() -> daemon.log().contains("(VI_1) entering FAULT state (tracked process sleeper"
                        + " quorum not achieved)"), "VI_1 in FAULT without the process");
                assertTrue(!daemon.has("eth0", VIP), daemon.log());

                sleeper = new ProcessBuilder("sleep", argument).start();
                daemon.await(() -> daemon.has("eth0", VIP), "VI_1 to become master once the process runs");
                assertTrue(daemon.log().contains("Quorum gained for tracked process sleeper"), daemon.log());

                sleeper.destroy();
                sleeper.waitFor();
                daemon.await(() -> !daemon.has("eth0", VIP), "VI_1 to leave MASTER once the process ended");
                assertTrue(daemon.log().contains("Quorum lost for tracked process sleeper"), daemon.log());
                assertEquals(1, daemon.count("(VI_1) Entering FAULT STATE"), daemon.log());
            } finally {
                daemon.kill();
            }
        } finally {
            if (sleeper != null) {
                sleeper.destroyForcibly();
            }
        }
    }

    @Test
    void aNotifyScriptWithAUserRunsAsThatUser() throws Exception {
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "jka-notify-");
        try (Namespace namespace = namespace("tpb")) {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path script = shared.resolve("notify.sh");
            Path written = shared.resolve("uid");
            Files.writeString(script, "#!/bin/sh\nid -u > " + written + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
            daemon.start(instance("    notify_master \"" + script + "\" nobody\n"));
            try {
                daemon.await(() -> Files.exists(written) && !Files.readString(written).isBlank(),
                        "the notify script to write its user id");
                String nobody = new String(new ProcessBuilder("id", "-u", "nobody").start().getInputStream()
                        .readAllBytes()).trim();
                assertEquals(nobody, Files.readString(written).trim(), daemon.log());
            } finally {
                daemon.kill();
            }
        } finally {
            try (Stream<Path> files = Files.walk(shared)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
