package org.jkeepalived.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace of our own holding veth stand-ins for the interfaces the configs name (as the {@code kat}
 * namespace the verdicts were taken in), deleted on close.
 */
final class Namespace implements AutoCloseable {
    static final List<String> INTERFACES = List.of("eth0", "eth1", "eth2", "ens33", "ens192", "bond0", "eth0.1");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;

    private Namespace(String name) {
        this.name = name;
    }

    /** A fresh namespace named {@code jkit-<prefix>-<pid>-<n>}. */
    static Namespace create(String prefix) throws IOException, InterruptedException {
        String name = "jkit-" + prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Namespace namespace = new Namespace(name);
        Commands.check(List.of("ip", "netns", "add", name));
        try {
            for (String ifname : INTERFACES) {
                String peer = "p" + ifname;
                namespace.ip("link", "add", ifname, "type", "veth", "peer", "name", peer);
                namespace.ip("link", "set", ifname, "up");
                namespace.ip("link", "set", peer, "up");
            }
            namespace.ip("link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    String name() {
        return name;
    }

    void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        Commands.check(command);
    }

    /** {@code command} run inside the namespace. */
    List<String> exec(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", name));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Commands.run(List.of("ip", "netns", "delete", name), null, Map.of(), 30);
    }
}
