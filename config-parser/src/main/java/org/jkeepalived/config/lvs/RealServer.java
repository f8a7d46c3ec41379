package org.jkeepalived.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code real_server} with the settings it inherits from its virtual server already applied; the timing values
 * keepalived leaves unset for the checkers' own defaults are empty.
 *
 * @param endpoint        address and port (the virtual server's port where keepalived supplies it)
 * @param upperThreshold  {@code uthreshold}, 0 for none
 * @param lowerThreshold  {@code lthreshold}, 0 for none
 */
public record RealServer(Endpoint endpoint, Location location, Forwarding forwarding, long weight,
                         long upperThreshold, long lowerThreshold, boolean inhibitOnFailure, boolean alpha,
                         OptionalLong retry, long connectTimeoutMicros, long delayLoopMicros,
                         OptionalLong warmupMicros, OptionalLong delayBeforeRetryMicros, boolean smtpAlert,
                         Optional<String> virtualhost, Optional<ScriptSpec> notifyUp,
                         Optional<ScriptSpec> notifyDown, List<Checker> checkers) {

    public RealServer {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(warmupMicros, "warmupMicros");
        Objects.requireNonNull(delayBeforeRetryMicros, "delayBeforeRetryMicros");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(notifyUp, "notifyUp");
        Objects.requireNonNull(notifyDown, "notifyDown");
        checkers = List.copyOf(checkers);
        if (weight < 0 || weight > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("weight: " + weight + " (expected 0.." + Integer.MAX_VALUE + ")");
        }
    }
}
