package org.jkeepalived.config.lex;

import java.nio.charset.StandardCharsets;

/** A config file's bytes, handed out as keepalived's {@code fgets} into its 1024-byte buffer hands them out. */
final class SourceFile {
    private static final int FGETS_MAX_BYTES = 1024 - 1;

    /** One fgets result: its text without line end, and whether it ended a line (which counts the line). */
    record Chunk(String text, boolean endsLine) {
    }

    private final byte[] bytes;
    private int position;

    SourceFile(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The next chunk, or null at the end of the file. */
    Chunk next() {
        if (position >= bytes.length) {
            return null;
        }
        int start = position;
        int limit = Math.min(bytes.length, start + FGETS_MAX_BYTES);
        int end = start;
        while (end < limit && bytes[end] != '\n') {
            end++;
        }
        if (end < limit) {
            end++;
        }
        position = end;
        // keepalived measures the chunk with strlen, so a NUL byte ends it (and hides its line end)
        int length = 0;
        while (start + length < end && bytes[start + length] != 0) {
            length++;
        }
        boolean endsLine = length > 0 && bytes[start + length - 1] == '\n';
        while (length > 0 && (bytes[start + length - 1] == '\n' || bytes[start + length - 1] == '\r')) {
            length--;
        }
        return new Chunk(new String(bytes, start, length, StandardCharsets.UTF_8), endsLine);
    }
}
