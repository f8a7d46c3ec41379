package org.jkeepalived.it.ipvs;

import static org.jkeepalived.it.vm.IpvsComparison.REFERENCE_KEEPALIVED;
import static org.jkeepalived.it.vm.IpvsComparison.SECTION;
import static org.jkeepalived.it.vm.IpvsComparison.needIpvsadmAndKeepalived;
import static org.jkeepalived.it.vm.IpvsComparison.section;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the IPVS VM (one boot): {@code lvs_sync_daemon} without a VRRP instance, with its multicast options. keepalived
 * 2.2.7's checkers run a master and a backup sync daemon while they run and stop both on SIGTERM; ours, driven the
 * same way through IpvsSyncDaemons, leaves {@code ipvsadm -L --daemon} printing the same lines, and none after stop.
 */
class SyncDaemonComparisonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsIpvsadmAndKeepalived() {
        needIpvsadmAndKeepalived();
    }

    @Test
    void ourSyncDaemonsAreKeepalivedsWhileRunningAndGoneAfterStop() throws Exception {
        Path config = Files.writeString(dir.resolve("keepalived.conf"), """
                global_defs {
                    lvs_sync_daemon syncd0 id 23 maxlen 1400 port 8848 ttl 2 group 239.10.10.10
                }
                virtual_server 10.0.9.1 80 {
                    lb_kind NAT
                    protocol TCP
                    real_server 10.0.9.10 80 {
                    }
                }
                """);
        VirtualMachine.Result result = VirtualMachine.prepared().runShell("""
                ip link add syncd0 type dummy && ip link set syncd0 multicast on up
                daemons() { ipvsadm -L --daemon; }
                %3$s -C -n -l -D -f %1$s -p /run/k.pid -c /run/c.pid >/run/keepalived.log 2>&1 &
                for attempt in $(seq 100); do [ "$(daemons | wc -l)" -ge 2 ] && break; sleep 0.2; done
                echo '%4$skeepalived'; daemons
                kill -TERM %%1 && wait %%1
                echo '%4$skeepalived-stopped'; daemons
                ipvsadm -C
                java -cp '%2$s' org.jkeepalived.it.ipvs.SyncDaemonControl start %1$s; echo "%4$sstart-status $?"
                echo '%4$sours'; daemons
                java -cp '%2$s' org.jkeepalived.it.ipvs.SyncDaemonControl stop %1$s; echo "%4$sstop-status $?"
                echo '%4$sours-stopped'; daemons
                cat /run/keepalived.log >&2
                """.formatted(config, System.getProperty("java.class.path"), REFERENCE_KEEPALIVED, SECTION),
                TIMEOUT);

        assertEquals(0, result.status(), result.describe());
        List<String> reference = section(result.stdout(), "keepalived");
        assertEquals(2, reference.size(), result.describe());
        assertEquals(reference, section(result.stdout(), "ours"), result.describe());
        assertEquals(List.of(), section(result.stdout(), "keepalived-stopped"), result.describe());
        assertEquals(List.of("0"), section(result.stdout(), "start-status"), result.describe());
        assertEquals(List.of("0"), section(result.stdout(), "stop-status"), result.describe());
        assertEquals(List.of(), section(result.stdout(), "ours-stopped"), result.describe());
    }
}
