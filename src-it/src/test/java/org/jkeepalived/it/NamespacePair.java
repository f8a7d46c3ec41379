package org.jkeepalived.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces of our own, A and B, joined by a veth pair named {@code eth0} on both sides, with
 * 192.168.77.1/24 on A's and 192.168.77.2/24 on B's. Closing kills whatever still runs in them and deletes both.
 */
final class NamespacePair implements AutoCloseable {
    static final String ADDRESS_A = "192.168.77.1";
    static final String ADDRESS_B = "192.168.77.2";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String a;
    private final String b;

    private NamespacePair(String a, String b) {
        this.a = a;
        this.b = b;
    }

    /** Fresh namespaces named {@code jkit-<prefix>a-<pid>-<n>} and {@code ...b-...}. */
    static NamespacePair create(String prefix) throws IOException, InterruptedException {
        String suffix = "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        NamespacePair pair = new NamespacePair("jkit-" + prefix + "a" + suffix, "jkit-" + prefix + "b" + suffix);
        try {
            Commands.check(List.of("ip", "netns", "add", pair.a));
            Commands.check(List.of("ip", "netns", "add", pair.b));
            Commands.check(List.of("ip", "link", "add", "eth0", "netns", pair.a, "type", "veth", "peer", "name",
                    "eth0", "netns", pair.b));
            for (String namespace : List.of(pair.a, pair.b)) {
                Commands.check(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
                Commands.check(List.of("ip", "-n", namespace, "link", "set", "eth0", "up"));
            }
            Commands.check(List.of("ip", "-n", pair.a, "addr", "add", ADDRESS_A + "/24", "dev", "eth0"));
            Commands.check(List.of("ip", "-n", pair.b, "addr", "add", ADDRESS_B + "/24", "dev", "eth0"));
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    String a() {
        return a;
    }

    String b() {
        return b;
    }

    /** {@code command} run inside {@code namespace}. */
    static List<String> exec(String namespace, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }

    /** {@code ip -o addr show dev eth0} in {@code namespace}. */
    static String addresses(String namespace) throws IOException, InterruptedException {
        return Commands.run(List.of("ip", "-n", namespace, "-o", "addr", "show", "dev", "eth0"), null, Map.of(), 10)
                .stdout();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String namespace : List.of(a, b)) {
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
