package org.jkeepalived.vrrp.engine;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs scripts off the event loop: each on a thread of its own from a small pool, with stdin, stdout and stderr on
 * /dev/null as keepalived's {@code system_call} leaves them. A script past its timeout gets SIGTERM, then SIGKILL
 * two seconds later, as keepalived's script child thread does.
 */
final class ScriptRunner implements AutoCloseable {

    /** No timeout: the script runs as long as it likes. */
    static final long NO_TIMEOUT = 0;
    private static final long KILL_GRACE_SECONDS = 2;
    private static final File DEV_NULL = new File("/dev/null");

    private final ExecutorService executor;

    ScriptRunner() {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vrrp-script-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code argv} now; the future completes when it has ended. */
    CompletableFuture<ScriptOutcome> run(List<String> argv, long timeoutMicros) {
        return CompletableFuture.supplyAsync(() -> runAndWait(argv, timeoutMicros), executor);
    }

    private static ScriptOutcome runAndWait(List<String> argv, long timeoutMicros) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectInput(DEV_NULL).redirectOutput(DEV_NULL)
                    .redirectError(DEV_NULL).start();
        } catch (IOException e) {
            return new ScriptOutcome.NotStarted(e.getMessage());
        }
        try {
            if (timeoutMicros == NO_TIMEOUT) {
                return new ScriptOutcome.Exited(process.waitFor());
            }
            if (process.waitFor(timeoutMicros, TimeUnit.MICROSECONDS)) {
                return new ScriptOutcome.Exited(process.exitValue());
            }
            process.destroy();
            if (!process.waitFor(KILL_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new ScriptOutcome.TimedOut();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new ScriptOutcome.TimedOut();
        }
    }

    /** Stops taking scripts; those running are left to finish on their daemon threads. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
