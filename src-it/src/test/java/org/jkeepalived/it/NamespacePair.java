package org.jkeepalived.it;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces of our own, A and B, joined by a veth pair named {@code eth0} on both sides, with
 * 192.168.77.1/24 on A's and 192.168.77.2/24 on B's. {@link Extra#THIRD_HOST} puts a third namespace C on the link:
 * A's and B's {@code eth0} are then veth peers of ports of a bridge {@code br0} in C holding 192.168.77.3/24, so one
 * side's link can go down without taking the other's carrier with it. Closing kills whatever still runs in them and
 * deletes them all.
 */
final class NamespacePair implements AutoCloseable {
    static final String ADDRESS_A = "192.168.77.1";
    static final String ADDRESS_B = "192.168.77.2";
    static final String ADDRESS_C = "192.168.77.3";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Duration IPV6_READY_LIMIT = Duration.ofSeconds(10);

    /** What a pair may have beyond the one link between A and B. */
    enum Extra { THIRD_HOST }

    private final String a;
    private final String b;
    private final Optional<String> c;

    private NamespacePair(String a, String b, Optional<String> c) {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** Fresh namespaces named {@code jkit-<prefix>a-<pid>-<n>}, {@code ...b-...} (and {@code ...c-...}). */
    static NamespacePair create(String prefix, Extra... extras) throws IOException, InterruptedException {
        Set<Extra> wanted = extras.length == 0 ? Set.of() : Set.of(extras);
        String suffix = "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Optional<String> third = wanted.contains(Extra.THIRD_HOST)
                ? Optional.of("jkit-" + prefix + "c" + suffix) : Optional.empty();
        NamespacePair pair = new NamespacePair("jkit-" + prefix + "a" + suffix, "jkit-" + prefix + "b" + suffix,
                third);
        try {
            for (String namespace : pair.all()) {
                Commands.check(List.of("ip", "netns", "add", namespace));
                Commands.check(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
            }
            if (third.isPresent()) {
                pair.bridgeThroughThirdHost(third.get());
            } else {
                pair.link();
            }
            pair.address(pair.a, ADDRESS_A, "eth0");
            pair.address(pair.b, ADDRESS_B, "eth0");
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private void link() throws IOException, InterruptedException {
        Commands.check(List.of("ip", "link", "add", "eth0", "netns", a, "type", "veth", "peer", "name", "eth0",
                "netns", b));
        up(a, "eth0");
        up(b, "eth0");
    }

    private void bridgeThroughThirdHost(String hub) throws IOException, InterruptedException {
        Commands.check(List.of("ip", "-n", hub, "link", "add", "br0", "type", "bridge"));
        for (String namespace : List.of(a, b)) {
            String port = namespace.equals(a) ? "porta" : "portb";
            Commands.check(List.of("ip", "link", "add", "eth0", "netns", namespace, "type", "veth", "peer", "name",
                    port, "netns", hub));
            Commands.check(List.of("ip", "-n", hub, "link", "set", port, "master", "br0"));
            up(hub, port);
            up(namespace, "eth0");
        }
        up(hub, "br0");
        address(hub, ADDRESS_C, "br0");
    }

    private static void up(String namespace, String device) throws IOException, InterruptedException {
        Commands.check(List.of("ip", "-n", namespace, "link", "set", device, "up"));
    }

    private static void address(String namespace, String address, String device)
            throws IOException, InterruptedException {
        Commands.check(List.of("ip", "-n", namespace, "addr", "add", address + "/24", "dev", device));
    }

    String a() {
        return a;
    }

    String b() {
        return b;
    }

    /** The third host's namespace; only with {@link Extra#THIRD_HOST}. */
    String c() {
        return c.orElseThrow(() -> new IllegalStateException("no third host in " + a + " / " + b));
    }

    private List<String> all() {
        List<String> all = new ArrayList<>(List.of(a, b));
        c.ifPresent(all::add);
        return all;
    }

    /**
     * Waits until A's and B's {@code eth0} have a link-local IPv6 address that has passed duplicate address
     * detection: keepalived and ours take their IPv6 source from it at start.
     */
    void awaitIpv6LinkLocal() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + IPV6_READY_LIMIT.toNanos();
        for (String namespace : List.of(a, b)) {
            while (!hasSettledLinkLocal(namespace)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("no settled link-local address on eth0 in " + namespace + ": "
                            + addresses(namespace));
                }
                Thread.sleep(100);
            }
        }
    }

    private static boolean hasSettledLinkLocal(String namespace) throws IOException, InterruptedException {
        String linkLocal = Commands.run(List.of("ip", "-n", namespace, "-6", "-o", "addr", "show", "dev", "eth0",
                "scope", "link"), null, Map.of(), 10).stdout();
        return linkLocal.contains("fe80::") && !linkLocal.contains("tentative");
    }

    /** {@code command} run inside {@code namespace}. */
    static List<String> exec(String namespace, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }

    /** {@code ip -o addr show dev eth0} in {@code namespace}. */
    static String addresses(String namespace) throws IOException, InterruptedException {
        return addresses(namespace, "eth0");
    }

    /** {@code ip -o addr show dev DEVICE} in {@code namespace}. */
    static String addresses(String namespace, String device) throws IOException, InterruptedException {
        return Commands.run(List.of("ip", "-n", namespace, "-o", "addr", "show", "dev", device), null, Map.of(), 10)
                .stdout();
    }

    /**
     * An interface {@code name}, up, in {@code namespace} only (a veth pair with its peer {@code NAMEp} beside it,
     * since the dummy driver may be missing): a link a test can take down on one side.
     */
    static void addLocalLink(String namespace, String name) throws IOException, InterruptedException {
        Commands.check(List.of("ip", "-n", namespace, "link", "add", name, "type", "veth", "peer", "name",
                name + "p"));
        up(namespace, name + "p");
        up(namespace, name);
    }

    /** {@code ip link set DEVICE up|down} in {@code namespace}. */
    static void setLink(String namespace, String device, boolean up) throws IOException, InterruptedException {
        Commands.check(List.of("ip", "-n", namespace, "link", "set", device, up ? "up" : "down"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String namespace : all()) {
            String pids = Commands.run(List.of("ip", "netns", "pids", namespace), null, Map.of(), 10).stdout();
            for (String pid : pids.strip().split("\\s+")) {
                if (!pid.isEmpty()) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            Commands.run(List.of("ip", "netns", "delete", namespace), null, Map.of(), 30);
        }
    }
}
