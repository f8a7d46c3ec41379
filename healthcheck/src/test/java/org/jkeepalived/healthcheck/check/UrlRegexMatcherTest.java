package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.HttpCheck;
import org.junit.jupiter.api.Test;

class UrlRegexMatcherTest {
    private final List<String> log = new ArrayList<>();

    /** Feeds the body in two reads, as a response split across reads arrives. */
    private boolean matches(HttpCheck.UrlRegex regex, String body) {
        UrlRegexMatcher.Subject subject = UrlRegexMatcher.compile(regex, log::add).orElseThrow().subject();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        int half = bytes.length / 2;
        subject.bodyDigested(bytes, 0, half, true);
        subject.bodyDigested(bytes, half, bytes.length - half, false);
        return subject.matched();
    }

    private static HttpCheck.UrlRegex regex(String pattern, long minOffset, long maxOffset, String... options) {
        return new HttpCheck.UrlRegex(pattern, List.of(options), false, minOffset, maxOffset);
    }

    @Test
    void aMatchAcrossTwoReadsCounts() {
        assertTrue(matches(regex("status: ok", 0, 0), "<html>status: ok</html>"));
        assertFalse(matches(regex("status: ok", 0, 0), "<html>status: down</html>"));
    }

    @Test
    void theFirstMatchFromTheMinimumOffsetMustStartNoLaterThanTheMaximum() {
        String body = "ok.....ok";
        // keepalived keeps regex_max_offset one past the last start allowed
        assertTrue(matches(regex("ok", 1, 8), body));
        assertFalse(matches(regex("ok", 1, 7), body));
        assertFalse(matches(regex("ok", 8, 0), body));
        assertFalse(matches(regex("ok", 100, 0), body));
    }

    @Test
    void pcreOptionsWithAJavaEquivalentApplyAndOnlyLineFeedEndsALine() {
        assertTrue(matches(regex("STATUS", 0, 0, "caseless"), "status"));
        assertFalse(matches(regex("STATUS", 0, 0), "status"));
        assertTrue(matches(regex("^two$", 0, 0, "multiline"), "one\ntwo\nthree"));
        assertTrue(matches(regex("a.b", 0, 0), "a\u0085b"));
        assertFalse(matches(regex("two", 0, 0, "firstline"), "one\ntwo"));
    }

    @Test
    void regexNoMatchPassesWhenThePatternIsAbsent() {
        UrlRegexMatcher matcher = UrlRegexMatcher.compile(new HttpCheck.UrlRegex("error", List.of(), true, 0, 0),
                log::add).orElseThrow();
        assertTrue(matcher.passesOn(false));
        assertFalse(matcher.passesOn(true));
    }

    @Test
    void aPatternThatDoesNotCompileIsLoggedAndDropped() {
        assertEquals(Optional.empty(), UrlRegexMatcher.compile(regex("(open", 0, 0), log::add));
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("Invalid regex: '(open' at offset "), log.get(0));
    }
}
