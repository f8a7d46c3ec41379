package org.jkeepalived.healthcheck.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * PING_CHECK's echo request. keepalived uses an unprivileged ICMP datagram socket, which the JVM cannot open; this
 * asks the JDK's InetAddress.isReachable, which sends ICMP echo when the process may open a raw socket (as root) and
 * otherwise tries TCP port 7. It blocks, so it runs on the given executor.
 */
public final class PingProbe {
    private static final int MICROS_PER_MILLI = 1000;

    private final Executor blocking;

    public PingProbe(Executor blocking) {
        this.blocking = blocking;
    }

    /** Completes with whether an answer came within the timeout; completes off the event loop. */
    public CompletableFuture<Boolean> probe(InetAddress destination, long timeoutMicros) {
        int timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMicros / MICROS_PER_MILLI));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return destination.isReachable(timeoutMillis);
            } catch (IOException e) {
                return false;
            }
        }, blocking);
    }
}
