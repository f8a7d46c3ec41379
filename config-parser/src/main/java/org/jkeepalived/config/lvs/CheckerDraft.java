package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A checker while its block is read: the settings every checker shares (null where unset), its connection
 * options if it has any, and how to build its record once inheritance has decided its timing. Owned by the thread
 * doing the load.
 */
final class CheckerDraft {
    static final long DEFAULT_RETRY = 1;
    static final long DEFAULT_DELAY_BEFORE_RETRY_MICROS = 1_000_000;

    final Location location;
    final Connection connection;
    Boolean alpha;
    Long delayLoopMicros;
    Long warmupMicros;
    Long retry;
    Long delayBeforeRetryMicros;
    boolean logAllFailures;
    long defaultRetry = DEFAULT_RETRY;
    /** 0 means the checker's delay_loop, as keepalived's DNS_CHECK default. */
    long defaultDelayBeforeRetryMicros = DEFAULT_DELAY_BEFORE_RETRY_MICROS;
    Finisher finisher;
    /** A script checker's command, which keepalived vets at validation. */
    MiscDraft misc;

    CheckerDraft(Location location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** A checker with the same settings over another connection: keepalived's copies for SMTP {@code host}s. */
    CheckerDraft copyWith(Connection otherConnection) {
        CheckerDraft copy = new CheckerDraft(location, otherConnection);
        copy.alpha = alpha;
        copy.delayLoopMicros = delayLoopMicros;
        copy.warmupMicros = warmupMicros;
        copy.retry = retry;
        copy.delayBeforeRetryMicros = delayBeforeRetryMicros;
        copy.logAllFailures = logAllFailures;
        copy.defaultRetry = defaultRetry;
        copy.defaultDelayBeforeRetryMicros = defaultDelayBeforeRetryMicros;
        return copy;
    }

    /** Builds the checker's record from its resolved timing and connection (null for checkers without one). */
    @FunctionalInterface
    interface Finisher {
        Checker finish(CheckerTiming timing, ConnectionOptions connection);
    }

    /** keepalived's {@code conn_opts_t} while being read; null marks unset. */
    static final class Connection {
        InetAddress destination;
        int destinationPort;
        InetAddress bindTo;
        int bindPort;
        String bindInterface;
        Long connectTimeoutMicros;
        long fwmark;

        Connection(InetAddress destination, int destinationPort) {
            this.destination = destination;
            this.destinationPort = destinationPort;
        }

        ConnectionOptions freeze(long inheritedTimeoutMicros) {
            return new ConnectionOptions(destination, destinationPort, Optional.ofNullable(bindTo), bindPort,
                    Optional.ofNullable(bindInterface),
                    connectTimeoutMicros != null ? connectTimeoutMicros : inheritedTimeoutMicros, fwmark);
        }
    }

    /** A MISC_CHECK's script settings while being read. */
    static final class MiscDraft {
        List<String> argv = List.of();
        long timeoutMicros;
        boolean dynamic;
        ScriptIdentity runAs;
        ScriptSpec script;
    }
}
