package org.jkeepalived.config.lvs;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A virtual server while keepalived's handlers fill it in; null marks what keepalived leaves unset (its UINT_MAX /
 * ULONG_MAX / -1 sentinels). Owned by the thread doing the load.
 */
final class VsDraft {
    static final long DEFAULT_CONNECT_TIMEOUT_MICROS = 5_000_000;
    static final long DEFAULT_DELAY_LOOP_MICROS = 60_000_000;

    final VirtualServerKey key;
    final Location location;
    VirtualServerGroup group;
    AddressFamily family;
    Protocol protocol;
    String scheduler;
    final Set<VirtualServer.ServiceFlag> flags = EnumSet.noneOf(VirtualServer.ServiceFlag.class);
    Forwarding forwarding;
    long persistenceTimeoutSecs;
    String persistenceGranularity;
    String persistenceEngine;
    long quorum = 1;
    long hysteresis;
    SorryDraft sorry;
    boolean inhibit;
    boolean alpha;
    boolean omega;
    long delayLoopMicros = DEFAULT_DELAY_LOOP_MICROS;
    long connectTimeoutMicros = DEFAULT_CONNECT_TIMEOUT_MICROS;
    Long retry;
    Long delayBeforeRetryMicros;
    Long warmupMicros;
    String virtualhost;
    boolean haSuspend;
    long weight = 1;
    Boolean smtpAlert;
    ScriptSpec quorumUp;
    ScriptSpec quorumDown;
    final List<RsDraft> realServers = new ArrayList<>();

    VsDraft(VirtualServerKey key, Location location, AddressFamily family) {
        this.key = key;
        this.location = location;
        this.family = family;
    }

    int port() {
        return key instanceof VirtualServerKey.Address address ? address.port() : 0;
    }

    boolean isFwmark() {
        return key instanceof VirtualServerKey.Fwmark fwmark && fwmark.fwmark() != 0;
    }

    /** keepalived's {@code FMT_VS}: {@code [GROUP]:0}, {@code FWM N} or {@code [IP]:proto:port}. */
    String format() {
        if (key instanceof VirtualServerKey.Group g) {
            return "[" + g.name() + "]:0";
        }
        if (isFwmark()) {
            return "FWM " + ((VirtualServerKey.Fwmark) key).fwmark();
        }
        if (key instanceof VirtualServerKey.Address address) {
            return ServerNames.trio(address.address(), protocol, address.port());
        }
        return ServerNames.trio(null, protocol, 0);
    }

    /** A sorry server while being filled in. */
    static final class SorryDraft {
        Endpoint endpoint;
        Forwarding forwarding;
        boolean inhibit;

        SorryDraft(Endpoint endpoint, Forwarding forwarding) {
            this.endpoint = endpoint;
            this.forwarding = forwarding;
        }
    }
}
