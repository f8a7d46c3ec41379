package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.CheckerTiming;

/**
 * keepalived 2.2.7's misc_check_child_thread: what a MISC_CHECK script's end means. The delay it returns counts from
 * the moment the script was started, as keepalived's does.
 */
final class MiscEpilog extends Epilog {
    private final String virtualServer;
    /** The script as keepalived names it: its argv[0] after the path search. */
    private final String scriptName;
    private final boolean dynamic;
    /** rs->iweight, the real server's configured weight. */
    private final long configuredWeight;
    /** cur_weight: how far this checker's exit status moved the weight from the configured one. */
    private long weightOffset;
    private long lastExitCode;

    MiscEpilog(CheckerTiming timing, String server, String virtualServer, String scriptName, boolean dynamic,
               long configuredWeight, boolean globalLogAllFailures) {
        super(timing, server, globalLogAllFailures);
        this.virtualServer = virtualServer;
        this.scriptName = scriptName;
        this.dynamic = dynamic;
        this.configuredWeight = configuredWeight;
    }

    /** The script exited with {@code status}. */
    Decision exited(int status) {
        if (status == 0 || (dynamic && status >= 2 && status <= 255)) {
            if (status != lastExitCode) {
                long offset = status != 0 ? status - 2 - configuredWeight : 0;
                if (offset != weightOffset) {
                    setWeight(configuredWeight + offset);
                }
                weightOffset = offset;
                lastExitCode = status;
            }
            boolean report = !up || !hasRun;
            retryIt = 0;
            return concluded(report ? "succeeded" : null, true, false, " (exited with status " + status + ")");
        }
        if (!(up || !hasRun)) {
            return concluded(null, false, false, "");
        }
        boolean retrying = retryIt < timing.retry();
        if (retrying) {
            retryIt++;
        } else {
            retryIt = 0;
            if (weightOffset != 0) {
                setWeight(configuredWeight);
            }
            weightOffset = 0;
            lastExitCode = status;
        }
        return failure("failed", retrying, " (exited with status " + status + ")");
    }

    /** The script outlived misc_timeout and was killed. */
    Decision timedOut() {
        if (!(up || !hasRun)) {
            return concluded(null, false, false, "");
        }
        boolean retrying = retryIt < timing.retry();
        retryIt = retrying ? retryIt + 1 : 0;
        return failure("timed out", retrying, "");
    }

    private Decision failure(String exitType, boolean retrying, String reason) {
        if (retrying && !logAllFailures) {
            return concluded(null, false, false, reason);
        }
        return concluded(exitType, false, retrying, reason);
    }

    /**
     * Logs "Misc check for ..." when there is an exit type, and changes the state unless the failure only counts
     * towards the retries.
     */
    private Decision concluded(String exitType, boolean success, boolean messageOnly, String reason) {
        if (exitType != null) {
            String detail = success ? "" : retryWording();
            log("Misc check for [" + server + " VS " + virtualServer + "] by [" + scriptName + "] " + exitType
                    + detail + (success ? "" : reason) + ".");
            if (!messageOnly) {
                updateState(success, "=> MISC CHECK " + exitType + " on service <=");
                if (!success) {
                    weightOffset = 0;
                }
            }
        }
        hasRun = true;
        return decide(retryIt != 0 ? timing.delayBeforeRetryMicros() : timing.delayLoopMicros());
    }

    private String retryWording() {
        long retry = timing.retry();
        if (retry == 0) {
            return " with retry disabled";
        }
        String retries = retry == 1 ? "retry" : "retries";
        if (retryIt == 1) {
            return ", will do " + retry + " " + retries;
        }
        if (retryIt > 1) {
            return " on retry " + (retryIt - 1) + "/" + retry;
        }
        return " after " + retry + " " + retries;
    }
}
