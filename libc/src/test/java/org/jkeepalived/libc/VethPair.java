package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two network namespaces of our own joined by a veth pair: {@code va} (192.0.2.1/24, 2001:db8::1/64) in
 * {@link #left()} and {@code vb} (192.0.2.2/24, 2001:db8::2/64) in {@link #right()}, with DAD off so IPv6 addresses,
 * link-local ones included, are usable at once. Closing deletes both namespaces and with them the pair.
 */
final class VethPair implements AutoCloseable {

    static final String LEFT_INTERFACE = "va";
    static final String RIGHT_INTERFACE = "vb";

    private static final AtomicInteger NEXT_PAIR = new AtomicInteger();
    private static final long COMMAND_TIMEOUT_SECONDS = 20;
    private static final int READY_ATTEMPTS = 50;
    private static final int READY_POLL_MILLIS = 100;

    private final String left;
    private final String right;

    private VethPair(String left, String right) {
        this.left = left;
        this.right = right;
    }

    /** Skips the calling test unless we are root with glibc bound and iproute2 installed. */
    static void assumeNamespacesUsable() throws IOException {
        assumeTrue(Native.isAvailable(), () -> "no glibc: " + Native.unavailabilityCause());
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "network namespaces need root");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")),
                "iproute2 is not installed");
    }

    static VethPair create() throws IOException {
        assumeNamespacesUsable();
        String prefix = "jkl" + ProcessHandle.current().pid() + "n" + NEXT_PAIR.incrementAndGet();
        VethPair pair = new VethPair(prefix + "a", prefix + "b");
        try {
            for (String namespace : List.of(pair.left, pair.right)) {
                run("ip", "netns", "add", namespace);
                for (String scope : List.of("all", "default")) {
                    run("ip", "netns", "exec", namespace, "sysctl", "-q", "-w",
                            "net.ipv6.conf." + scope + ".accept_dad=0");
                }
                run("ip", "-n", namespace, "link", "set", "lo", "up");
            }
            run("ip", "-n", pair.left, "link", "add", LEFT_INTERFACE, "type", "veth", "peer", "name",
                    RIGHT_INTERFACE, "netns", pair.right);
            pair.configure(pair.left, LEFT_INTERFACE, "1");
            pair.configure(pair.right, RIGHT_INTERFACE, "2");
            awaitReady(pair.left, LEFT_INTERFACE);
            awaitReady(pair.right, RIGHT_INTERFACE);
            return pair;
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
    }

    private void configure(String namespace, String interfaceName, String host) throws IOException {
        run("ip", "-n", namespace, "addr", "add", "192.0.2." + host + "/24", "dev", interfaceName);
        run("ip", "-n", namespace, "addr", "add", "2001:db8::" + host + "/64", "dev", interfaceName, "nodad");
        run("ip", "-n", namespace, "link", "set", interfaceName, "up");
    }

    /**
     * Waits until the interface has carrier and its IPv6 link-local address: before that, IPv6 multicast sent on it
     * is dropped.
     */
    private static void awaitReady(String namespace, String interfaceName) throws IOException {
        for (int attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
            String link = run("ip", "-n", namespace, "link", "show", "dev", interfaceName);
            String linkLocal = run("ip", "-n", namespace, "-6", "addr", "show", "dev", interfaceName, "scope", "link");
            if (link.contains("state UP") && linkLocal.contains("fe80:") && !linkLocal.contains("tentative")) {
                return;
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + interfaceName, e);
            }
        }
        throw new IOException(interfaceName + " in " + namespace + " not ready after "
                + READY_ATTEMPTS * READY_POLL_MILLIS + " ms");
    }

    String left() {
        return left;
    }

    String right() {
        return right;
    }

    /** Runs a command to completion and returns its output; fails on a non-zero exit. */
    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": still running after "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": exit " + process.exitValue() + ": " + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (String namespace : List.of(left, right)) {
            try {
                if (Files.exists(NetworkNamespace.NAMED_NAMESPACES.resolve(namespace))) {
                    run("ip", "netns", "del", namespace);
                }
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
