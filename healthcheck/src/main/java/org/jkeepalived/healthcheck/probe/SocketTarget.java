package org.jkeepalived.healthcheck.probe;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where and how a probe connects: a checker's connect_ip/connect_port, bindto/bind_port, fwmark and connect_timeout.
 *
 * @param bindTo  the local address, or null to let the kernel choose
 * @param fwmark  SO_MARK for the socket, 0 for none
 * @param timeoutMicros connect_timeout, which keepalived applies to each step of a probe
 */
public record SocketTarget(InetSocketAddress destination, InetSocketAddress bindTo, int fwmark, long timeoutMicros) {

    public SocketTarget {
        Objects.requireNonNull(destination, "destination");
        if (timeoutMicros < 0) {
            throw new IllegalArgumentException("timeoutMicros: " + timeoutMicros + " (expected >= 0)");
        }
    }
}
