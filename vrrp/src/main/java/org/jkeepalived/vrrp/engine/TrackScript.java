package org.jkeepalived.vrrp.engine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.vrrp.VrrpScript;

/**
 * One {@code vrrp_script}'s schedule and its rise/fall count as keepalived 2.2.7's {@code vrrp_script_thread} and
 * {@code vrrp_script_child_thread} keep them. No I/O and no clock: the loop asks {@link #isDue}, starts the script
 * itself and reports how it ended to {@link #finished}.
 *
 * <p>keepalived's {@code result} runs from 0 (failed) to {@code rise + fall - 1} (fully OK); {@code rise - 1} and
 * below count as failed. A script starts at {@code rise - 1} (one success is enough), or at 0 with {@code init_fail}.
 * Unlike keepalived 2.2.7, which logs "already running" and starts another copy anyway, a script still running at
 * its next interval is skipped (keepalived's later fix).
 */
final class TrackScript {

    private final VrrpScript script;
    private final long intervalNs;
    private final long rise;
    private final long fall;
    private long result;
    private boolean initialising;
    private int lastStatus;
    private boolean running;
    private long nextRunNs;

    TrackScript(VrrpScript script, long startNs) {
        this.script = Objects.requireNonNull(script, "script");
        this.intervalNs = script.intervalMicros() * 1_000L;
        this.rise = Math.max(1, script.rise());
        this.fall = Math.max(1, script.fall());
        this.result = script.initFail() ? 0 : rise - 1;
        this.initialising = !script.initFail();
        this.nextRunNs = startNs;
    }

    /**
     * The script a reload changed, taking {@code previous}'s verdict over as keepalived 2.2.7's
     * {@code clear_diff_script} does: a script that never reported starts again, otherwise its result keeps its
     * distance from {@code rise} within the new rise and fall, and one line says which way it counts.
     */
    static TrackScript reloaded(VrrpScript script, TrackScript previous, long startNs, List<String> log) {
        TrackScript reloaded = new TrackScript(script, startNs);
        if (previous.initialising) {
            reloaded.result = reloaded.rise - 1;
            reloaded.initialising = true;
            return reloaded;
        }
        long fullyOk = reloaded.rise + reloaded.fall - 1;
        if (previous.result < previous.rise) {
            reloaded.result = previous.result == 0 ? 0
                    : Math.max(0, reloaded.rise - (previous.rise - previous.result));
            log.add("VRRP_Script(" + script.name() + ") considered unsuccessful on reload");
        } else {
            reloaded.result = previous.result == previous.rise + previous.fall - 1 ? fullyOk
                    : Math.min(fullyOk, reloaded.rise + previous.result - previous.rise);
            log.add("VRRP_Script(" + script.name() + ") considered successful on reload");
        }
        reloaded.lastStatus = previous.lastStatus;
        reloaded.initialising = false;
        return reloaded;
    }

    String name() {
        return script.name();
    }

    VrrpScript config() {
        return script;
    }

    /** Whether it counts as OK now; empty until it first reports (a script with {@code init_fail} has failed). */
    Optional<Boolean> verdict() {
        return initialising ? Optional.empty() : Optional.of(result >= rise);
    }

    /** The command's words, to run. */
    List<String> argv() {
        return script.script().argv();
    }

    /** Who runs it: its {@code user}, else {@code script_user}, as the configuration resolved them. */
    ScriptIdentity runAs() {
        return script.script().runAs();
    }

    /** keepalived's timeout: {@code timeout}, or the interval without one. */
    long timeoutMicros() {
        return script.timeoutMicros() > 0 ? script.timeoutMicros() : script.intervalMicros();
    }

    long nextRunNs() {
        return nextRunNs;
    }

    boolean isDue(long nowNs) {
        return nowNs - nextRunNs >= 0;
    }

    /**
     * The interval came round: schedules the next one.
     *
     * @return whether to start the script now (false, with keepalived's line logged, while it still runs)
     */
    boolean intervalDue(long nowNs, List<String> log) {
        nextRunNs = nowNs + intervalNs;
        if (running) {
            log.add("Track script " + name() + " is already running, expect idle - skipping run");
            return false;
        }
        running = true;
        return true;
    }

    /**
     * The script ended; returns its new verdict when it crosses rise or fall: true now OK, false now failed.
     *
     * @param log receives keepalived's lines
     */
    Optional<Boolean> finished(ScriptOutcome outcome, List<String> log) {
        running = false;
        boolean success = false;
        String exitType;
        String reason = null;
        if (outcome instanceof ScriptOutcome.Exited exited) {
            if (exited.status() != lastStatus) {
                log.add("Script `" + name() + "` now returning " + exited.status());
            }
            lastStatus = exited.status();
            success = exited.status() == 0;
            exitType = success ? "succeeded" : "failed";
            reason = success ? null : "exited with status " + exited.status();
        } else if (outcome instanceof ScriptOutcome.TimedOut) {
            exitType = "timed_out";
        } else {
            exitType = "failed";
        }
        boolean wasInitialising = initialising;
        initialising = false;
        return success ? rose(exitType, log) : fell(exitType, reason, wasInitialising, log);
    }

    private Optional<Boolean> rose(String exitType, List<String> log) {
        long fullyOk = rise + fall - 1;
        if (result < rise - 1) {
            result++;
            return Optional.empty();
        }
        if (result == fullyOk) {
            return Optional.empty();
        }
        boolean crossed = result < rise;
        result = fullyOk;
        if (crossed) {
            log.add("VRRP_Script(" + name() + ") " + exitType);
            return Optional.of(true);
        }
        return Optional.empty();
    }

    private Optional<Boolean> fell(String exitType, String reason, boolean wasInitialising, List<String> log) {
        if (result > rise) {
            result--;
            return Optional.empty();
        }
        boolean crossed = result == rise || wasInitialising;
        result = 0;
        if (crossed) {
            log.add("VRRP_Script(" + name() + ") " + exitType + (reason == null ? "" : " (" + reason + ")"));
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
