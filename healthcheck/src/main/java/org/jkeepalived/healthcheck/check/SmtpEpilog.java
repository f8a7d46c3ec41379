package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.CheckerTiming;

/**
 * keepalived 2.2.7's smtp_final: SMTP_CHECK retries even while down, logs a failure only on the last retry (or
 * always with log_all_failures), and starts each delay_loop round with its retry count at zero.
 */
final class SmtpEpilog extends Epilog {

    SmtpEpilog(CheckerTiming timing, String server, boolean globalLogAllFailures) {
        super(timing, server, globalLogAllFailures);
    }

    /** The dialogue failed; {@code reason} is keepalived's text without its "SMTP_CHECK " prefix. */
    Decision failed(String reason) {
        if ((up || !hasRun) && (logAllFailures || retryIt >= timing.retry())) {
            log("SMTP_CHECK " + reason);
        }
        if (++retryIt <= timing.retry()) {
            return decide(timing.delayBeforeRetryMicros());
        }
        if (up || !hasRun) {
            updateState(false, "=> CHECK failed on service : " + reason + " <=");
        }
        // smtp_start_check_thread zeroes the count when the next round starts
        retryIt = 0;
        return decide(timing.delayLoopMicros());
    }

    /** The server greeted with 220, answered HELO with 250, and something came back after QUIT. */
    Decision succeeded() {
        retryIt = 0;
        if (!up || !hasRun) {
            log("Remote SMTP server " + server + " succeed on service.");
            updateState(true, "=> CHECK succeed on service <=");
        }
        hasRun = true;
        return decide(timing.delayLoopMicros());
    }

    /** Socket trouble: keepalived reschedules a fresh round after delay_loop. */
    Decision roundRescheduled(String logLine) {
        retryIt = 0;
        return rescheduled(logLine);
    }
}
