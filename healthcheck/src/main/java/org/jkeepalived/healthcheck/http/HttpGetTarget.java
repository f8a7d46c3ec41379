package org.jkeepalived.healthcheck.http;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where and how to send one GET: a checker's connection options with its current url, or genhash's command line.
 *
 * @param destination          connect_ip and connect_port, or the real server's
 * @param bindTo               bindto and bind_port, or null to let the kernel choose
 * @param fwmark               SO_MARK for the socket, 0 for none
 * @param connectTimeoutMicros connect_timeout: the time allowed for connecting (and the TLS handshake), for sending,
 *                             for the first reply and between reads; keepalived's unsigned 32-bit microseconds
 * @param tls                  SSL_GET's TLS, or null for HTTP_GET
 * @param request              the GET
 */
public record HttpGetTarget(InetSocketAddress destination, InetSocketAddress bindTo, int fwmark,
                            long connectTimeoutMicros, Tls tls, HttpRequest request) {
    private static final long MAX_TIMEOUT_MICROS = 0xffff_ffffL;

    public HttpGetTarget {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(request, "request");
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination: " + destination + " (expected an address)");
        }
        if (connectTimeoutMicros < 0 || connectTimeoutMicros > MAX_TIMEOUT_MICROS) {
            throw new IllegalArgumentException("connectTimeoutMicros: " + connectTimeoutMicros
                    + " (expected 0.." + MAX_TIMEOUT_MICROS + ")");
        }
    }

    /**
     * TLS without certificate verification, as keepalived's SSL_GET.
     *
     * @param sniHostName the name sent as SNI, or null to send none
     */
    public record Tls(String sniHostName) {
    }
}
