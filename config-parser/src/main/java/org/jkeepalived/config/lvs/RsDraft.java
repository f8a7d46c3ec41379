package org.jkeepalived.config.lvs;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/** A real server while keepalived's handlers fill it in; null marks unset. Owned by the thread doing the load. */
final class RsDraft {
    Endpoint endpoint;
    final Location location;
    Forwarding forwarding;
    Long weight;
    long upperThreshold;
    long lowerThreshold;
    Boolean inhibit;
    Boolean alpha;
    Long retry;
    Long connectTimeoutMicros;
    Long delayLoopMicros;
    Long warmupMicros;
    Long delayBeforeRetryMicros;
    Boolean smtpAlert;
    String virtualhost;
    ScriptSpec notifyUp;
    ScriptSpec notifyDown;
    final List<CheckerDraft> checkers = new ArrayList<>();
    final List<String> trackedBfds = new ArrayList<>();

    RsDraft(Endpoint endpoint, Location location, Forwarding forwarding) {
        this.endpoint = endpoint;
        this.location = location;
        this.forwarding = forwarding;
    }

    /** keepalived's {@code FMT_RS}: the address with the virtual server's protocol. */
    String format(VsDraft vs) {
        return ServerNames.trio(endpoint.address(), vs.protocol, endpoint.port());
    }
}
