package org.jkeepalived.it.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs commands in a throwaway VM with the IPVS kernel modules (src-it/vm/run-in-vm.sh): Debian's kernel under qemu
 * TCG, this machine's root read-only beneath a tmpfs overlay, so the JVM, ipvsadm, /usr/sbin/keepalived and the files
 * of the test (a @TempDir) are there at their usual paths. Each run boots a fresh VM; nothing survives it.
 */
public final class VirtualMachine {
    /** run-in-vm.sh's status when the VM could not be prepared or did not finish the command. */
    public static final int UNFINISHED = 125;
    private static final Duration PREPARE_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path harness;

    /** What a command left; {@code status} is {@link #UNFINISHED} when the VM died or hit the time limit. */
    public record Result(int status, String stdout, String stderr) {
        public String describe() {
            return "exit " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private VirtualMachine(Path harness) {
        this.harness = harness;
    }

    /**
     * The VM, its kernel and initramfs prepared (downloaded once into src-it/target/vm-cache); the calling test is
     * skipped (see {@link #need}) when qemu is not installed or Debian's packages cannot be had.
     */
    public static VirtualMachine prepared() throws IOException, InterruptedException {
        need(onPath("qemu-system-x86_64"), "qemu-system-x86_64 (Debian package qemu-system-x86)");
        Path harness = harnessDirectory();
        Result preparation = execute(List.of(harness.resolve("prepare.sh").toString()), PREPARE_TIMEOUT);
        need(preparation.status() == 0, "a prepared VM: " + preparation.describe());
        return new VirtualMachine(harness);
    }

    /**
     * Skips the calling test when {@code available} is false; under CI ({@code CI=true}), where .ci/run installs all
     * the VM needs, fails it instead, so that the VM tests cannot silently stop running there.
     */
    public static void need(boolean available, String what) {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(available, "CI lacks " + what);
        } else {
            assumeTrue(available, "needs " + what);
        }
    }

    /** {@code script} run by bash as root in a fresh VM, in the current directory. */
    public Result runShell(String script, Duration timeout) throws IOException, InterruptedException {
        return run(List.of("bash", "-c", script), timeout);
    }

    /** {@code command} (an argument vector) run as root in a fresh VM, in the current directory. */
    public Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        List<String> wrapped = new ArrayList<>();
        wrapped.add(harness.resolve("run-in-vm.sh").toString());
        wrapped.addAll(command);
        return execute(wrapped, timeout);
    }

    /** src-it/vm, from the project root the pom passes ({@code jkeepalived.root}), else from src-it as working dir. */
    private static Path harnessDirectory() {
        return Optional.ofNullable(System.getProperty("jkeepalived.root"))
                .map(root -> Path.of(root, "src-it", "vm"))
                .orElse(Path.of("vm")).toAbsolutePath();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** Runs {@code command} to its end or its time limit; qemu and everything else it started is killed either way. */
    private static Result execute(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("jkvm-stdout", ".txt");
        Path stderr = Files.createTempFile("jkvm-stderr", ".txt");
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int status = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue()
                    : UNFINISHED;
            return new Result(status, text(stdout), text(stderr));
        } finally {
            if (process != null) {
                stop(process);
            }
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    /** The file's text, with what is not UTF-8 (a garbled console) replaced rather than thrown on. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        // On SIGTERM run-in-vm.sh stops its qemu and deletes its files; SIGKILL is for a script that does not.
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().join();
        }
    }
}
