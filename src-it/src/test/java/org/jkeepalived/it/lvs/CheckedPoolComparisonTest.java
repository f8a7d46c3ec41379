package org.jkeepalived.it.lvs;

import static org.jkeepalived.it.vm.IpvsComparison.copyResource;
import static org.jkeepalived.it.vm.IpvsComparison.needIpvsadmAndKeepalived;
import static org.jkeepalived.it.vm.IpvsComparison.projectRoot;
import static org.jkeepalived.it.vm.IpvsComparison.resource;
import static org.jkeepalived.it.vm.IpvsComparison.section;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.jkeepalived.it.vm.VirtualMachine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the IPVS VM, keepalived 2.2.7 and then ours run the same checked config (checked-pool.conf: NAT with persistence
 * and thresholds, DR over UDP, TUN on a fwmark, a virtual_server_group with a quorum and a sorry server,
 * inhibit_on_failure, HTTP_GET with a digest, TCP_CHECK, MISC_CHECK, notify and quorum scripts) through the same
 * stages (checked-pool.sh): the IPVS tables, the exit status, the scripts run and the checker log lines match.
 */
class CheckedPoolComparisonTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(280);
    private static final String STATE = "/run/lvs";
    private static final String BODY = "<html><body>jkeepalived checked pool</body></html>\n";
    private static final List<String> STAGES = List.of("settled", "died", "returned", "stopped");
    /** keepalived's console prefix with -l -D: the date, then (for some lines) the process ident. */
    private static final Pattern LOG_PREFIX = Pattern.compile(
            "^\\w{3} \\w{3} +\\d+ \\d\\d:\\d\\d:\\d\\d \\d{4}: (\\S+\\[\\d+\\]: )?");

    private static VirtualMachine vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheVmIpvsadmAndKeepalived() throws Exception {
        needIpvsadmAndKeepalived();
        vm = VirtualMachine.prepared();
    }

    @Test
    void oursDrivesIpvsAsKeepalivedDoesThroughADeathAReturnAndTheStop() throws Exception {
        Path config = prepareWorkDirectory();
        Path script = copyResource("/lvs/checked-pool.sh", dir);
        String root = projectRoot();

        VirtualMachine.Result result = vm.run(List.of("bash", script.toString(), config.toString(), dir.toString(),
                root, System.getProperty("java.class.path")), TIMEOUT);

        String out = result.stdout();
        assertEquals(0, result.status(), result.describe());
        assertTrue(section(out, "keepalived settled").contains("FWM 7 rr"), result.describe());
        assertAll(STAGES.stream().map(stage -> () -> assertEquals(section(out, "keepalived " + stage),
                section(out, "ours " + stage), stage + "\n" + result.describe())));
        assertEquals(List.of("0"), section(out, "ours status"), result.describe());
        // both daemons start each script without waiting for the one before, so scripts started together (a server's
        // notify_up and its virtual server's quorum_up) append to the file in either order: compare them as sets
        assertEquals(sorted(section(out, "keepalived notify")), sorted(section(out, "ours notify")),
                result.describe());
        assertEquals(checkerLines(section(out, "keepalived log")), checkerLines(section(out, "ours log")),
                result.describe());
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }

    private Path prepareWorkDirectory() throws IOException, NoSuchAlgorithmException {
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), BODY);
        executable("misc.sh", "#!/bin/sh\ntest -f \"$1\"\n");
        executable("notify.sh", "#!/bin/sh\necho \"$*\" >>" + STATE + "/notify\n");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(BODY.getBytes(StandardCharsets.UTF_8)));
        String text = new String(resource("/lvs/checked-pool.conf"), StandardCharsets.UTF_8)
                .replace("@DIGEST@", digest).replace("@WORK@", dir.toString()).replace("@STATE@", STATE);
        return Files.writeString(dir.resolve("keepalived.conf"), text);
    }

    private void executable(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        assertTrue(file.toFile().setExecutable(true, false), "chmod +x " + file);
    }

    /**
     * The checker process's lines about services, checks and the quorum, without the console prefix, sorted: the
     * checkers of different servers run concurrently, so only their order within a run is not comparable.
     */
    private static List<String> checkerLines(List<String> log) {
        return log.stream().map(line -> LOG_PREFIX.matcher(line).replaceFirst(""))
                .filter(line -> line.matches(".*(service|VS|quorum|sorry server|TCP connection|HTTP|MD5|Misc|"
                        + "TCP_CHECK|MISC_CHECK|HTTP_CHECK|healthchecker).*"))
                .sorted().toList();
    }
}
