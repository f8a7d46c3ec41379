package org.jkeepalived.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code virtual_server} after keepalived's validation: defaults applied (protocol, scheduler, forwarding),
 * quorum and hysteresis bounded, real servers inheriting from it.
 *
 * @param protocol               empty for a firewall-mark service, where keepalived ignores any protocol
 * @param forwarding             empty when no server needed the virtual server's own method
 * @param persistenceTimeoutSecs 0 when the service is not persistent
 * @param persistenceGranularity the netmask (IPv4) or prefix length (IPv6) as written
 * @param retry                  empty: each checker's own default
 */
public record VirtualServer(VirtualServerKey key, Location location, AddressFamily family,
                            Optional<Protocol> protocol, String scheduler, Set<ServiceFlag> flags,
                            Optional<Forwarding> forwarding, long persistenceTimeoutSecs,
                            Optional<String> persistenceGranularity, Optional<String> persistenceEngine,
                            long quorum, long hysteresis, Optional<SorryServer> sorryServer,
                            boolean inhibitOnFailure, boolean alpha, boolean omega, long delayLoopMicros,
                            long connectTimeoutMicros, OptionalLong retry, OptionalLong delayBeforeRetryMicros,
                            OptionalLong warmupMicros, Optional<String> virtualhost, boolean haSuspend, long weight,
                            boolean smtpAlert, Optional<ScriptSpec> quorumUp, Optional<ScriptSpec> quorumDown,
                            List<RealServer> realServers) {

    public VirtualServer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(scheduler, "scheduler");
        flags = Set.copyOf(flags);
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(persistenceGranularity, "persistenceGranularity");
        Objects.requireNonNull(persistenceEngine, "persistenceEngine");
        Objects.requireNonNull(sorryServer, "sorryServer");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(delayBeforeRetryMicros, "delayBeforeRetryMicros");
        Objects.requireNonNull(warmupMicros, "warmupMicros");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(quorumUp, "quorumUp");
        Objects.requireNonNull(quorumDown, "quorumDown");
        realServers = List.copyOf(realServers);
        if (hysteresis >= quorum && quorum > 0) {
            throw new IllegalArgumentException("hysteresis: " + hysteresis + " (expected < quorum " + quorum + ")");
        }
    }

    /** IPVS service flags set by {@code ops}, {@code flag-N}, {@code sh-*} and {@code mh-*}. */
    public enum ServiceFlag {
        ONE_PACKET,
        SCHED_1,
        SCHED_2,
        SCHED_3,
        SH_PORT,
        SH_FALLBACK,
        MH_PORT,
        MH_FALLBACK
    }
}
