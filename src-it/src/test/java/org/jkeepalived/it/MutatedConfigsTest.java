package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.value.HostEnvironment;
import org.jkeepalived.config.value.LiveHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred broken variants of the samples and of our configs (lines dropped, duplicated, cut short, bytes
 * changed; a fixed seed) must each get a verdict quickly: one of keepalived's -t statuses, never an exception, and
 * a non-zero verdict explained by at least one diagnostic.
 */
class MutatedConfigsTest {
    private static final long SEED = 20220116L;
    private static final int MUTANTS_PER_CONFIG = 7;
    private static final int TIMEOUT_SECONDS = 10;
    private static final Set<Integer> KEEPALIVED_STATUSES = Set.of(0, 2, 4, 5, 6, 143);

    @TempDir
    Path dir;

    private enum Mutation { DROP_LINE, DUPLICATE_LINE, TRUNCATE, FLIP_BYTE, SWAP_LINES }

    @Test
    void everyMutatedConfigGetsAnExplainedVerdictInTime() throws Exception {
        List<Path> mutants = writeMutants();
        assertTrue(mutants.size() >= 200, "only " + mutants.size() + " mutants");
        HostEnvironment host = LiveHost.system();
        List<String> problems = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Path mutant : mutants) {
                Future<LoadResult> load = pool.submit(() -> ConfigLoader.load(new LoadOptions(mutant.toString(),
                        "it", false, true, host, new SplittableRandom(SEED))));
                check(mutant, load, problems);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(problems.isEmpty(), problems.size() + " problem(s) in " + mutants.size() + " mutants:\n"
                + String.join("\n", problems));
    }

    private static void check(Path mutant, Future<LoadResult> load, List<String> problems)
            throws InterruptedException {
        LoadResult result;
        try {
            result = load.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            load.cancel(true);
            problems.add(mutant + ": no verdict within " + TIMEOUT_SECONDS + " s");
            return;
        } catch (ExecutionException e) {
            problems.add(mutant + ": " + e.getCause());
            return;
        }
        int status = result.configTestExitStatus();
        if (!KEEPALIVED_STATUSES.contains(status)) {
            problems.add(mutant + ": exit status " + status);
        } else if (status != 0 && result.diagnostics().isEmpty()) {
            problems.add(mutant + ": exit status " + status + " without any diagnostic");
        }
    }

    private List<Path> writeMutants() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> samples = Files.list(ItEnvironment.SAMPLES);
             Stream<Path> own = Files.list(ItEnvironment.ownConfigs())) {
            samples.filter(f -> f.getFileName().toString().startsWith("keepalived.conf.")).sorted()
                    .forEach(sources::add);
            own.filter(f -> f.getFileName().toString().endsWith(".conf")).sorted().forEach(sources::add);
        }
        copyIncludes();
        List<Path> mutants = new ArrayList<>();
        for (Path source : sources) {
            byte[] original = Files.readAllBytes(source);
            for (int i = 0; i < MUTANTS_PER_CONFIG; i++) {
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                Path mutant = dir.resolve(source.getFileName() + "." + i + "." + mutation.name().toLowerCase()
                        + ".conf");
                Files.write(mutant, mutate(original, mutation, random));
                mutants.add(mutant);
            }
        }
        return mutants;
    }

    /** Our configs include inc/...; the mutants sit in one directory beside a copy of it. */
    private void copyIncludes() throws IOException {
        Path includes = ItEnvironment.ownConfigs().resolve("inc");
        Files.createDirectories(dir.resolve("inc"));
        try (Stream<Path> files = Files.list(includes)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve("inc").resolve(file.getFileName()));
            }
        }
    }

    private static byte[] mutate(byte[] original, Mutation mutation, SplittableRandom random) {
        if (original.length == 0) {
            return original;
        }
        String text = new String(original, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (mutation) {
            case DROP_LINE -> lines.remove(line);
            case DUPLICATE_LINE -> lines.add(line, lines.get(line));
            case SWAP_LINES -> lines.set(line, lines.set(random.nextInt(lines.size()), lines.get(line)));
            case TRUNCATE -> {
                byte[] cut = new byte[random.nextInt(original.length)];
                System.arraycopy(original, 0, cut, 0, cut.length);
                return cut;
            }
            case FLIP_BYTE -> {
                byte[] flipped = original.clone();
                flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                return flipped;
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
