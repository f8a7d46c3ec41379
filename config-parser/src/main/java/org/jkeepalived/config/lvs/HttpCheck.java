package org.jkeepalived.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.Location;

/**
 * {@code HTTP_GET} or, with {@code tls}, {@code SSL_GET}.
 *
 * @param virtualhost the Host header unless a url sets its own; from the real or virtual server when not given here
 */
public record HttpCheck(Location location, CheckerTiming timing, ConnectionOptions connection, boolean tls,
                        HttpVersion httpProtocol, Optional<String> virtualhost, boolean enableSni,
                        boolean fastRecovery, List<Url> urls) implements Checker {

    public HttpCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(httpProtocol, "httpProtocol");
        Objects.requireNonNull(virtualhost, "virtualhost");
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("urls: empty (expected at least one)");
        }
    }

    /** {@code http_protocol}: 1.0, 1.0 with {@code Connection: close} (1.0C) or 1.1. */
    public enum HttpVersion {
        HTTP_1_0,
        HTTP_1_0C,
        HTTP_1_1
    }

    /**
     * A {@code url} block.
     *
     * @param digestHex   the expected MD5 of the body in lower-case hex
     * @param statusCodes the accepted status codes as sorted disjoint ranges (200-299 when none is given)
     */
    public record Url(String path, Optional<String> digestHex, List<StatusCodeRange> statusCodes,
                      Optional<String> virtualhost, Optional<UrlRegex> regex) {

        public Url {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(digestHex, "digestHex");
            Objects.requireNonNull(virtualhost, "virtualhost");
            Objects.requireNonNull(regex, "regex");
            statusCodes = List.copyOf(statusCodes);
        }
    }

    public record StatusCodeRange(int first, int last) {

        public StatusCodeRange {
            if (first < 100 || last > 599 || first > last) {
                throw new IllegalArgumentException("status codes: " + first + "-" + last + " (expected 100..599)");
            }
        }
    }

    /**
     * {@code regex} and its options; the pattern is PCRE2 and is compiled by the checker, not here.
     *
     * @param maxOffset one past the last position a match may start at, 0 for no limit (as keepalived keeps it)
     */
    public record UrlRegex(String pattern, List<String> options, boolean noMatch, long minOffset, long maxOffset) {

        public UrlRegex {
            Objects.requireNonNull(pattern, "pattern");
            options = List.copyOf(options);
        }
    }
}
