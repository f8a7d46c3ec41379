package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.it.VrrpProtocol.Side;

/**
 * The real keepalived 2.2.7 in namespace A and jkeepalived in namespace B of one {@link NamespacePair}, started from
 * config texts, with their logs in a test's temporary directory: each start of a side writes {@code real-N.conf} and
 * {@code real-N.log} (or {@code ours-N...}), and the log accessors read the latest start's. Closing deletes the
 * namespaces and with them whatever still runs there.
 */
final class VrrpPeers implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(30);
    /** Room for scheduling, JVM pauses under a parallel test run and 50 ms sampling. */
    static final Duration MARGIN = Duration.ofMillis(2_000);
    private static final long POLL_MILLIS = 50;

    private final NamespacePair pair;
    private final Path dir;
    private int realStarts;
    private int ourStarts;

    private VrrpPeers(NamespacePair pair, Path dir) {
        this.pair = pair;
        this.dir = dir;
    }

    static VrrpPeers create(String prefix, Path dir, NamespacePair.Extra... extras)
            throws IOException, InterruptedException {
        return new VrrpPeers(NamespacePair.create(prefix, extras), dir);
    }

    NamespacePair pair() {
        return pair;
    }

    Process startReal(String config) throws IOException {
        realStarts++;
        String run = "real-" + realStarts;
        Path configFile = Files.writeString(dir.resolve(run + ".conf"), config);
        return start(pair.a(), List.of(ItEnvironment.REFERENCE_KEEPALIVED.toString(), "-n", "-l", "-D",
                "-f", configFile.toString(), "-p", dir.resolve("real.pid").toString(),
                "-r", dir.resolve("real-vrrp.pid").toString(), "-c", dir.resolve("real-checkers.pid").toString(),
                "-b", dir.resolve("real-bfd.pid").toString()), run + ".log");
    }

    Process startOurs(String config) throws IOException {
        ourStarts++;
        String run = "ours-" + ourStarts;
        Path configFile = Files.writeString(dir.resolve(run + ".conf"), config);
        return start(pair.b(), List.of(ItEnvironment.ourKeepalived().toString(), "-n", "-l", "-D",
                "-f", configFile.toString(), "-p", dir.resolve("ours.pid").toString(),
                "-r", dir.resolve("ours-vrrp.pid").toString(), "-c", dir.resolve("ours-checkers.pid").toString()),
                run + ".log");
    }

    private Process start(String namespace, List<String> command, String logName) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(NamespacePair.exec(namespace, new ArrayList<>(command)))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(logName).toFile());
        builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        return builder.start();
    }

    /**
     * keepalived's VRRP child would stop cleanly (priority 0) when its parent dies, so the parent is frozen, the
     * child killed, then the parent: no priority 0 advert leaves A.
     */
    void killRealOutright(Process real) throws IOException, InterruptedException {
        Commands.check(List.of("kill", "-STOP", Long.toString(real.pid())));
        Path vrrpPidFile = dir.resolve("real-vrrp.pid");
        if (Files.exists(vrrpPidFile)) {
            Commands.run(List.of("kill", "-9", Files.readString(vrrpPidFile).strip()), null, Map.of(), 10);
        }
        real.destroyForcibly().waitFor();
    }

    static void killOutright(Process ours) throws InterruptedException {
        ours.destroyForcibly().waitFor();
    }

    /** Whether {@code address} (IPv4 or IPv6, without prefix) is on {@code device} in {@code namespace}. */
    static boolean hasAddress(String namespace, String device, String address) {
        try {
            return NamespacePair.addresses(namespace, device).contains(" " + address + "/");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts keepalived in A or ours in B. */
    Process start(Side side, String config) throws IOException {
        return side == Side.A ? startReal(config) : startOurs(config);
    }

    String namespace(Side side) {
        return side == Side.A ? pair.a() : pair.b();
    }

    boolean has(Side side, String address) {
        return hasAddress(namespace(side), "eth0", address);
    }

    String state(Side side, String instance) {
        return side == Side.A ? realState(instance) : ourState(instance);
    }

    String log(Side side) {
        return side == Side.A ? realLog() : ourLog();
    }

    boolean realHas(String address) {
        return hasAddress(pair.a(), "eth0", address);
    }

    boolean oursHas(String address) {
        return hasAddress(pair.b(), "eth0", address);
    }

    String realLog() {
        return log("real-" + realStarts + ".log");
    }

    String ourLog() {
        return log("ours-" + ourStarts + ".log");
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }

    /** Both sides' latest logs, for failure messages. */
    String logs() {
        return "\nours:\n" + ourLog() + "\nreal:\n" + realLog();
    }

    /** The state of {@code instance}'s last {@code (NAME) Entering STATE STATE} line in keepalived's log, or "". */
    String realState(String instance) {
        return lastState(realLog(), instance);
    }

    String ourState(String instance) {
        return lastState(ourLog(), instance);
    }

    private static String lastState(String log, String instance) {
        Matcher entering = Pattern.compile("\\(" + Pattern.quote(instance) + "\\) Entering (\\w+) STATE")
                .matcher(log);
        String state = "";
        while (entering.find()) {
            state = entering.group(1);
        }
        return state;
    }

    boolean ourLogHas(String text) {
        return ourLog().contains(text);
    }

    boolean realLogHas(String text) {
        return realLog().contains(text);
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Fails unless {@code condition} holds within {@code limit}. */
    void await(Condition condition, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + limit + " for " + what + logs());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Fails if {@code condition} stops holding during {@code period}. */
    void holdsFor(Condition condition, Duration period, String what) throws Exception {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            if (!condition.holds()) {
                fail("no longer " + what + logs());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The master down interval of RFC 3768 / 5798 for {@code priority}, plus {@link #MARGIN}. */
    static Duration masterDownWithMargin(int advertIntervalMillis, int priority) {
        return Duration.ofMillis(3L * advertIntervalMillis + skewMillis(advertIntervalMillis, priority))
                .plus(MARGIN);
    }

    /** The skew time, (256 - priority) / 256 of the advert interval (VRRPv2's is of one second), plus the margin. */
    static Duration skewWithMargin(int advertIntervalMillis, int priority) {
        return Duration.ofMillis(skewMillis(advertIntervalMillis, priority)).plus(MARGIN);
    }

    private static long skewMillis(int advertIntervalMillis, int priority) {
        return (256L - priority) * advertIntervalMillis / 256;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        pair.close();
    }
}
