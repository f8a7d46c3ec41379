package org.jkeepalived.it.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package where keepalived 2.2.7 was: in the IPVS test VM (a throw-away overlay of this machine's root)
 * {@code dpkg -r keepalived}, {@code dpkg -i} ours, then the installed unit's ExecStart run as systemd runs it
 * (deb-package-in-vm.sh). The daemon must tell systemd it is ready, hold its VIP as master, log to /dev/log, and on
 * SIGTERM tell systemd it is stopping, release the VIP and exit 0.
 */
class DebPackageVmTest {
    /** dpkg -r, dpkg -i (whose postinst runs a JVM) and two JVMs, one vCPU under TCG: about three minutes. */
    private static final Duration TIMEOUT = Duration.ofSeconds(330);
    private static final String CONFIG = """
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 53
                priority 150
                advert_int 1
                virtual_ipaddress {
                    10.53.0.100/24
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void thePackageReplacesKeepalivedAndItsUnitStartsAndStopsTheDaemonAsSystemdWould() throws Exception {
        Optional<Path> deb = builtPackage();
        VirtualMachine.need(deb.isPresent(), "the .deb in packaging/target (built where dpkg-deb is installed)");
        VirtualMachine vm = VirtualMachine.prepared();
        Path config = Files.writeString(dir.resolve("keepalived.conf"), CONFIG);
        Path script = Path.of(DebPackageVmTest.class.getResource("deb-package-in-vm.sh").toURI());

        VirtualMachine.Result result = vm.run(List.of("bash", script.toString(), deb.get().toString(),
                config.toString(), System.getProperty("java.class.path")), TIMEOUT);

        Map<String, List<String>> facts = facts(result.stdout());
        String why = result.describe();
        assertEquals(0, result.status(), why);
        assertEquals(List.of(), facts.getOrDefault("error", List.of()), why);
        assertEquals(List.of("config-files"), facts.get("keepalived-package"), why);
        assertEquals(List.of("0"), facts.get("dpkg-install-status"), why);
        assertEquals(List.of("installed"), facts.get("jkeepalived-package"), why);
        assertEquals(List.of("/usr/sbin/keepalived", "/usr/bin/genhash", "/lib/systemd/system/keepalived.service",
                "/etc/keepalived/keepalived.conf.sample", "/etc/default/keepalived",
                "/usr/share/man/man8/keepalived.8.gz", "/usr/share/man/man5/keepalived.conf.5.gz",
                "/usr/share/man/man1/genhash.1.gz", "/var/cache/jkeepalived/keepalived.jsa"),
                facts.get("installed"), why);
        assertEquals(List.of("notify"), facts.get("type"), why);
        assertEquals(List.of("/usr/sbin/keepalived --dont-fork $DAEMON_ARGS"), facts.get("exec-start"), why);

        String pid = facts.get("main-pid").get(0);
        assertEquals(List.of("READY=1 MAINPID=" + pid, "STOPPING=1"), facts.get("notification"), why);
        assertEquals(List.of("1"), facts.get("vip-while-running"), why);
        assertEquals(List.of("mapped"), facts.get("class-data-archive"), why);
        assertTrue(facts.get("syslog").stream().anyMatch(line -> line.endsWith(
                " daemon.info Keepalived_vrrp[" + pid + "]: (VI_1) Entering MASTER STATE")), why);
        assertEquals(List.of("0"), facts.get("exit-status"), why);
        assertEquals(List.of("0"), facts.get("vip-after-stop"), why);
    }

    /** packaging/target/jkeepalived_*_all.deb of this build, if dpkg-deb made one. */
    private static Optional<Path> builtPackage() throws IOException {
        Path target = Path.of(System.getProperty("jkeepalived.root", ".."), "packaging", "target").toAbsolutePath();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("jkeepalived_.*_all\\.deb"))
                    .findFirst();
        }
    }

    /** The script's {@code name: value} lines, the values of each name in their order. */
    private static Map<String, List<String>> facts(String stdout) {
        return stdout.lines().filter(line -> line.contains(": "))
                .collect(Collectors.groupingBy(line -> line.substring(0, line.indexOf(": ")),
                        Collectors.mapping(line -> line.substring(line.indexOf(": ") + 2), Collectors.toList())));
    }
}
