package org.jkeepalived.healthcheck.http;

import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * What keepalived 2.2.7 keeps of a response once the stream has ended.
 *
 * @param headerSeen        the end of the header ({@code \r\n\r\n}) arrived; keepalived says "no data" otherwise
 * @param statusCode        the status line's code, 0 when it is malformed (extract_status_code)
 * @param contentLength     the {@code Content-Length:} value as an unsigned long; {@link CNumbers#ULONG_MAX} (-1)
 *                          when absent or unreadable, as keepalived's SIZE_MAX
 * @param bodyBytesReceived the bytes after the header, all of them, whatever Content-Length says (rx_bytes)
 * @param md5               the MD5 over the body, cut at Content-Length; over nothing when no header was seen
 */
public record HttpResponse(boolean headerSeen, int statusCode, long contentLength, long bodyBytesReceived,
                           byte[] md5) {
    private static final int MD5_BYTES = 16;

    public HttpResponse {
        if (md5.length != MD5_BYTES) {
            throw new IllegalArgumentException("md5: " + md5.length + " bytes (expected " + MD5_BYTES + ")");
        }
        md5 = md5.clone();
    }

    @Override
    public byte[] md5() {
        return md5.clone();
    }

    /** The digest as genhash prints it and as {@code digest} is written: 32 lower-case hex digits. */
    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }

    public OptionalLong declaredContentLength() {
        return contentLength == CNumbers.ULONG_MAX ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }

    /** keepalived logs "content_length (%zu) does not match received bytes (%zu)" when this is true. */
    public boolean contentLengthMismatch() {
        return contentLength != CNumbers.ULONG_MAX && contentLength != bodyBytesReceived;
    }
}
