package org.jkeepalived.healthcheck.http;

/** The C library's number reading that keepalived's response parsing relies on, byte for byte. */
final class CNumbers {
    /** ULONG_MAX (and SIZE_MAX) as a Java long read unsigned. */
    static final long ULONG_MAX = -1L;

    /**
     * What strtoul(s, &end, 10) returns.
     *
     * @param value the unsigned long, read with {@link Long#compareUnsigned}
     * @param end   the index of the first byte not read; the start when no digit was read
     */
    record Parsed(long value, int end) {
    }

    private CNumbers() {
    }

    /** strtoul over {@code bytes} from {@code start}; {@code limit} is where the C string's NUL stands. */
    static Parsed strtoul(byte[] bytes, int start, int limit) {
        int at = start;
        while (at < limit && isCSpace(bytes[at])) {
            at++;
        }
        boolean negative = false;
        if (at < limit && (bytes[at] == '+' || bytes[at] == '-')) {
            negative = bytes[at] == '-';
            at++;
        }
        int firstDigit = at;
        long value = 0;
        boolean overflow = false;
        while (at < limit && bytes[at] >= '0' && bytes[at] <= '9') {
            int digit = bytes[at] - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(ULONG_MAX - digit, 10)) > 0) {
                overflow = true;
            } else {
                value = value * 10 + digit;
            }
            at++;
        }
        if (at == firstDigit) {
            return new Parsed(0, start);
        }
        if (overflow) {
            return new Parsed(ULONG_MAX, at);
        }
        return new Parsed(negative ? -value : value, at);
    }

    /** isspace in the C locale. */
    private static boolean isCSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0b || b == '\f' || b == '\r';
    }
}
