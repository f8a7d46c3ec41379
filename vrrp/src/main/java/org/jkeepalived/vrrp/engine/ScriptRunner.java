package org.jkeepalived.vrrp.engine;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import com.sun.security.auth.module.UnixSystem;
import org.jkeepalived.config.value.ScriptIdentity;

/**
 * Runs scripts off the event loop: each on a thread of its own from a small pool, with stdin, stdout and stderr on
 * /dev/null as keepalived's {@code system_call} leaves them, as its {@code script_user} or own user. A script past
 * its timeout gets SIGTERM, then SIGKILL two seconds later, as keepalived's script child thread does.
 */
final class ScriptRunner implements AutoCloseable {

    /** No timeout: the script runs as long as it likes. */
    static final long NO_TIMEOUT = 0;
    private static final long KILL_GRACE_SECONDS = 2;
    private static final File DEV_NULL = new File("/dev/null");

    private final ExecutorService executor;
    private final ScriptIdentity ours;

    /** @param ours the identity this process runs as: scripts of another run through setpriv */
    ScriptRunner(ScriptIdentity ours) {
        this.ours = ours;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "vrrp-script-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The identity of this process. */
    static ScriptIdentity currentIdentity() {
        UnixSystem system = new UnixSystem();
        return new ScriptIdentity((int) system.getUid(), (int) system.getGid());
    }

    /** Starts {@code argv} now as {@code runAs}; the future completes when it has ended. */
    CompletableFuture<ScriptOutcome> run(List<String> argv, ScriptIdentity runAs, long timeoutMicros) {
        List<String> command = runAs.command(argv, ours);
        return CompletableFuture.supplyAsync(() -> runAndWait(command, timeoutMicros), executor);
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
