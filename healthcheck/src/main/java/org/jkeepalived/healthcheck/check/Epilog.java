package org.jkeepalived.healthcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.lvs.CheckerTiming;

/**
 * The state keepalived keeps in every checker_t (is_up, has_run, retry_it) and the bookkeeping of one decision. The
 * subclasses are the per-type epilogs, each a pure state machine fed with the outcome of one attempt.
 */
abstract class Epilog {
    protected final CheckerTiming timing;
    /** FMT_CHK of the checker. */
    protected final String server;
    /** global checker_log_all_failures or the checker's own log_all_failures. */
    protected final boolean logAllFailures;
    protected boolean up;
    protected boolean hasRun;
    protected long retryIt;
    private final List<String> logLines = new ArrayList<>();
    private Optional<Boolean> changedState = Optional.empty();
    private OptionalLong changedWeight = OptionalLong.empty();
    private Optional<String> alertBody = Optional.empty();

    Epilog(CheckerTiming timing, String server, boolean globalLogAllFailures) {
        this.timing = timing;
        this.server = server;
        this.logAllFailures = globalLogAllFailures || timing.logAllFailures();
        this.up = !timing.alpha();
    }

    final boolean up() {
        return up;
    }

    final long retryIt() {
        return retryIt;
    }

    /** Socket creation or binding failed: keepalived logs it and tries again after delay_loop, counting nothing. */
    final Decision rescheduled(String logLine) {
        log(logLine);
        return decide(timing.delayLoopMicros());
    }

    protected final void log(String line) {
        logLines.add(line);
    }

    /**
     * update_svr_checker_state: marks the checker as run and reports the verdict when it changes the state, or when
     * it is the checker's first (keepalived runs an alpha checker's notify_down on a first failure it did not need).
     * {@code alertBody} is what keepalived's checker mails about it, should its real server have smtp_alert.
     */
    protected final void updateState(boolean alive, String alertBody) {
        if (up != alive || !hasRun) {
            changedState = Optional.of(alive);
            this.alertBody = Optional.of(alertBody);
        }
        up = alive;
        hasRun = true;
    }

    protected final void setWeight(long weight) {
        changedWeight = OptionalLong.of(weight);
    }

    protected final Decision decide(long delayMicros) {
        Decision decision = new Decision(delayMicros, logLines, changedState, changedWeight, alertBody);
        logLines.clear();
        changedState = Optional.empty();
        alertBody = Optional.empty();
        changedWeight = OptionalLong.empty();
        return decision;
    }
}
