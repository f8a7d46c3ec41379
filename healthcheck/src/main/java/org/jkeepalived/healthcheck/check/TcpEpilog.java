package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.CheckerTiming;

/** keepalived 2.2.7's tcp_check_thread and tcp_epilog. */
final class TcpEpilog extends Epilog {

    /** How one connection attempt ended (tcp_socket_state). */
    enum Outcome {
        CONNECTED,
        TIMED_OUT,
        /** Refused, reset or unreachable once the connect was under way. */
        FAILED,
        /** connect() itself failed with an unreachable, refused or reset errno: no log line of its own. */
        CONNECT_FAILED
    }

    TcpEpilog(CheckerTiming timing, String server, boolean globalLogAllFailures) {
        super(timing, server, globalLogAllFailures);
    }

    Decision attempted(Outcome outcome) {
        if (up && logAllFailures) {
            switch (outcome) {
                case TIMED_OUT -> log("TCP connection to " + server + " timeout.");
                case FAILED -> log("TCP connection to " + server + " failed.");
                case CONNECTED, CONNECT_FAILED -> {
                }
            }
        }
        boolean success = outcome == Outcome.CONNECTED;
        long delayMicros;
        if (success || retryIt >= timing.retry()) {
            delayMicros = timing.delayLoopMicros();
            retryIt = 0;
            if (success && (!up || !hasRun)) {
                log("TCP connection to " + server + " success.");
                updateState(true, "=> TCP CHECK succeed on service <=");
            } else if (!success && (up || !hasRun)) {
                log(timing.retry() != 0 && hasRun
                        ? "TCP_CHECK on service " + server + " failed after " + timing.retry() + " retries."
                        : "TCP_CHECK on service " + server + " failed.");
                updateState(false, "=> TCP CHECK failed on service <=");
            }
        } else {
            delayMicros = timing.delayBeforeRetryMicros();
            retryIt++;
        }
        hasRun = true;
        return decide(delayMicros);
    }
}
