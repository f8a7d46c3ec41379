package org.jkeepalived.healthcheck.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a checker concluded from one attempt: the lines keepalived logs, the verdicts it reports, and when it runs
 * next.
 *
 * @param delayMicros the time until the next attempt
 * @param state       the checker's new state, when it changed
 * @param weight      the real server's weight as this checker now sets it, when it changed (misc_dynamic)
 * @param alertBody   with a state: the body of the {@code smtp_alert} mail keepalived's checker sends about it
 */
public record Decision(long delayMicros, List<String> logLines, Optional<Boolean> state, OptionalLong weight,
                       Optional<String> alertBody) {

    public Decision {
        if (delayMicros < 0) {
            throw new IllegalArgumentException("delayMicros: " + delayMicros + " (expected >= 0)");
        }
        logLines = List.copyOf(logLines);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(weight, "weight");
        if (alertBody.isPresent() && state.isEmpty()) {
            throw new IllegalArgumentException("alertBody: " + alertBody.get() + " (expected only with a state)");
        }
    }
}
