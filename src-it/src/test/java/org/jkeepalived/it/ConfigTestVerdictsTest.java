package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our {@code keepalived -t} must give the verdict (exit status) keepalived 2.2.7 gives, on its samples, on users'
 * configs and on ours, each run in the same namespace from the config's directory.
 */
class ConfigTestVerdictsTest {
    private static final int TIMEOUT_SECONDS = 60;

    private static Namespace namespace;
    private static ExecutorService pool;
    private static final ConcurrentLinkedQueue<String> MISMATCHES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void createNamespace() throws Exception {
        ItEnvironment.assumeRootWithIpAndKeepalived();
        namespace = Namespace.create("verdict");
        pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    /** A config file and both verdicts on it, computed in the background. */
    private record Comparison(Path config, Future<Commands.Outcome> reference, Future<Commands.Outcome> ours) {
    }

    @TestFactory
    Stream<DynamicNode> ourConfigTestVerdictMatchesKeepalivedsForEveryConfig() {
        List<DynamicNode> groups = new ArrayList<>();
        groups.add(group("samples", ItEnvironment.configs(ItEnvironment.SAMPLES, "keepalived.conf.")));
        if (ItEnvironment.corpus().isPresent()) {
            groups.add(group("corpus", ItEnvironment.configs(ItEnvironment.corpus().get(), "")));
        }
        groups.add(group("own", ItEnvironment.configs(ItEnvironment.ownConfigs(), "")));
        groups.add(DynamicTest.dynamicTest("no mismatches in any config", () ->
                assertTrue(MISMATCHES.isEmpty(), MISMATCHES.size() + " mismatching verdict(s):\n"
                        + String.join("\n", MISMATCHES))));
        return groups.stream();
    }

    private DynamicContainer group(String name, List<Path> configs) {
        List<Comparison> comparisons = configs.stream().map(this::start).toList();
        return DynamicContainer.dynamicContainer(name, comparisons.stream().map(c ->
                DynamicTest.dynamicTest(c.config().getFileName().toString(), () -> compare(c))));
    }

    private Comparison start(Path config) {
        List<String> reference = List.of(ItEnvironment.REFERENCE_KEEPALIVED.toString(), "-t", "-f",
                config.getFileName().toString());
        List<String> ours = List.of(ItEnvironment.ourKeepalived().toString(), "-t", "-f",
                config.getFileName().toString());
        return new Comparison(config, submit(reference, config), submit(ours, config));
    }

    private Future<Commands.Outcome> submit(List<String> command, Path config) {
        return pool.submit(() -> Commands.run(namespace.exec(command), config.getParent(),
                Map.of("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath()), TIMEOUT_SECONDS));
    }

    private static void compare(Comparison comparison) throws Exception {
        Commands.Outcome reference = comparison.reference().get();
        Commands.Outcome ours = comparison.ours().get();
        if (reference.status() != ours.status()) {
            String report = comparison.config() + "\n keepalived: " + reference.describe() + "\n jkeepalived: "
                    + ours.describe();
            MISMATCHES.add(report);
            assertEquals(reference.status(), ours.status(), report);
        }
    }
}
