package org.jkeepalived.healthcheck.check;

import java.util.Optional;

/** Where a running checker reports what it concluded; always called on the checker event loop. */
public interface CheckerVerdicts {

    /**
     * keepalived's {@code update_svr_checker_state}: the checker changed between up and down, or concluded for the
     * first time (possibly in the state it started in: up, or down with {@code alpha}). Never called again with an
     * unchanged state after that.
     */
    void stateChanged(CheckerTarget checker, boolean up);

    /**
     * {@link #stateChanged(CheckerTarget, boolean)} from a checker that keepalived has mail about it: with its real
     * server's {@code smtp_alert}, {@code alertBody} is the mail's body. A destination that sends no mail need not
     * tell the two apart.
     */
    default void stateChanged(CheckerTarget checker, boolean up, Optional<String> alertBody) {
        stateChanged(checker, up);
    }

    /**
     * A {@code misc_dynamic} script's exit status, or a FILE_CHECK's file, set a new weight for the checker's real
     * server (keepalived's {@code update_svr_wgt}: logged, applied to IPVS, weighed for the quorum).
     */
    void weightChanged(CheckerTarget checker, long weight);

    /**
     * A FILE_CHECK entering or leaving FAULT set what it adds to its real server's configured weight, which
     * keepalived changes in {@code effective_weight} directly: nothing is logged or applied until the real server's
     * next change.
     */
    void weightShareSet(CheckerTarget checker, long weightShare);
}
