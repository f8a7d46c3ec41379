package org.jkeepalived.healthcheck.http;

import java.util.Objects;
import java.util.Optional;

/** How one GET ended. */
public sealed interface HttpGetResult {
    /** How the response stream ended; keepalived treats the three differently. */
    enum End {
        /** End of file on a plain connection, or a header too long for keepalived's buffer. */
        END_OF_STREAM,
        /** The server's TLS close_notify (OpenSSL's SSL_ERROR_ZERO_RETURN). */
        TLS_CLOSE_NOTIFY,
        /** A TLS connection that stopped without close_notify, was reset, or broke the protocol. */
        TLS_ABORTED
    }

    /** The stream ended and the response is what keepalived would judge. */
    record Received(HttpResponse response, End end) implements HttpGetResult {
        public Received {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(end, "end");
        }

        /** keepalived finishes its read loop normally (and genhash -v prints the digest dump) except on TLS errors. */
        public boolean orderlyEnd() {
            return end != End.TLS_ABORTED;
        }

        /** keepalived 2.2.7 calls a clean TLS close before the end of the header "SSL read error from". */
        public Optional<HttpFailure> failure() {
            return end == End.TLS_CLOSE_NOTIFY && !response.headerSeen()
                    ? Optional.of(HttpFailure.SSL_READ_ERROR) : Optional.empty();
        }
    }

    record Failed(HttpFailure failure) implements HttpGetResult {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
