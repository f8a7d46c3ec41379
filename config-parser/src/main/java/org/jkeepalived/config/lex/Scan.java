package org.jkeepalived.config.lex;

/** The C string scanning primitives keepalived's parser is written with, over Java character sequences. */
final class Scan {
    static final String BLANKS = " \t";
    static final String WHITE_SPACE = " \t\f\n\r\013";

    private Scan() {
    }

    /** The character at {@code i}, or NUL past the end, as a C string reads. */
    static char at(CharSequence s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** {@code strspn}: the index of the first character at or after {@code from} that is not in {@code set}. */
    static int skip(CharSequence s, int from, String set) {
        int i = from;
        while (i < s.length() && set.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** {@code strcspn}: the index of the first character at or after {@code from} that is in {@code set}. */
    static int skipUntil(CharSequence s, int from, String set) {
        int i = from;
        while (i < s.length() && set.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isSpace(char c) {
        return c != '\0' && WHITE_SPACE.indexOf(c) >= 0;
    }

    /** C's {@code isalpha} in the C locale. */
    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameChar(char c) {
        return isAlpha(c) || isDigit(c) || c == '_';
    }

    /** Removes trailing spaces and tabs. */
    static void trimTrailingBlanks(StringBuilder s) {
        int len = s.length();
        while (len > 0 && isBlank(s.charAt(len - 1))) {
            len--;
        }
        s.setLength(len);
    }

    /** The length in bytes that keepalived's 1024-byte buffers count. */
    static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The result of {@link #strtol}: the value and the index just after the number (or {@code from} if none). */
    record Number(long value, int end) {
    }

    /** C's {@code strtol(s, &end, 0)}: blanks, sign, {@code 0x} hex or leading-0 octal, clamped on overflow. */
    static Number strtol(CharSequence s, int from) {
        int i = from;
        while (isSpace(at(s, i))) {
            i++;
        }
        boolean negative = false;
        if (at(s, i) == '+' || at(s, i) == '-') {
            negative = at(s, i) == '-';
            i++;
        }
        int radix = 10;
        if (at(s, i) == '0' && (at(s, i + 1) == 'x' || at(s, i + 1) == 'X')
                && Character.digit(at(s, i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (at(s, i) == '0') {
            radix = 8;
        }
        int digitsStart = i;
        long magnitude = 0;
        boolean overflow = false;
        for (int digit; (digit = Character.digit(at(s, i), radix)) >= 0 && at(s, i) < 0x80; i++) {
            if (magnitude > (Long.MAX_VALUE - digit) / radix) {
                overflow = true;
            } else {
                magnitude = magnitude * radix + digit;
            }
        }
        if (i == digitsStart) {
            return new Number(0, from);
        }
        if (overflow) {
            return new Number(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i);
        }
        return new Number(negative ? -magnitude : magnitude, i);
    }
}
