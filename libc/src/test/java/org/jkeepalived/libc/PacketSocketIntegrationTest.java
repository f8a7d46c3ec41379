package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** A gratuitous ARP sent through our packet socket, seen by tcpdump on the other end of a veth pair. Root only. */
class PacketSocketIntegrationTest {

    private static final Path TCPDUMP = Path.of("/usr/bin/tcpdump");

    /** ARP request for 192.0.2.100 from 192.0.2.100 (RFC 5227 announcement), sender MAC 02:00:5e:00:01:33. */
    private static final String GRATUITOUS_ARP =
            "0001" // hardware type Ethernet
            + "0800" // protocol IPv4
            + "06" + "04" // address lengths
            + "0001" // request
            + "02005e000133" + "c0000264" // sender MAC, sender IP
            + "ffffffffffff" + "c0000264"; // target MAC, target IP

    @Test
    void aGratuitousArpLeavesOnTheInterface() throws Exception {
        VethPair.assumeNamespacesUsable();
        assumeTrue(Files.isExecutable(TCPDUMP), "tcpdump is not installed");
        try (VethPair pair = VethPair.create()) {
            Process tcpdump = new ProcessBuilder("ip", "netns", "exec", pair.right(), TCPDUMP.toString(), "-l", "-n",
                    "-e", "-c", "1", "-i", VethPair.RIGHT_INTERFACE, "arp").redirectErrorStream(true).start();
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(tcpdump.getInputStream(), StandardCharsets.UTF_8))) {
                String header = output.readLine();
                while (header != null && !header.startsWith("listening on")) {
                    header = output.readLine();
                }
                assertTrue(header != null, "tcpdump did not start listening");
                try (PacketSocket socket = NetworkNamespace.callIn(pair.left(),
                        () -> PacketSocket.open(VethPair.LEFT_INTERFACE))) {
                    assertTrue(socket.send(ByteBuffer.wrap(HexFormat.of().parseHex(GRATUITOUS_ARP)),
                            PacketSocket.ETH_P_ARP, PacketSocket.BROADCAST_MAC));
                }
                assertTrue(tcpdump.waitFor(5, TimeUnit.SECONDS), "tcpdump saw no ARP");
                List<String> lines = output.lines().toList();
                assertTrue(lines.stream().anyMatch(line -> line.contains("> ff:ff:ff:ff:ff:ff, ethertype ARP")
                        && line.contains("Request who-has 192.0.2.100 (ff:ff:ff:ff:ff:ff) tell 192.0.2.100")),
                        lines::toString);
            } finally {
                tcpdump.destroyForcibly();
                tcpdump.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
