package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.PacketSocket;

/**
 * keepalived 2.2.7's gratuitous ARP and unsolicited NA sending ({@code vrrp_arp.c}, {@code vrrp_ndisc.c}): one
 * AF_PACKET socket per interface; the ARPs of one interface spaced by {@code vrrp_garp_interval} and its NAs by
 * {@code vrrp_gna_interval}, each kind on its own queue. Owned by the loop thread.
 */
final class GratuitousUpdates implements AutoCloseable {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final int MAC_BYTES = MacAddresses.BYTES;
    private static final Path IPV6_CONF = Path.of("/proc/sys/net/ipv6/conf");

    private record Queued(String owner, String device, InetAddress address, long dueNs) {
    }

    private final long garpIntervalNs;
    private final long gnaIntervalNs;
    private final Function<String, Optional<LinkState>> links;
    private final EngineIo io;
    private final Map<String, PacketSocket> sockets = new LinkedHashMap<>();
    private final Map<String, Long> lastDueNs = new LinkedHashMap<>();
    private final Deque<Queued> queued = new ArrayDeque<>();

    GratuitousUpdates(long garpIntervalMicros, long gnaIntervalMicros, Function<String, Optional<LinkState>> links,
                      EngineIo io) {
        this.garpIntervalNs = garpIntervalMicros * NANOS_PER_MICRO;
        this.gnaIntervalNs = gnaIntervalMicros * NANOS_PER_MICRO;
        this.links = links;
        this.io = io;
    }

    /** Sends now, or queues behind the updates of the same kind on {@code device} when an interval is set. */
    void queue(String owner, String device, InetAddress address, long nowNs) {
        long intervalNs = address instanceof Inet6Address ? gnaIntervalNs : garpIntervalNs;
        if (intervalNs == 0) {
            send(device, address);
            return;
        }
        String spacing = device + (address instanceof Inet6Address ? "/6" : "/4");
        long dueNs = Math.max(nowNs, lastDueNs.getOrDefault(spacing, nowNs - intervalNs) + intervalNs);
        lastDueNs.put(spacing, dueNs);
        queued.addLast(new Queued(owner, device, address, dueNs));
    }

    void cancel(String owner) {
        queued.removeIf(update -> update.owner().equals(owner));
    }

    void sendDue(long nowNs) {
        while (!queued.isEmpty() && nowNs - queued.peekFirst().dueNs() >= 0) {
            Queued update = queued.pollFirst();
            send(update.device(), update.address());
        }
    }

    /** When the first queued update is due; {@link Long#MAX_VALUE} with none queued. */
    long nextDueNs() {
        return queued.isEmpty() ? Long.MAX_VALUE : queued.peekFirst().dueNs();
    }

    private void send(String device, InetAddress address) {
        Optional<LinkState> link = links.apply(device);
        if (link.isEmpty() || link.get().mac().length != MAC_BYTES) {
            return;
        }
        boolean ipv6 = address instanceof Inet6Address;
        String text = IpAddresses.format(address);
        io.logDetail(ipv6 ? "Sending unsolicited Neighbour Advert on " + device + " for " + text
                : "Sending gratuitous ARP on " + device + " for " + text);
        try {
            PacketSocket socket = sockets.get(device);
            if (socket == null) {
                socket = PacketSocket.open(device);
                sockets.put(device, socket);
            }
            if (ipv6) {
                ByteBuffer packet = new NeighbourAdvert(link.get().mac(), (Inet6Address) address, forwards(device))
                        .toBuffer();
                socket.send(packet, PacketSocket.ETH_P_IPV6, NeighbourAdvert.ALL_NODES_MAC);
            } else {
                socket.send(new GratuitousArp(link.get().mac(), (Inet4Address) address).toBuffer(),
                        PacketSocket.ETH_P_ARP, PacketSocket.BROADCAST_MAC);
            }
        } catch (NativeIoException e) {
            io.log((ipv6 ? "Error sending ndisc unsolicited neighbour advert on " : "Error sending gratuitous ARP on ")
                    + device + " for " + text + ": " + e.getMessage());
        }
    }

    /** keepalived sets the NA's router flag when the interface forwards IPv6 (its {@code set_ipv6_forwarding}). */
    private static boolean forwards(String device) {
        try {
            return Files.readString(IPV6_CONF.resolve(device).resolve("forwarding")).strip().equals("1");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (PacketSocket socket : sockets.values()) {
            try {
                socket.close();
            } catch (NativeIoException e) {
                io.log("VRRP engine: closing failed: " + e.getMessage());
            }
        }
        sockets.clear();
    }
}
