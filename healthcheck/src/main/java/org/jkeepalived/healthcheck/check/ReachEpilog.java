package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.CheckerTiming;

/**
 * keepalived 2.2.7's udp_epilog and icmp_epilog: unlike TCP_CHECK, they retry only while the checker is up, so a
 * checker that starts down with alpha never reports its first failures.
 */
final class ReachEpilog extends Epilog {

    /** The words of UDP_CHECK and PING_CHECK. */
    enum Kind {
        UDP,
        ICMP
    }

    private final Kind kind;
    /** FMT_VS, which ICMP's messages name. */
    private final String virtualServer;

    ReachEpilog(Kind kind, CheckerTiming timing, String server, String virtualServer,
                boolean globalLogAllFailures) {
        super(timing, server, globalLogAllFailures);
        this.kind = kind;
        this.virtualServer = virtualServer;
    }

    /** udp_check_thread: the reply did not match require_reply's pattern. */
    Decision replyMismatched() {
        if (up && logAllFailures) {
            log("UDP check to " + server + " reply data mismatch.");
        }
        return attempted(false);
    }

    /** No (acceptable) answer: an ICMP error, a send or receive error, or a timeout where a reply was needed. */
    Decision failed(boolean timedOut) {
        if (up && logAllFailures) {
            switch (kind) {
                case UDP -> log("UDP connection to " + server + " failed.");
                case ICMP -> log(timedOut ? "ICMP connection to address " + server + " timeout."
                        : "ICMP connection to " + server + " of " + virtualServer + " failed.");
            }
        }
        return attempted(false);
    }

    /** A send that failed at once: the epilog without a message of its own. */
    Decision notSent() {
        return attempted(false);
    }

    Decision succeeded() {
        return attempted(true);
    }

    private Decision attempted(boolean success) {
        long delayMicros = timing.delayLoopMicros();
        if (success || ((up || !hasRun) && retryIt >= timing.retry())) {
            retryIt = 0;
            if (success && (!up || !hasRun)) {
                log(kind == Kind.UDP ? "UDP connection to " + server + " success."
                        : "ICMP connection to " + server + " success.");
                updateState(true, "=> " + kind + " CHECK succeed on service <=");
            } else if (!success && (up || !hasRun)) {
                log(failureLine());
                updateState(false, "=> " + kind + " CHECK failed on service <=");
            }
        } else if (up) {
            delayMicros = timing.delayBeforeRetryMicros();
            retryIt++;
        }
        hasRun = true;
        return decide(delayMicros);
    }

    private String failureLine() {
        boolean afterRetries = timing.retry() != 0 && hasRun;
        return switch (kind) {
            case UDP -> afterRetries
                    ? "UDP_CHECK on service " + server + " failed after " + timing.retry() + " retries."
                    : "UDP_CHECK on service " + server + " failed.";
            case ICMP -> afterRetries
                    ? "ICMP CHECK on service " + server + " of " + virtualServer + " failed after " + timing.retry()
                            + " retries."
                    : "ICMP CHECK on service " + server + " failed.";
        };
    }
}
