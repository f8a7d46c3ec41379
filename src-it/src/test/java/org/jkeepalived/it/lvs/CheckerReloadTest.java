package org.jkeepalived.it.lvs;

import static org.jkeepalived.it.vm.IpvsComparison.copyResource;
import static org.jkeepalived.it.vm.IpvsComparison.needIpvsadmAndKeepalived;
import static org.jkeepalived.it.vm.IpvsComparison.projectRoot;
import static org.jkeepalived.it.vm.IpvsComparison.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the IPVS VM, keepalived 2.2.7 and then ours reload the same change (reload-before.conf to reload-after.conf: a
 * real server added, a virtual server removed, a weight changed) once the checks have settled and connections have
 * gone through the virtual server (reload.sh). The IPVS tables match before and after; the kept real server's
 * connection count survives the reload (no delete and add); ours activates only the new real server's checker.
 */
class CheckerReloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(200);

    private static VirtualMachine vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheVmIpvsadmAndKeepalived() throws Exception {
        needIpvsadmAndKeepalived();
        vm = VirtualMachine.prepared();
    }

    @Test
    void aReloadEditsIpvsAsKeepalivedDoesKeepingTheUnchangedRealServersAndTheirCheckers() throws Exception {
        Path script = copyResource("/lvs/reload.sh", dir);
        Path before = copyResource("/lvs/reload-before.conf", dir);
        Path after = copyResource("/lvs/reload-after.conf", dir);
        String root = projectRoot();

        VirtualMachine.Result result = vm.run(List.of("bash", script.toString(), before.toString(), after.toString(),
                dir.toString(), root, System.getProperty("java.class.path")), TIMEOUT);

        String out = result.stdout();
        assertEquals(0, result.status(), result.describe());
        assertEquals(connectionsDropped(section(out, "keepalived settled")),
                connectionsDropped(section(out, "ours settled")), result.describe());
        List<String> reloaded = section(out, "ours reloaded");
        assertEquals(connectionsDropped(section(out, "keepalived reloaded")), connectionsDropped(reloaded),
                result.describe());
        assertEquals(List.of(
                "TCP 10.0.5.1:80 rr",
                "-> 127.0.0.1:8001 Masq 1 0 0",
                "-> 127.0.0.1:8002 Masq 3 0 0",
                "-> 127.0.0.1:8003 Masq 1 0 0"), connectionsDropped(reloaded.subList(3, reloaded.size())),
                result.describe());
        for (String name : List.of("keepalived", "ours")) {
            long connectionsBefore = Long.parseLong(section(out, name + " conns before").get(0));
            assertTrue(connectionsBefore > 0, name + " sent nothing through 10.0.5.1\n" + result.describe());
            // a connection still being tried may be counted late; a deleted and re-added server would count from 0
            assertTrue(Long.parseLong(section(out, name + " conns after").get(0)) >= connectionsBefore,
                    name + " reset 127.0.0.1:8001\n" + result.describe());
        }
        List<String> activations = section(out, "ours reload log").stream()
                .filter(line -> line.contains("Activating healthchecker")).toList();
        assertEquals(1, activations.size(), result.describe());
        assertTrue(activations.get(0).endsWith("Activating healthchecker for service [127.0.0.1]:tcp:8003 for VS"
                + " [10.0.5.1]:tcp:80"), result.describe());
    }

    /** The rows with their ActiveConn and InActConn columns zeroed: connections may still be closing. */
    private static List<String> connectionsDropped(List<String> rows) {
        return rows.stream().map(row -> row.replaceFirst("^(-> \\S+ \\S+ \\d+) \\d+ \\d+$", "$1 0 0")).toList();
    }
}
