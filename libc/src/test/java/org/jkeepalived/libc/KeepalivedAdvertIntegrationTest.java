package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real keepalived 2.2.7 as MASTER in the left namespace, our VRRP sockets listening in the right one. Root only,
 * and only where /usr/sbin/keepalived is installed.
 */
class KeepalivedAdvertIntegrationTest {

    private static final Path KEEPALIVED = Path.of("/usr/sbin/keepalived");
    /** keepalived becomes master after at most 3 adverts and the skew; give it room. */
    private static final long ADVERT_WAIT_MILLIS = 10_000;
    private static final int POLL_MILLIS = 500;
    private static final int IPV4_HEADER_BYTES = 20;
    private static final int VRID_IPV4 = 51;
    private static final int VRID_IPV6 = 52;
    private static final int PRIORITY = 200;

    @TempDir
    Path directory;

    private VethPair pair;
    private Process keepalived;

    @BeforeEach
    void startKeepalivedAsMasterOnTheLeft() throws Exception {
        VethPair.assumeNamespacesUsable();
        assumeTrue(Files.isExecutable(KEEPALIVED), "keepalived is not installed");
        pair = VethPair.create();
        Path config = directory.resolve("keepalived.conf");
        Files.writeString(config, String.join("\n",
                "global_defs {",
                "    router_id jkl_libc_test",
                "}",
                "vrrp_instance V4 {",
                "    state MASTER",
                "    interface " + VethPair.LEFT_INTERFACE,
                "    virtual_router_id " + VRID_IPV4,
                "    priority " + PRIORITY,
                "    advert_int 1",
                "    virtual_ipaddress {",
                "        192.0.2.100/24",
                "    }",
                "}",
                "vrrp_instance V6 {",
                "    state MASTER",
                "    version 3",
                "    interface " + VethPair.LEFT_INTERFACE,
                "    virtual_router_id " + VRID_IPV6,
                "    priority " + PRIORITY,
                "    advert_int 1",
                "    virtual_ipaddress {",
                "        2001:db8::100/64",
                "    }",
                "}",
                ""));
        keepalived = new ProcessBuilder("ip", "netns", "exec", pair.left(), KEEPALIVED.toString(), "-n", "-l", "-D",
                "-P", "-f", config.toString(), "-p", directory.resolve("keepalived.pid").toString(),
                "-r", directory.resolve("vrrp.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("keepalived.log").toFile())
                .start();
    }

    @AfterEach
    void stopKeepalivedAndDeleteTheNamespaces() throws Exception {
        try {
            if (keepalived != null) {
                List<ProcessHandle> children = keepalived.descendants().toList();
                keepalived.destroy();
                if (!keepalived.waitFor(10, TimeUnit.SECONDS)) {
                    keepalived.destroyForcibly();
                }
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
    }

    private VrrpSocket openOnTheRight(String localAddress) throws Exception {
        return NetworkNamespace.callIn(pair.right(), () -> VrrpSocket.open(
                VrrpSocketConfig.multicast(VethPair.RIGHT_INTERFACE, InetAddress.getByName(localAddress))));
    }

    /** Reads datagrams into {@code packet} until one whose VRID (at {@code vrrpOffset + 1}) is {@code vrid}. */
    private ReceivedVrrpPacket awaitAdvert(VrrpSocket socket, int vrrpOffset, int vrid, ByteBuffer packet)
            throws Exception {
        for (long waited = 0; waited < ADVERT_WAIT_MILLIS; waited += POLL_MILLIS) {
            if (!socket.awaitReadable(POLL_MILLIS)) {
                continue;
            }
            packet.clear();
            ReceivedVrrpPacket received = socket.receive(packet).orElseThrow();
            packet.flip();
            if (Byte.toUnsignedInt(packet.get(vrrpOffset + 1)) == vrid) {
                return received;
            }
        }
        throw new AssertionError("no advert for VRID " + vrid + " in " + ADVERT_WAIT_MILLIS + " ms; keepalived said:\n"
                + keepalivedLog());
    }

    private String keepalivedLog() {
        try {
            return Files.readString(directory.resolve("keepalived.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aVrrpV2AdvertFromKeepalivedArrivesAsKeepalivedSentIt() throws Exception {
        try (VrrpSocket socket = openOnTheRight("192.0.2.2")) {
            ByteBuffer packet = ByteBuffer.allocate(1500);
            ReceivedVrrpPacket received = awaitAdvert(socket, IPV4_HEADER_BYTES, VRID_IPV4, packet);

            assertEquals(InetAddress.getByName("192.0.2.1"), received.source());
            assertEquals(VrrpSocketConfig.IPV4_GROUP, received.destination());
            assertEquals(255, received.hopLimit());
            assertEquals(IPV4_HEADER_BYTES + 20, received.length());
            assertEquals(0x45, Byte.toUnsignedInt(packet.get(0)), "IPv4, 20-byte header");
            assertEquals(VrrpSocket.IPPROTO_VRRP, Byte.toUnsignedInt(packet.get(9)));
            assertEquals(0x21, Byte.toUnsignedInt(packet.get(IPV4_HEADER_BYTES)), "VRRPv2 advertisement");
            assertEquals(PRIORITY, Byte.toUnsignedInt(packet.get(IPV4_HEADER_BYTES + 2)));
            assertEquals(1, Byte.toUnsignedInt(packet.get(IPV4_HEADER_BYTES + 3)), "one address");
            assertEquals(0, Byte.toUnsignedInt(packet.get(IPV4_HEADER_BYTES + 4)), "no authentication");
            assertEquals(1, Byte.toUnsignedInt(packet.get(IPV4_HEADER_BYTES + 5)), "advert interval 1 s");
            byte[] address = new byte[4];
            packet.get(IPV4_HEADER_BYTES + 8, address);
            assertEquals(InetAddress.getByName("192.0.2.100"), InetAddress.getByAddress(address));
        }
    }

    @Test
    void aVrrpV3Ipv6AdvertFromKeepalivedArrivesFromItsLinkLocalAddress() throws Exception {
        try (VrrpSocket socket = openOnTheRight("2001:db8::2")) {
            ByteBuffer packet = ByteBuffer.allocate(1500);
            ReceivedVrrpPacket received = awaitAdvert(socket, 0, VRID_IPV6, packet);

            assertTrue(received.source().isLinkLocalAddress(), received.source()::toString);
            assertEquals(VrrpSocketConfig.IPV6_GROUP, received.destination());
            assertEquals(255, received.hopLimit());
            assertEquals(8 + 16, received.length());
            assertEquals(0x31, Byte.toUnsignedInt(packet.get(0)), "VRRPv3 advertisement");
            assertEquals(PRIORITY, Byte.toUnsignedInt(packet.get(2)));
            assertEquals(100, packet.getShort(4) & 0x0fff, "max advert interval 100 centiseconds");
            byte[] address = new byte[16];
            packet.get(8, address);
            assertEquals(InetAddress.getByName("2001:db8::100"), InetAddress.getByAddress(address));
        }
    }
}
