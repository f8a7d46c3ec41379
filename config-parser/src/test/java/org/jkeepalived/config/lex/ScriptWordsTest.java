package org.jkeepalived.config.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;

class ScriptWordsTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final Location at = new Location("keepalived.conf", 3);

    private List<String> split(String text) {
        return ScriptWords.split(text, at, diagnostics);
    }

    @Test
    void quotesGroupWordsAndMayBeConcatenated() {
        assertEquals(List.of("notify", "/x.sh 'a b' c", "user"), split("notify \"/x.sh 'a b' c\" user"));
        assertEquals(List.of("ab cd", "it's"), split("ab\" c\"d 'it'\"'\"'s'"));
        assertEquals(List.of("/x.sh", "a b", "c"), split("/x.sh 'a b' c"));
        assertEquals(List.of(""), split("''"));
    }

    @Test
    void backslashEscapesAreDecodedInAndOutOfQuotes() {
        assertEquals(List.of("a\tb\n", "\\\"", "A", "\u001b", "\u0001", "S", "x"),
                split("a\\tb\\n \\\\\\\" \\x41 \\E \\cA \\123 \\x"));
        assertEquals(List.of("é"), split("\\xc3\\xa9"));
        assertEquals(List.of("q'\"z"), split("'q\\'\"z'"));
    }

    @Test
    void anUnterminatedQuoteIsAnUnmatchedQuoteError() {
        assertEquals(List.of(), split("echo \"abc"));
        assertEquals(List.of(new Diagnostic(Severity.UNMATCHED_QUOTE, at,
                "String 'echo \"abc': missing terminating \"")), diagnostics.list());
    }

    @Test
    void aTrailingBackslashIsLoggedAndYieldsNothing() {
        assertEquals(List.of(), split("echo abc\\"));
        assertEquals("Missing escape char at end: 'echo abc\\'", diagnostics.list().get(0).message());
        assertEquals(Severity.OK, diagnostics.worst());
    }
}
