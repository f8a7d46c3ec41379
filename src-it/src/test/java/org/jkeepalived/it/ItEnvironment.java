package org.jkeepalived.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the project, our bin scripts and the reference keepalived are, and what a test needs to run. */
final class ItEnvironment {
    static final Path REFERENCE_KEEPALIVED = Path.of("/usr/sbin/keepalived");
    static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    private ItEnvironment() {
    }

    /** The project root, from src-it's pom ({@code jkeepalived.root}), else the parent of the working directory. */
    static Path root() {
        return Optional.ofNullable(System.getProperty("jkeepalived.root")).map(Path::of)
                .orElse(Path.of("").toAbsolutePath().getParent());
    }

    static Path ourKeepalived() {
        return root().resolve("bin/keepalived");
    }

    /** What bin/keepalived runs on: the classes this build just compiled, not a possibly stale package. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    /** The regular files in {@code dir} named {@code namePrefix*}, or {@code *.conf} without a prefix, sorted. */
    static List<Path> configs(Path dir, String namePrefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> namePrefix.isEmpty() ? f.getFileName().toString().endsWith(".conf")
                            : f.getFileName().toString().startsWith(namePrefix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ownConfigs() {
        return root().resolve("src-it/src/test/resources/configs");
    }

    /**
     * The users' configs in {@code ../shared/corpus/keepalived-configs} beside the project root; from a git worktree
     * nested one level deeper, the first such folder above the root.
     */
    static Optional<Path> corpus() {
        for (Path dir = root().toAbsolutePath().normalize(); dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus/keepalived-configs");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Namespaces need root, iproute2 and, for comparisons, the reference keepalived. */
    static void assumeRootWithIpAndKeepalived() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip")), "needs iproute2's ip");
        assumeTrue(Files.isExecutable(REFERENCE_KEEPALIVED), "needs keepalived 2.2.7 at " + REFERENCE_KEEPALIVED);
        assumeTrue(canCreateNamespaces(), "cannot create network namespaces here (a container without "
                + "CAP_SYS_ADMIN?)");
    }

    private static boolean canCreateNamespaces() {
        try {
            Namespace.create("probe").close();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
