package org.jkeepalived.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.healthcheck.script.ScriptLauncher;
import org.slf4j.Logger;

/**
 * The checker process's {@code notify_up}, {@code notify_down}, {@code quorum_up} and {@code quorum_down} scripts,
 * started off the checker event loop as keepalived's {@code notify_exec}: argv as configured (argv[0] resolved as
 * {@code check_script_secure} leaves it), as the script's uid and gid, nobody waiting for them. A script started
 * while shutting down ({@code omega}) gets one second, as keepalived's {@code system_call_script(..., TIMER_HZ)}, and
 * is then killed; {@link #close} waits for those.
 */
final class CheckerScripts implements AutoCloseable {
    /** keepalived's TIMER_HZ given to the scripts it runs during shutdown. */
    static final long SHUTDOWN_TIMEOUT_MILLIS = 1_000;
    /** How the JDK words a failed exec: {@code Cannot run program "x": error=2, No such file or directory}. */
    private static final Pattern EXEC_ERROR = Pattern.compile("error=(\\d+), (.*)$");

    private final ScriptLauncher launcher;
    private final String searchPath;
    private final Logger log;
    private final ExecutorService starter;
    private final List<CompletableFuture<Void>> shutdownScripts = new ArrayList<>();

    /** @param searchPath PATH, where a script named without a slash is found */
    CheckerScripts(ScriptLauncher launcher, String searchPath, Logger log) {
        this.launcher = launcher;
        this.searchPath = searchPath;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.starter = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "checker-script-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code script} on a thread of its own; returns at once. */
    void run(ScriptSpec script, boolean shuttingDown) {
        List<String> argv = new ArrayList<>(script.argv());
        argv.set(0, ScriptLauncher.resolvedCommand(argv.get(0), searchPath));
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> start(argv, script, shuttingDown), starter);
        if (shuttingDown) {
            synchronized (shutdownScripts) {
                shutdownScripts.add(done);
            }
        }
    }

    private void start(List<String> argv, ScriptSpec script, boolean shuttingDown) {
        Process process;
        try {
            process = launcher.start(argv, script.runAs());
        } catch (IOException e) {
            Matcher error = EXEC_ERROR.matcher(String.valueOf(e.getMessage()));
            boolean worded = error.find();
            log.error("Error exec-ing command '{}', error {}: {}", argv.get(0), worded ? error.group(1) : "-",
                    worded ? error.group(2) : e.getMessage());
            return;
        }
        if (!shuttingDown) {
            return;
        }
        try {
            if (!process.waitFor(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                ScriptLauncher.terminate(process, true);
            }
        } catch (InterruptedException e) {
            ScriptLauncher.terminate(process, true);
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the scripts started during shutdown (each ends within a second), as keepalived before it exits. */
    @Override
    public void close() {
        List<CompletableFuture<Void>> waiting;
        synchronized (shutdownScripts) {
            waiting = List.copyOf(shutdownScripts);
        }
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).join();
        starter.shutdown();
    }
}
