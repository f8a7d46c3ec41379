package org.jkeepalived.it.ipvs;

import static org.jkeepalived.it.vm.IpvsComparison.REFERENCE_KEEPALIVED;
import static org.jkeepalived.it.vm.IpvsComparison.SECTION;
import static org.jkeepalived.it.vm.IpvsComparison.copyResource;
import static org.jkeepalived.it.vm.IpvsComparison.needIpvsadmAndKeepalived;
import static org.jkeepalived.it.vm.IpvsComparison.section;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the IPVS VM, on one config covering NAT, DR and TUN (GUE with checksum), TCP, UDP and fwmark, IPv6, persistence
 * with granularity, sh/mh flags and a virtual_server_group: the table our reconciler installs is the one
 * keepalived 2.2.7 installs (no checkers, so every real server is up), column for column, with thresholds and
 * persistence shown; and after a stop both leave the table empty.
 */
class IpvsTableComparisonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    private static VirtualMachine vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheVmIpvsadmAndKeepalived() throws Exception {
        needIpvsadmAndKeepalived();
        vm = VirtualMachine.prepared();
    }

    @Test
    void ourTableIsKeepalivedsTableAndBothStopsEmptyIt() throws Exception {
        Path config = copyResource("/ipvs/table.conf", dir);

        VirtualMachine.Result result = vm.runShell("""
                table() { ipvsadm -Ln; ipvsadm -Ln --thresholds | grep -- '->'; ipvsadm -Ln --tun-info \\
                    | grep -- '->'; }
                java -cp '%2$s' org.jkeepalived.it.ipvs.InstallTable install %1$s; echo "%3$sours-status $?"
                table > /run/ours; echo '%3$sours'; cat /run/ours
                ipvsadm -C
                %4$s -C -n -l -D -f %1$s >/run/keepalived.log 2>&1 &
                for attempt in $(seq 100); do table > /run/reference; cmp -s /run/ours /run/reference && break; \\
                    sleep 0.2; done
                echo '%3$skeepalived'; cat /run/reference
                kill -TERM %%1 && wait %%1
                echo '%3$skeepalived-stopped'; ipvsadm -Ln
                java -cp '%2$s' org.jkeepalived.it.ipvs.InstallTable stop %1$s; echo "%3$sstop-status $?"
                echo '%3$sours-stopped'; ipvsadm -Ln
                cat /run/keepalived.log >&2
                """.formatted(config, System.getProperty("java.class.path"), SECTION, REFERENCE_KEEPALIVED), TIMEOUT);

        assertEquals(0, result.status(), result.describe());
        List<String> ours = section(result.stdout(), "ours");
        assertEquals(List.of("0"), section(result.stdout(), "ours-status"), result.describe());
        assertEquals(true, ours.containsAll(List.of("TCP 10.0.1.1:80 wrr", "TCP 10.0.1.2:80 wrr", "FWM 21 wrr",
                "TCP 10.0.1.5:80 sh (sh-port) persistent 600 mask 255.255.255.0", "UDP 10.0.1.6:53 lc",
                "TCP [2001:db8::1]:443 wlc persistent 30 mask 64", "FWM 7 mh (mh-port) persistent 60",
                "-> 10.0.2.21:8080 100 10 0 0", "-> 10.0.2.40:0 Tunnel gue:6080:+c 5 0 0")), result.describe());
        assertEquals(ours, section(result.stdout(), "keepalived"), result.describe());
        assertEquals(List.of(), serviceLines(section(result.stdout(), "keepalived-stopped")), result.describe());
        assertEquals(List.of("0"), section(result.stdout(), "stop-status"), result.describe());
        assertEquals(List.of(), serviceLines(section(result.stdout(), "ours-stopped")), result.describe());
    }

    private static List<String> serviceLines(List<String> lines) {
        return lines.stream().filter(line -> line.matches("(TCP|UDP|SCTP|FWM) .*|-> \\S+:\\d+ .*")).toList();
    }
}
