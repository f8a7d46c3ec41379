package org.jkeepalived.healthcheck.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;

/**
 * A url's {@code regex} as keepalived 2.2.7's check_regex applies it, with java.util.regex over the body's bytes read
 * as ISO-8859-1 (so that a character is a byte, as for PCRE2 without {@code utf}): the first match starting at or
 * after {@code regex_min_offset} counts, and only if it starts no later than {@code regex_max_offset}. The PCRE2
 * options with a java.util.regex equivalent are mapped; docs/checkers.md lists the differences.
 */
final class UrlRegexMatcher {
    /** PCRE2 is built to take only LF as a newline, which UNIX_LINES gives java.util.regex. */
    private static final Map<String, Integer> FLAGS = Map.of("caseless", Pattern.CASE_INSENSITIVE,
            "multiline", Pattern.MULTILINE, "dotall", Pattern.DOTALL, "extended", Pattern.COMMENTS,
            "ucp", Pattern.UNICODE_CHARACTER_CLASS);

    private final Pattern pattern;
    private final HttpCheck.UrlRegex regex;
    private final boolean firstLine;

    private UrlRegexMatcher(Pattern pattern, HttpCheck.UrlRegex regex) {
        this.pattern = pattern;
        this.regex = regex;
        this.firstLine = regex.options().contains("firstline");
    }

    /**
     * prepare_regex: the compiled pattern, or empty (logged as keepalived logs it) when it does not compile; the url
     * is then checked without it.
     */
    static Optional<UrlRegexMatcher> compile(HttpCheck.UrlRegex regex, Consumer<String> log) {
        int flags = Pattern.UNIX_LINES;
        for (String option : regex.options()) {
            flags |= FLAGS.getOrDefault(option, 0);
        }
        try {
            return Optional.of(new UrlRegexMatcher(Pattern.compile(regex.pattern(), flags), regex));
        } catch (PatternSyntaxException e) {
            log.accept("Invalid regex: '" + regex.pattern() + "' at offset " + Math.max(0, e.getIndex()) + ": "
                    + e.getDescription());
            return Optional.empty();
        }
    }

    /** regex_no_match: the url passes when the pattern does not match. */
    boolean passesOn(boolean matched) {
        return matched != regex.noMatch();
    }

    /** Collects the body of one response and tells whether it matched. */
    Subject subject() {
        return new Subject();
    }

    final class Subject implements HttpResponseObserver {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void bodyDigested(byte[] buffer, int offset, int length, boolean firstOfBody) {
            body.write(buffer, offset, length);
        }

        boolean matched() {
            String text = body.toString(StandardCharsets.ISO_8859_1);
            if (regex.minOffset() > text.length()) {
                return false;
            }
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find((int) regex.minOffset())) {
                return false;
            }
            if (firstLine) {
                int newline = text.indexOf('\n');
                if (newline >= 0 && matcher.start() > newline) {
                    return false;
                }
            }
            return regex.maxOffset() == 0 || matcher.start() < regex.maxOffset();
        }
    }
}
