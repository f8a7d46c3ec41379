package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The same config run by keepalived 2.2.7 in A and by ours in B (each alone on its VRID, so both are masters): the
 * static and virtual routes, rules and addresses each leaves in the kernel are compared while both run and after
 * both are stopped with SIGTERM; a capture in A sees ours announce its IPv6 address with unsolicited neighbour
 * advertisements and refresh its IPv4 one with gratuitous ARPs every {@code garp_master_refresh}.
 */
class VrrpRoutingEffectsTest {
    private static final String CONFIG = """
            static_ipaddress {
                10.9.0.1/32 dev eth0
            }
            static_routes {
                10.20.0.0/16 via 192.168.77.3 dev eth0 metric 7
                10.21.0.0/16 dev eth0 table 100 mtu 1400
            }
            static_rules {
                from 10.30.0.0/16 table 100 priority 200
                to 10.31.0.0/16 fwmark 5 lookup main priority 201
            }
            vrrp_instance VI_1 {
                interface eth0
                state MASTER
                virtual_router_id %d
                priority 200
                advert_int 1
                garp_master_delay 0
                garp_master_repeat 3
                garp_master_refresh 1
                virtual_ipaddress {
                    192.168.77.100/24
                }
                virtual_ipaddress_excluded {
                    fd00:77::100/64
                }
                virtual_routes {
                    10.40.0.0/16 via 192.168.77.3 dev eth0
                    src 192.168.77.100 10.41.0.0/16 dev eth0 table 101
                    blackhole 10.42.0.0/16
                }
                virtual_rules {
                    from 192.168.77.100 table 101 priority 300
                }
            }
            """;
    private static final Pattern ETHER = Pattern.compile("link/ether ([0-9a-f:]{17})");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Execution(ExecutionMode.CONCURRENT)
    @Test
    void routesRulesAndStaticAddressesMatchKeepalivedsWhileRunningAndAfterSigterm() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vrt", dir)) {
            String a = peers.pair().a();
            String b = peers.pair().b();
            String ourMac = mac(b);
            Path capture = dir.resolve("capture.txt");
            Process tcpdump = new ProcessBuilder(NamespacePair.exec(a, List.of("tcpdump", "-i", "eth0", "-n", "-e",
                    "-l", "ether src " + ourMac + " and (arp or (icmp6 and ip6[40] == 136))")))
                    .redirectErrorStream(true).redirectOutput(capture.toFile()).start();
            try {
                Thread.sleep(1_000);
                Process real = peers.startReal(CONFIG.formatted(71));
                Process ours = peers.startOurs(CONFIG.formatted(72));
                peers.await(() -> peers.realHas("192.168.77.100") && peers.oursHas("192.168.77.100"),
                        VrrpPeers.STARTUP, "both masters with the address");
                peers.await(() -> kernelEntries(a).equals(kernelEntries(b)), Duration.ofSeconds(5),
                        "the same routes and rules on both sides:\nkeepalived:\n" + kernelEntries(a) + "\nours:\n"
                                + kernelEntries(b));
                assertTrue(kernelEntries(b).contains("10.40.0.0/16 via 192.168.77.3 dev eth0 proto keepalived"),
                        kernelEntries(b));
                assertTrue(kernelEntries(b).contains("blackhole 10.42.0.0/16 proto keepalived"), kernelEntries(b));
                assertTrue(kernelEntries(b).contains("300:\tfrom 192.168.77.100 lookup 101 proto keepalived"),
                        kernelEntries(b));
                assertTrue(NamespacePair.addresses(b).contains(" 10.9.0.1/32 "), NamespacePair.addresses(b));

                Thread.sleep(3_500);
                String captured = Files.readString(capture, StandardCharsets.ISO_8859_1);
                assertTrue(count(captured, "tgt is fd00:77::100") >= 3, captured);
                // three in the burst on becoming master, then one a second from garp_master_refresh
                assertTrue(count(captured, "who-has 192.168.77.100 (ff:ff:ff:ff:ff:ff) tell 192.168.77.100") >= 3 + 2,
                        captured);

                real.destroy();
                ours.destroy();
                assertTrue(real.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), peers.logs());
                assertTrue(ours.waitFor(VrrpPeers.STARTUP.toSeconds(), TimeUnit.SECONDS), peers.logs());
                assertEquals(kernelEntries(a), kernelEntries(b), peers.logs());
                assertFalse(kernelEntries(b).contains("keepalived"), kernelEntries(b));
                assertFalse(NamespacePair.addresses(b).contains("10.9.0.1"), NamespacePair.addresses(b));
                assertFalse(peers.ourLogHas("Netlink: error"), peers.logs());
            } finally {
                tcpdump.destroy();
                tcpdump.waitFor();
            }
        }
    }

    /** Every route of every table and every IPv4 rule, as iproute2 prints them, without the kernel's own routes. */
    private static String kernelEntries(String namespace) throws Exception {
        List<String> lines = new ArrayList<>();
        for (List<String> show : List.of(List.of("route", "show", "table", "all"), List.of("rule", "show"))) {
            List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
            command.addAll(show);
            for (String line : Commands.run(command, null, Map.of(), 10).stdout().split("\n")) {
                if (!line.contains("proto kernel") && !line.startsWith("local ") && !line.startsWith("multicast ")) {
                    lines.add(line);
                }
            }
        }
        return String.join("\n", lines);
    }

    private static String mac(String namespace) throws Exception {
        Matcher matcher = ETHER.matcher(Commands.run(List.of("ip", "-n", namespace, "link", "show", "eth0"), null,
                Map.of(), 10).stdout());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }
}
