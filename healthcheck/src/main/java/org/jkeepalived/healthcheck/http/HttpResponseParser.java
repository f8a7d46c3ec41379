package org.jkeepalived.healthcheck.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * keepalived 2.2.7's handling of the response stream (http_process_response with lib/html.c), fed with the bytes as
 * they arrive. The header is gathered in keepalived's 4096-byte buffer and read there; the body streams through MD5,
 * cut at Content-Length; chunked bodies are hashed with their chunk framing, as keepalived does.
 */
public final class HttpResponseParser {
    /** keepalived reads into a MAX_BUFFER_LENGTH (4096) buffer, keeping a byte for the terminating NUL. */
    static final int BUFFER_BYTES = 4095;
    private static final byte[] CONTENT_LENGTH = "Content-Length:".getBytes(StandardCharsets.US_ASCII);

    private final HttpResponseObserver observer;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final MessageDigest md5;
    private int buffered;
    private boolean headerSeen;
    private boolean bufferFull;
    private int statusCode;
    private long contentLength = CNumbers.ULONG_MAX;
    private long bodyBytesReceived;

    public HttpResponseParser(HttpResponseObserver observer) {
        this.observer = observer;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * Takes bytes from the stream, as keepalived's reads would take them: none of a read goes beyond the free room
     * of the buffer.
     *
     * @return false when a header longer than the buffer filled it: keepalived's next read asks for 0 bytes, gets 0
     *         and takes that for the end of the stream; the remaining bytes are not read
     */
    public boolean receive(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int room = BUFFER_BYTES - buffered;
            if (room == 0) {
                bufferFull = true;
                return false;
            }
            int read = Math.min(room, end - at);
            System.arraycopy(bytes, at, buffer, buffered, read);
            at += read;
            handleRead(read);
        }
        return true;
    }

    /** A header longer than the buffer was met: the stream counts as ended. */
    public boolean bufferFull() {
        return bufferFull;
    }

    /** What keepalived knows of the response when the stream ends. */
    public HttpResponse finish() {
        return new HttpResponse(headerSeen, statusCode, contentLength, bodyBytesReceived, md5.digest());
    }

    private void handleRead(int read) {
        int readStart = buffered;
        buffered += read;
        if (headerSeen) {
            digestBody(readStart, read, false);
            bodyBytesReceived += read;
            buffered = 0;
            return;
        }
        observer.headerBufferRead();
        int bodyStart = bodyStart();
        if (bodyStart < 0) {
            return;
        }
        headerSeen = true;
        statusCode = statusCode();
        contentLength = contentLength();
        observer.header(buffer, bodyStart);
        int bodyBytes = buffered - bodyStart;
        if (bodyBytes > 0) {
            digestBody(bodyStart, bodyBytes, true);
        }
        bodyBytesReceived = bodyBytes;
        buffered = 0;
    }

    /** Digests the part of a read that Content-Length still allows. */
    private void digestBody(int offset, int length, boolean firstOfBody) {
        boolean unlimited = contentLength == CNumbers.ULONG_MAX;
        if (!unlimited && Long.compareUnsigned(contentLength, bodyBytesReceived) <= 0) {
            return;
        }
        long allowed = contentLength - bodyBytesReceived;
        int digested = unlimited || Long.compareUnsigned(allowed, length) >= 0 ? length : (int) allowed;
        md5.update(buffer, offset, digested);
        observer.bodyDigested(buffer, offset, digested, firstOfBody);
    }

    /** extract_html: the first byte after the first {@code \r\n\r\n}, or -1. */
    private int bodyStart() {
        for (int at = 0; at + 3 < buffered; at++) {
            if (buffer[at] == '\r' && buffer[at + 1] == '\n' && buffer[at + 2] == '\r' && buffer[at + 3] == '\n') {
                return at + 4;
            }
        }
        return -1;
    }

    /**
     * extract_status_code: the three characters after the first space of the status line, which must be followed
     * by a space, read by strtoul (so leading blanks and a sign count); 0 when anything is off.
     */
    private int statusCode() {
        int at = 0;
        while (at < buffered && buffer[at] != ' ' && buffer[at] != '\r') {
            at++;
        }
        if (at == buffered || buffer[at] != ' ') {
            return 0;
        }
        at++;
        if (at + 3 >= buffered || buffer[at] == ' ' || buffer[at + 3] != ' ') {
            return 0;
        }
        CNumbers.Parsed code = CNumbers.strtoul(buffer, at, buffered);
        return code.end() == at + 3 ? (int) code.value() : 0;
    }

    /**
     * extract_content_length: strstr for the case-sensitive {@code Content-Length:} anywhere in the buffer (body
     * bytes of this read included), up to the first NUL; strtoul after it, which must end the line.
     */
    private long contentLength() {
        int found = indexOf(CONTENT_LENGTH, stringEnd());
        if (found < 0) {
            return CNumbers.ULONG_MAX;
        }
        CNumbers.Parsed length = CNumbers.strtoul(buffer, found + CONTENT_LENGTH.length, buffered);
        int end = length.end();
        if (end < buffered && buffer[end] != 0 && buffer[end] != '\r' && buffer[end] != '\n') {
            return CNumbers.ULONG_MAX;
        }
        return length.value();
    }

    /** Where strstr stops: the first NUL, or the terminator keepalived writes after the data. */
    private int stringEnd() {
        for (int at = 0; at < buffered; at++) {
            if (buffer[at] == 0) {
                return at;
            }
        }
        return buffered;
    }

    private int indexOf(byte[] needle, int limit) {
        for (int at = 0; at + needle.length <= limit; at++) {
            if (Arrays.equals(buffer, at, at + needle.length, needle, 0, needle.length)) {
                return at;
            }
        }
        return -1;
    }
}
