package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.CheckerTiming;

/** keepalived 2.2.7's dns_final. Every DNS_CHECK line is prefixed "DNS_CHECK (server) ". */
final class DnsEpilog extends Epilog {

    DnsEpilog(CheckerTiming timing, String server, boolean globalLogAllFailures) {
        super(timing, server, globalLogAllFailures);
    }

    /** The line keepalived's dns_log_message writes. */
    String line(String message) {
        return "DNS_CHECK (" + server + ") " + message;
    }

    Decision failed(String reason) {
        if (up || !hasRun) {
            boolean lastTry = retryIt >= timing.retry();
            if (logAllFailures || lastTry) {
                log(line(hasRun && lastTry ? reason + " after " + timing.retry() + " retries" : reason));
            }
            if (retryIt < timing.retry()) {
                retryIt++;
                hasRun = true;
                return decide(timing.delayBeforeRetryMicros());
            }
            updateState(false, "=> DNS_CHECK: failed on service <=");
        }
        retryIt = 0;
        return decide(timing.delayLoopMicros());
    }

    Decision succeeded() {
        if (!up || !hasRun) {
            updateState(true, "=> DNS_CHECK: succeed on service <=");
        }
        retryIt = 0;
        return decide(timing.delayLoopMicros());
    }
}
