package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a SIGHUP does to {@code use_vmac} macvlans, {@code track_file} and {@code vrrp_track_process} in a running
 * daemon, as keepalived 2.2.7's reload does it: a kept instance keeps its macvlan, a removed instance's macvlan is
 * deleted and a new instance's made; a file or process tracked from the reload on is watched from then.
 */
class ReloadVmacAndTrackersTest {
    private static final String VIP_1 = "192.168.61.100";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    private static String instance(String name, int virtualRouterId, int priority, String... extraLines) {
        StringBuilder text = new StringBuilder("vrrp_instance " + name + " {\n    interface eth0\n"
                + "    virtual_router_id " + virtualRouterId + "\n    priority " + priority + "\n    advert_int 1\n");
        for (String line : extraLines) {
            text.append("    ").append(line).append('\n');
        }
        return text.append("    virtual_ipaddress {\n        192.168.61.").append(virtualRouterId + 39)
                .append("\n    }\n}\n").toString();
    }

    private static Namespace namespace(String prefix) throws Exception {
        Namespace namespace = Namespace.create(prefix);
        namespace.ip("addr", "add", "192.168.61.2/24", "dev", "eth0");
        return namespace;
    }

    private ReloadingDaemon startedMaster(Namespace namespace, String config) throws Exception {
        ReloadingDaemon daemon = new ReloadingDaemon(namespace.name(), dir);
        daemon.start(config);
        daemon.await(() -> daemon.log().contains("(VI_1) Entering MASTER STATE"), "VI_1 to become master");
        return daemon;
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void aReloadKeepsAChangedInstancesMacvlanDeletesARemovedOnesAndMakesANewOnes() throws Exception {
        try (Namespace namespace = namespace("rvm")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, 100, "use_vmac")
                    + instance("VI_2", 62, 100, "use_vmac"));
            try {
                daemon.await(() -> daemon.has("vrrp.61", VIP_1), "VI_1's address on its macvlan");
                daemon.await(() -> links(namespace).contains("vrrp.62@"), "VI_2's macvlan");
                String keptIndex = linkIndex(namespace, "vrrp.61");

                daemon.configure(instance("VI_1", 61, 110, "use_vmac") + instance("VI_3", 63, 100, "use_vmac"));
                daemon.reload();
                daemon.await(() -> links(namespace).contains("vrrp.63@"), "VI_3's macvlan");
                daemon.await(() -> !links(namespace).contains("vrrp.62@"), "VI_2's macvlan deleted");
                assertEquals(keptIndex, linkIndex(namespace, "vrrp.61"), links(namespace) + daemon.log());
                assertEquals(1, daemon.count("(VI_1) Entering MASTER STATE"), daemon.log());
                daemon.await(() -> daemon.has("vrrp.61", VIP_1), "VI_1's address still on its macvlan");
            } finally {
                daemon.kill();
            }
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void aTrackFileAddedByAReloadMovesThePriorityWhenItIsWrittenAfterward() throws Exception {
        try (Namespace namespace = namespace("rtf")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, 100));
            try {
                Path file = Files.writeString(dir.resolve("tracked"), "0\n");
                daemon.configure("vrrp_track_file tf {\n    file " + file + "\n    weight 2\n}\n"
                        + instance("VI_1", 61, 100, "track_file {", "    tf", "}"));
                daemon.reload();
                Files.writeString(dir.resolve("tracked.new"), "5\n");
                Files.move(dir.resolve("tracked.new"), file, StandardCopyOption.ATOMIC_MOVE);
                daemon.await(() -> daemon.log().contains("(VI_1) Changing effective priority from 100 to 110"),
                        "the priority moved by the file written after the reload");
            } finally {
                daemon.kill();
            }
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void aProcessTrackedFromAReloadHoldsTheInstanceInFaultUntilItRuns() throws Exception {
        String processName = "jkp" + ProcessHandle.current().pid() % 1_000_000;
        Path renamedSleep = Files.copy(Path.of("/bin/sleep"), dir.resolve(processName));
        try (Namespace namespace = namespace("rtp")) {
            ReloadingDaemon daemon = startedMaster(namespace, instance("VI_1", 61, 100));
            Process tracked = null;
            try {
                daemon.configure("vrrp_track_process tp {\n    process " + processName + "\n}\n"
                        + instance("VI_1", 61, 100, "track_process {", "    tp", "}"));
                daemon.reload();
                daemon.await(() -> daemon.log().contains("(VI_1) entering FAULT state (tracked process tp quorum"),
                        "VI_1 in FAULT without the process tracked from the reload");
                tracked = new ProcessBuilder(renamedSleep.toString(), "60").start();
                daemon.await(() -> daemon.count("(VI_1) Entering MASTER STATE") == 2,
                        "VI_1 master again once the process runs");
            } finally {
                if (tracked != null) {
                    tracked.destroyForcibly().waitFor();
                }
                daemon.kill();
            }
        }
    }

    private static String links(Namespace namespace) throws IOException, InterruptedException {
        return Commands.run(List.of("ip", "-n", namespace.name(), "-o", "link", "show"), null, Map.of(), 10)
                .stdout();
    }

    private static String linkIndex(Namespace namespace, String device) throws IOException, InterruptedException {
        String line = Commands.run(List.of("ip", "-n", namespace.name(), "-o", "link", "show", "dev", device), null,
                Map.of(), 10).stdout();
        return line.substring(0, line.indexOf(':'));
    }
}
