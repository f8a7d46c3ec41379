package org.jkeepalived.it.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bare network namespace with its loopback up, named {@code jkchk-<pid>-<n>}, deleted on close. */
final class ScenarioNamespace implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final String name;

    private ScenarioNamespace(String name) {
        this.name = name;
    }

    static ScenarioNamespace create() throws IOException, InterruptedException {
        ScenarioNamespace namespace = new ScenarioNamespace(
                "jkchk-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        run("ip", "netns", "add", namespace.name);
        try {
            run("ip", "-n", namespace.name, "link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "delete", name);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
