package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bin/keepalived run as a daemon in a network namespace from a config text in a test's directory: {@code -n -l -D}
 * with its pid files there, the log in {@code daemon-N.log} for the N-th start. Replacing the config and signalling
 * is how the tests drive it.
 */
final class ReloadingDaemon {
    static final Duration STARTUP = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private final String namespace;
    private final Path dir;
    private int starts;
    private Process process;

    ReloadingDaemon(String namespace, Path dir) {
        this.namespace = namespace;
        this.dir = dir;
    }

    Path configFile() {
        return dir.resolve("keepalived.conf");
    }

    Path pidFile() {
        return dir.resolve("keepalived.pid");
    }

    Process process() {
        return process;
    }

    /** Writes {@code config} as the config file the daemon reads (at start and at each SIGHUP). */
    void configure(String config) throws IOException {
        Files.writeString(configFile(), config);
    }

    Process start(String config) throws IOException {
        configure(config);
        starts++;
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                ItEnvironment.ourKeepalived().toString(), "-n", "-l", "-D", "-f", configFile().toString(),
                "-p", pidFile().toString(), "-r", dir.resolve("vrrp.pid").toString(),
                "-c", dir.resolve("checkers.pid").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon-" + starts + ".log").toFile());
        builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        process = builder.start();
        return process;
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Sends SIGHUP and waits for the reload it started to be logged as complete or failed. */
    void reload() throws Exception {
        int before = count("Reload complete") + count("keeping the running configuration");
        signal("HUP");
        await(() -> count("Reload complete") + count("keeping the running configuration") > before,
                "the reload to end");
    }

    String log() {
        try {
            return Files.readString(dir.resolve("daemon-" + starts + ".log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }

    int count(String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(log());
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    /** Whether {@code address} is on {@code device} in the namespace now. */
    boolean has(String device, String address) throws IOException, InterruptedException {
        return addresses(namespace, device).contains(" " + address + "/");
    }

    static String addresses(String namespace, String device) throws IOException, InterruptedException {
        Process ip = new ProcessBuilder("ip", "-n", namespace, "-o", "addr", "show", "dev", device)
                .redirectErrorStream(true).start();
        String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        ip.waitFor();
        return out;
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    void await(Condition condition, String what) throws Exception {
        await(condition, STARTUP, what);
    }

    void await(Condition condition, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + limit + " for " + what + "; log:\n" + log());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Kills whatever still runs; for finally blocks. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
