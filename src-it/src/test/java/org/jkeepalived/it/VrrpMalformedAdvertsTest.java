package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.HostEnvironment;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.it.VrrpProtocol.Side;
import org.jkeepalived.libc.NetworkNamespace;
import org.jkeepalived.libc.VrrpSocket;
import org.jkeepalived.libc.VrrpSocketConfig;
import org.jkeepalived.vrrp.codec.AddressFamily;
import org.jkeepalived.vrrp.codec.AuthType;
import org.jkeepalived.vrrp.codec.DropReason;
import org.jkeepalived.vrrp.codec.Ipv4Envelope;
import org.jkeepalived.vrrp.codec.ReceiverSettings;
import org.jkeepalived.vrrp.codec.VrrpAdvert;
import org.jkeepalived.vrrp.codec.VrrpCodec;
import org.jkeepalived.vrrp.engine.VrrpEngine;
import org.jkeepalived.vrrp.machine.VrrpState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A third host on the link (namespace C, on the bridge between A and B) sends forged VRRPv2 adverts claiming priority
 * 200 for VRID 51 while ours (the engine run in this JVM inside B, so that its drop counters can be read) is master
 * and keepalived 2.2.7 in A its backup: wrong password, TTL 254, a bad checksum, VRRPv3 in a VRRPv2 instance, a
 * missing virtual address, a truncated packet and garbage. Both keep their roles, ours counts every drop, and ours
 * logs each drop in the words keepalived logs it.
 */
class VrrpMalformedAdvertsTest {
    private static final VrrpProtocol PROTOCOL = VrrpProtocol.V2_PASS;
    private static final String VIP = PROTOCOL.vip(1);
    private static final int FORGED_PRIORITY = 200;
    private static final int ROUNDS = 3;
    private static final int VRID = 51;
    private static final int VRRP_CHECKSUM_OFFSET = VrrpCodec.IPV4_HEADER_BYTES + 6;
    private static final byte GARBAGE = (byte) 0xa5;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Test
    void forgedAdvertsFromAThirdHostAreDroppedAndCountedWhileTheRolesStay() throws Exception {
        try (VrrpPeers peers = VrrpPeers.create("vg", dir, NamespacePair.Extra.THIRD_HOST)) {
            peers.startReal(PROTOCOL.singleInstance(Side.A, 100));
            ListAppender<ILoggingEvent> ourMessages = new ListAppender<>();
            ourMessages.start();
            Logger vrrpLogger = (Logger) LoggerFactory.getLogger("Keepalived_vrrp");
            // the daemon sets INFO when it configures logging; this test runs the engine without the daemon
            Level levelBefore = vrrpLogger.getLevel();
            vrrpLogger.setLevel(Level.INFO);
            vrrpLogger.addAppender(ourMessages);
            VrrpEngine ours = startInProcess(peers.pair().b(), PROTOCOL.singleInstance(Side.B, 150));
            try {
                peers.await(() -> ours.states().get("VI_1") == VrrpState.MASTER && peers.oursHas(VIP)
                        && "BACKUP".equals(peers.realState("VI_1")) && !peers.realHas(VIP), VrrpPeers.STARTUP,
                        "ours master, keepalived backup");

                Map<String, ByteBuffer> forged = forgedAdverts();
                try (VrrpSocket forger = NetworkNamespace.callIn(peers.pair().c(), () -> VrrpSocket.open(
                        VrrpSocketConfig.multicast("br0", InetAddress.getByName(NamespacePair.ADDRESS_C))))) {
                    for (int round = 0; round < ROUNDS; round++) {
                        for (ByteBuffer packet : forged.values()) {
                            forger.send(packet.duplicate(), VrrpSocketConfig.IPV4_GROUP);
                        }
                    }
                }

                peers.holdsFor(() -> ours.states().get("VI_1") == VrrpState.MASTER && peers.oursHas(VIP)
                        && "BACKUP".equals(peers.realState("VI_1")) && !peers.realHas(VIP),
                        VrrpPeers.masterDownWithMargin(PROTOCOL.advertIntervalMillis(), 100),
                        "ours master, keepalived backup, after the forged adverts");
                Map<DropReason, Long> drops = ours.dropCounts().get("VI_1");
                for (DropReason reason : Set.of(DropReason.PASSWORD, DropReason.TTL, DropReason.CHECKSUM,
                        DropReason.ADDRESS_MISSING)) {
                    assertEquals(ROUNDS, drops.getOrDefault(reason, 0L), reason + " in " + drops + peers.logs());
                }
                long counted = drops.values().stream().mapToLong(Long::longValue).sum();
                // the truncated packet is dropped before its VRID is known, as keepalived drops it: not counted
                assertEquals((long) ROUNDS * (forged.size() - 1), counted, drops + peers.logs());
                assertEquals(dropLines(realMessages(peers.realLog())), dropLines(ourMessages.list.stream()
                        .map(ILoggingEvent::getFormattedMessage).toList()), "keepalived's words for the drops");
            } finally {
                ours.stop(true);
                vrrpLogger.detachAppender(ourMessages);
                vrrpLogger.setLevel(levelBefore);
            }
        }
    }

    /** The messages of a log in keepalived's console format, without the time stamps. */
    private static List<String> realMessages(String log) {
        return log.lines().map(line -> line.substring(line.indexOf(": ") + 2)).toList();
    }

    /** What was logged from the first forged advert on, without the gratuitous ARP lines. */
    private static List<String> dropLines(List<String> messages) {
        int first = messages.indexOf("(VI_1) received an invalid passwd!");
        return messages.subList(Math.max(first, 0), messages.size()).stream()
                .filter(message -> !message.contains("gratuitous ARP")).toList();
    }

    /** Forged adverts by what is wrong with them, each a whole IPv4 packet as IP_HDRINCL sends it. */
    private static Map<String, ByteBuffer> forgedAdverts() throws IOException {
        Inet4Address source = (Inet4Address) InetAddress.getByName(NamespacePair.ADDRESS_C);
        Inet4Address group = (Inet4Address) VrrpSocketConfig.IPV4_GROUP;
        Ipv4Envelope envelope = Ipv4Envelope.of(source, group, 255, 1);
        List<InetAddress> addresses = List.of(InetAddress.getByName(VIP));
        Map<String, ByteBuffer> forged = new LinkedHashMap<>();
        forged.put("wrong password", encode(advert("wrong", addresses), envelope));
        forged.put("TTL 254", encode(advert("secret", addresses), Ipv4Envelope.of(source, group, 254, 2)));
        ByteBuffer badChecksum = encode(advert("secret", addresses), envelope);
        badChecksum.put(VRRP_CHECKSUM_OFFSET, (byte) ~badChecksum.get(VRRP_CHECKSUM_OFFSET));
        forged.put("bad checksum", badChecksum);
        forged.put("VRRPv3", encode(VrrpAdvert.v3(AddressFamily.IPV4, VRID, FORGED_PRIORITY, 100, addresses),
                envelope));
        forged.put("address missing", encode(advert("secret", List.of(InetAddress.getByName("192.168.77.222"))),
                envelope));
        ByteBuffer valid = encode(advert("secret", addresses), envelope);
        forged.put("garbage", garbage(valid));
        forged.put("truncated", ByteBuffer.wrap(Arrays.copyOf(valid.array(), VrrpCodec.IPV4_HEADER_BYTES + 1)));
        return forged;
    }

    private static VrrpAdvert advert(String password, List<InetAddress> addresses) {
        return VrrpAdvert.v2(AddressFamily.IPV4, VRID, FORGED_PRIORITY, AuthType.PASS,
                ReceiverSettings.authKey(password), 1, addresses);
    }

    private static ByteBuffer encode(VrrpAdvert advert, Ipv4Envelope envelope) {
        ByteBuffer buffer = ByteBuffer.allocate(VrrpCodec.ipv4LengthBytes(advert, envelope));
        VrrpCodec.encodeIpv4(advert, envelope, buffer);
        return buffer.flip();
    }

    /** The IP header of {@code valid} and VRID 51 in a VRRP part of {@link #GARBAGE} bytes. */
    private static ByteBuffer garbage(ByteBuffer valid) {
        byte[] bytes = Arrays.copyOf(valid.array(), valid.limit());
        Arrays.fill(bytes, VrrpCodec.IPV4_HEADER_BYTES, bytes.length, GARBAGE);
        bytes[VrrpCodec.IPV4_HEADER_BYTES + 1] = VRID;
        return ByteBuffer.wrap(bytes);
    }

    /** Our engine for {@code configText} started on a thread inside {@code namespace}, where its sockets stay. */
    private VrrpEngine startInProcess(String namespace, String configText) throws Exception {
        Path file = Files.writeString(dir.resolve("in-process.conf"), configText);
        KeepalivedConfig config = ConfigLoader.load(new LoadOptions(file.toString(), "it", false, false,
                new NamespaceHost(LiveHost.system()), new SplittableRandom(1))).config().orElseThrow();
        VrrpEngine engine = new VrrpEngine(config.vrrp(), config.global(), true, System::nanoTime);
        NetworkNamespace entered = NetworkNamespace.enter(namespace);
        try {
            engine.start();
        } finally {
            entered.close();
        }
        return engine;
    }

    /** This machine as seen from inside a namespace of a pair: its interface is eth0, whatever the host has. */
    private record NamespaceHost(HostEnvironment system) implements HostEnvironment {
        @Override
        public boolean interfaceExists(String name) {
            return "eth0".equals(name) || "lo".equals(name);
        }

        @Override
        public OptionalInt uid(String user) {
            return system.uid(user);
        }

        @Override
        public OptionalInt gid(String group) {
            return system.gid(group);
        }

        @Override
        public OptionalInt primaryGid(String user) {
            return system.primaryGid(user);
        }

        @Override
        public ScriptFile script(String path) {
            return system.script(path);
        }

        @Override
        public String shortHostname() {
            return system.shortHostname();
        }
    }
}
