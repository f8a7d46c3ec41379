package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * keepalived's daemon starts on configs that {@code -t} rejects (unknown keywords, bad values are logged and
 * skipped) and refuses only the fatal ones. Ours must start on exactly the configs keepalived starts on. Both run
 * the VRRP side only ({@code -P}): this kernel has no IPVS, which keepalived's checker process needs.
 */
class DaemonStartVerdictsTest {
    /** keepalived decides within milliseconds; a process still alive after this has started. */
    private static final long REFERENCE_DECISION_MS = 3_000;
    /** Ours decides when it writes its pid file (started) or exits (refused); this only bounds a hang. */
    private static final long OUR_DECISION_MS = 60_000;

    private static ExecutorService pool;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
        pool = Executors.newFixedThreadPool(6);
    }

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Whether a daemon started, and what it logged (with its exit status when it did not start). */
    private record Start(boolean started, String log) {

        String describe() {
            return (started ? "started" : "refused") + "):\n" + log;
        }
    }

    private record Comparison(Path config, Future<Start> reference, Future<Start> ours) {
    }

    @TestFactory
    Stream<DynamicTest> ourDaemonStartsOnExactlyTheConfigsKeepalivedStartsOn() {
        List<Path> configs = new ArrayList<>(ItEnvironment.configs(ItEnvironment.SAMPLES, "keepalived.conf."));
        ItEnvironment.corpus().ifPresent(dir -> configs.addAll(ItEnvironment.configs(dir, "")));
        configs.addAll(ItEnvironment.configs(ItEnvironment.ownConfigs(), ""));
        List<Comparison> comparisons = configs.stream().map(config -> new Comparison(config,
                pool.submit(() -> run(config, true)), pool.submit(() -> run(config, false)))).toList();
        return comparisons.stream().map(c -> DynamicTest.dynamicTest(c.config().getFileName().toString(), () -> {
            Start reference = c.reference().get();
            Start ours = c.ours().get();
            // lvs_sync_daemon makes keepalived's VRRP process open IPVS, which the test machine's kernel may lack
            assumeFalse(!reference.started() && reference.log().contains("Can't initialize ipvs"),
                    "keepalived needs IPVS for this config and this kernel has none");
            assertEquals(reference.started(), ours.started(), () -> c.config() + "\n--- keepalived ("
                    + reference.describe() + "\n--- jkeepalived (" + ours.describe());
        }));
    }

    private static Start run(Path config, boolean reference) throws Exception {
        Path dir = Files.createTempDirectory("jkit-start");
        try (Namespace namespace = Namespace.create("start")) {
            Path pidFile = dir.resolve("keepalived.pid");
            String program = reference ? ItEnvironment.REFERENCE_KEEPALIVED.toString()
                    : ItEnvironment.ourKeepalived().toString();
            List<String> command = namespace.exec(List.of(program, "-n", "-l", "-P", "-f",
                    config.getFileName().toString(), "-p", pidFile.toString(), "-r",
                    dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("checkers.pid").toString(), "-b",
                    dir.resolve("bfd.pid").toString()));
            Path log = dir.resolve("daemon.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(config.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
            Process daemon = builder.start();
            try {
                boolean started = reference ? !daemon.waitFor(REFERENCE_DECISION_MS, TimeUnit.MILLISECONDS)
                        : awaitPidFileOrExit(daemon, pidFile);
                String exit = started ? "" : "exit status " + daemon.exitValue() + "\n";
                return new Start(started, exit + Files.readString(log, StandardCharsets.ISO_8859_1));
            } finally {
                daemon.destroy();
                if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                    daemon.destroyForcibly().waitFor();
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static boolean awaitPidFileOrExit(Process daemon, Path pidFile) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OUR_DECISION_MS);
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidFile)) {
                return true;
            }
            if (daemon.waitFor(50, TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
        throw new AssertionError("jkeepalived neither started nor exited within " + OUR_DECISION_MS + " ms");
    }
}
