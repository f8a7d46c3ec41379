package org.jkeepalived.healthcheck.http;

/**
 * Sees each step of keepalived's response handling as it happens, which is when genhash -v prints its dumps. The
 * arrays are the parser's own: read them during the call only.
 */
public interface HttpResponseObserver {
    HttpResponseObserver NONE = new HttpResponseObserver() {
    };

    /** A read arrived while the header's end was still missing (genhash -v prints its header banner each time). */
    default void headerBufferRead() {
    }

    /** The header, up to and including its {@code \r\n\r\n}. */
    default void header(byte[] buffer, int length) {
    }

    /**
     * Body bytes that went into the digest.
     *
     * @param firstOfBody they came with the header's end, in the read that found it
     */
    default void bodyDigested(byte[] buffer, int offset, int length, boolean firstOfBody) {
    }
}
