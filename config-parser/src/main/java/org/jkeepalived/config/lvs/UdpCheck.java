package org.jkeepalived.config.lvs;

import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.Location;

/**
 * {@code UDP_CHECK}: the real server is up while a datagram sent to it draws no ICMP error (or, with
 * {@code require_reply}, draws a matching reply).
 *
 * @param payloadHex   the datagram as upper-case hex; empty means keepalived's default payload
 * @param replyPattern the reply expected, upper-case hex where {@code X} matches any nibble; empty means any reply
 */
public record UdpCheck(Location location, CheckerTiming timing, ConnectionOptions connection,
                       Optional<String> payloadHex, boolean requireReply, Optional<String> replyPattern,
                       int minReplyLength, int maxReplyLength) implements Checker {

    public UdpCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(payloadHex, "payloadHex");
        Objects.requireNonNull(replyPattern, "replyPattern");
        if (minReplyLength < 0 || minReplyLength > 65535) {
            throw new IllegalArgumentException("minReplyLength: " + minReplyLength + " (expected 0..65535)");
        }
        if (maxReplyLength < 0 || maxReplyLength > 65535) {
            throw new IllegalArgumentException("maxReplyLength: " + maxReplyLength + " (expected 0..65535)");
        }
    }
}
