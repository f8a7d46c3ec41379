package org.jkeepalived.healthcheck.check;

/** Where a running checker reports what it concluded; always called on the checker event loop. */
public interface CheckerVerdicts {

    /**
     * keepalived's {@code update_svr_checker_state}: the checker changed between up and down, or concluded for the
     * first time (possibly in the state it started in: up, or down with {@code alpha}). Never called again with an
     * unchanged state after that.
     */
    void stateChanged(CheckerTarget checker, boolean up);

    /** A {@code misc_dynamic} script's exit status set a new weight for the checker's real server. */
    void weightChanged(CheckerTarget checker, long weight);
}
