package org.jkeepalived.config.lex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;

/**
 * keepalived's shell-like tokeniser for script lines ({@code alloc_strvec_quoted_escaped}): single and double quotes,
 * backslash escapes. Used for {@code script}, {@code misc_path}, every {@code notify*} and {@code regex}.
 */
public final class ScriptWords {
    private static final String UNQUOTED_STOPS = Scan.WHITE_SPACE + "'\"\\";

    private ScriptWords() {
    }

    /** Splits {@code text}; a malformed text is reported at {@code at} and yields an empty list. */
    public static List<String> split(String text, Location at, Diagnostics diagnostics) {
        return split(text, (severity, message) -> diagnostics.report(severity, at, message));
    }

    static List<String> split(String text, Reporter reporter) {
        List<String> words = new ArrayList<>();
        // escapes such as \xc3\xa9 produce bytes, so a word is built as bytes and decoded as UTF-8 at its end
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        char quote = 0;
        int p = 0;
        while (true) {
            p = Scan.skip(text, p, Scan.WHITE_SPACE);
            if (p == text.length()) {
                return words;
            }
            word.reset();
            while (p < text.length()) {
                String stops = quote == 0 ? UNQUOTED_STOPS : quote == '"' ? "\"\\" : "'\\";
                int stop = Scan.skipUntil(text, p, stops);
                if (stop == text.length() && quote != 0) {
                    reporter.report(Severity.UNMATCHED_QUOTE,
                            "String '" + text + "': missing terminating " + quote);
                    return List.of();
                }
                appendUtf8(word, text, p, stop);
                p = stop;
                if (p == text.length()) {
                    break;
                }
                char c = text.charAt(p);
                if (c == '\\') {
                    if (p + 1 == text.length()) {
                        // keepalived logs this (log_message) rather than reporting a config error
                        reporter.report(Severity.OK, "Missing escape char at end: '" + text + "'");
                        return List.of();
                    }
                    p = appendEscape(word, text, p + 1);
                } else if (quote != 0) {
                    quote = 0;
                    p++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    p++;
                } else {
                    break;
                }
            }
            words.add(decode(word.toByteArray()));
        }
    }

    /** Appends the byte that the escape starting at {@code p} (after the backslash) stands for; returns its end. */
    private static int appendEscape(ByteArrayOutputStream word, String text, int p) {
        char c = text.charAt(p);
        int value;
        if (c == 'x' && Character.digit(Scan.at(text, p + 1), 16) >= 0 && Scan.at(text, p + 1) < 0x80) {
            value = 0;
            p++;
            for (int digit; (digit = Character.digit(Scan.at(text, p), 16)) >= 0 && Scan.at(text, p) < 0x80; p++) {
                value = (value << 4) | digit;
            }
        } else if (c == 'c' && p + 1 < text.length()) {
            value = text.charAt(p + 1) & 0x1f;
            p += 2;
        } else if (c >= '0' && c <= '7') {
            value = c - '0';
            p++;
            for (int more = 0; more < 2 && Scan.at(text, p) >= '0' && Scan.at(text, p) <= '7'; more++, p++) {
                value = (value << 3) + text.charAt(p) - '0';
            }
        } else {
            value = switch (c) {
                case 'a' -> 0x07;
                case 'b' -> '\b';
                case 'E' -> 0x1b;
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'v' -> 0x0b;
                default -> -1;
            };
            if (value < 0) {
                appendUtf8(word, text, p, p + Character.charCount(text.codePointAt(p)));
                return p + Character.charCount(text.codePointAt(p));
            }
            p++;
        }
        // keepalived computes escapes in a C char, so only the low 8 bits survive
        word.write(value & 0xff);
        return p;
    }

    private static void appendUtf8(ByteArrayOutputStream word, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                word.write(c);
            } else {
                byte[] bytes = text.substring(i, to).getBytes(StandardCharsets.UTF_8);
                word.write(bytes, 0, bytes.length);
                return;
            }
        }
    }

    /** keepalived copies each word with {@code strndup}, so an escaped NUL ends it. */
    private static String decode(byte[] bytes) {
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
