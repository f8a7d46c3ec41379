package org.jkeepalived.it.vm;

import static org.jkeepalived.it.vm.IpvsComparison.IPVSADM;
import static org.jkeepalived.it.vm.IpvsComparison.REFERENCE_KEEPALIVED;
import static org.jkeepalived.it.vm.IpvsComparison.SECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VM harness works: the kernel's IPVS, ipvsadm, the JVM and keepalived 2.2.7 from the host root. */
class IpvsVmSmokeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /**
     * 10.0.0.2 answers (busybox httpd) and 10.0.0.3 refuses; with inhibit_on_failure keepalived keeps the failed
     * server at weight 0.
     */
    private static final String KEEPALIVED_CONFIG = """
            virtual_server 10.0.0.1 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP
                real_server 10.0.0.2 80 {
                    weight 2
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
                real_server 10.0.0.3 80 {
                    weight 3
                    inhibit_on_failure
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }
            """;

    private static VirtualMachine vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheVmAndIpvsadm() throws Exception {
        VirtualMachine.need(Files.isExecutable(IPVSADM), "ipvsadm at " + IPVSADM);
        vm = VirtualMachine.prepared();
    }

    @Test
    void ipvsadmInstallsAServiceAndTheJvmRunsInsideTheVm() throws Exception {
        VirtualMachine.Result result = vm.runShell("""
                ipvsadm -A -t 10.0.0.1:80 -s rr && ipvsadm -a -t 10.0.0.1:80 -r 10.0.0.2:80 -m && ipvsadm -Ln
                java -version
                """, TIMEOUT);

        assertEquals(0, result.status(), result.describe());
        assertEquals(List.of("TCP 10.0.0.1:80 rr", "-> 10.0.0.2:80 Masq 1 0 0"), serviceTable(result.stdout()),
                result.describe());
        assertTrue(result.stderr().contains("OpenJDK"), result.describe());
    }

    @Test
    void keepalivedInstallsItsVirtualServerAndRemovesItOnSigterm() throws Exception {
        VirtualMachine.need(Files.isExecutable(REFERENCE_KEEPALIVED), "keepalived 2.2.7 at " + REFERENCE_KEEPALIVED);
        Path config = Files.writeString(dir.resolve("keepalived.conf"), KEEPALIVED_CONFIG);

        VirtualMachine.Result result = vm.runShell("""
                ip addr add 10.0.0.2/32 dev lo && ip addr add 10.0.0.3/32 dev lo
                "$VM_BUSYBOX" httpd -p 10.0.0.2:80 -h /run/vm
                %1$s -C -n -l -D -f %2$s >/run/keepalived.log 2>&1 &
                for attempt in $(seq 150); do
                    ipvsadm -Ln | awk '$2 == "10.0.0.3:80" && $4 == 0 { inhibited = 1 } END { exit !inhibited }' \\
                        && break
                    sleep 0.2
                done
                echo '%3$ssettled'
                ipvsadm -Ln
                kill -TERM %%1 && wait %%1
                echo '%3$sstopped'
                ipvsadm -Ln
                cat /run/keepalived.log >&2
                """.formatted(REFERENCE_KEEPALIVED, config, SECTION), TIMEOUT);

        assertEquals(0, result.status(), result.describe());
        String[] sections = result.stdout().split(SECTION + "stopped");
        assertEquals(2, sections.length, result.describe());
        assertEquals(List.of("TCP 10.0.0.1:80 rr", "-> 10.0.0.2:80 Masq 2 0 0", "-> 10.0.0.3:80 Masq 0 0 0"),
                serviceTable(sections[0]), result.describe());
        assertEquals(List.of(), serviceTable(sections[1]), result.describe());
    }

    @Test
    void aCommandOverItsTimeLimitLeavesNoVmRunning() throws Exception {
        Instant start = Instant.now();

        VirtualMachine.Result result = vm.run(List.of("sleep", "600"), Duration.ofSeconds(3));

        assertEquals(VirtualMachine.UNFINISHED, result.status(), result.describe());
        List<String> qemus = ProcessHandle.allProcesses()
                .filter(process -> process.info().startInstant().filter(start::isBefore).isPresent())
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains("qemu-system"))
                .toList();
        assertEquals(List.of(), qemus);
    }

    /** The service and destination lines of {@code ipvsadm -Ln}, their columns joined by single spaces. */
    private static List<String> serviceTable(String ipvsadmOutput) {
        return ipvsadmOutput.lines().map(String::strip)
                .filter(line -> line.matches("(TCP|UDP|SCTP|FWM) .*|-> \\S+:\\d+ .*"))
                .map(line -> line.replaceAll("\\s+", " "))
                .toList();
    }
}
