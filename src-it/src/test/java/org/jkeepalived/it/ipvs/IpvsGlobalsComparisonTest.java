package org.jkeepalived.it.ipvs;

import static org.jkeepalived.it.vm.IpvsComparison.copyResource;
import static org.jkeepalived.it.vm.IpvsComparison.needIpvsadmAndKeepalived;
import static org.jkeepalived.it.vm.IpvsComparison.projectRoot;
import static org.jkeepalived.it.vm.IpvsComparison.section;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the IPVS VM (one boot), keepalived 2.2.7 and then our daemon run one config: a VRRP instance alone on a veth
 * pair, {@code lvs_sync_daemon vk0 inst VI_1}, {@code lvs_timeouts} and {@code lvs_flush_on_stop VS}, beside a
 * service installed by hand. {@code ipvsadm} prints the same sync daemon for both while the instance is BACKUP, the
 * same sync daemon, timeouts and table once it is MASTER, and after SIGTERM.
 */
class IpvsGlobalsComparisonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(280);
    private static final List<String> SHOWN = List.of("backup daemon", "master daemon", "master timeout",
            "master table", "stopped daemon", "stopped timeout", "stopped table");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsIpvsadmAndKeepalived() {
        needIpvsadmAndKeepalived();
    }

    @Test
    void theSyncDaemonFollowsTheInstanceTimeoutsComeAndGoAndOnlyOurServicesLeaveAsKeepalivedDoes()
            throws Exception {
        Path config = Files.writeString(dir.resolve("keepalived.conf"), """
                global_defs {
                    lvs_sync_daemon vk0 inst VI_1 maxlen 1400
                    lvs_timeouts tcp 7200 tcpfin 30 udp 60
                    lvs_flush_on_stop VS
                }
                vrrp_instance VI_1 {
                    interface vk0
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    virtual_ipaddress {
                        10.77.0.100/24
                    }
                }
                virtual_server 10.77.0.100 80 {
                    lb_algo wrr
                    lb_kind NAT
                    protocol TCP
                    real_server 10.77.0.10 80 {
                        weight 2
                    }
                    real_server 10.77.0.11 80 {
                    }
                }
                """);
        Path script = copyResource("/ipvs/globals.sh", dir);
        String root = projectRoot();

        VirtualMachine.Result result = VirtualMachine.prepared().run(List.of("bash", script.toString(),
                config.toString(), root, System.getProperty("java.class.path")), TIMEOUT);

        String out = result.stdout();
        assertEquals(0, result.status(), result.describe());
        assertEquals(List.of("(no section timed out)"), section(out, "timed out"), result.describe());
        assertTrue(section(out, "keepalived master daemon").stream().anyMatch(line -> line.startsWith("master")),
                result.describe());
        assertTrue(section(out, "keepalived master timeout").contains("Timeout (tcp tcpfin udp): 7200 30 60"),
                result.describe());
        assertAll(SHOWN.stream().map(what -> () -> assertEquals(section(out, "keepalived " + what),
                section(out, "ours " + what), what + "\n" + result.describe())));
        assertEquals(List.of("0"), section(out, "ours status"), result.describe());
    }
}
