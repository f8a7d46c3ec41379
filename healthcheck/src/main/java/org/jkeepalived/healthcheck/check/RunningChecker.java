package org.jkeepalived.healthcheck.check;

/** A checker scheduled on the checker event loop; both methods are called on that loop. */
public interface RunningChecker {

    /** Schedules the first attempt (after {@code warmup} when set) and every later one. */
    void start();

    /** Cancels the schedule and any attempt in flight; no verdict is reported afterwards. */
    void stop();
}
