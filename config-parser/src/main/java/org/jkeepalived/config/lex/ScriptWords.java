package org.jkeepalived.config.lex;

import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;

/**
 * keepalived's shell-like tokeniser for script lines ({@code alloc_strvec_quoted_escaped}): single and double quotes,
 * backslash escapes. Used for {@code script}, {@code misc_path}, every {@code notify*} and {@code regex}.
 */
public final class ScriptWords {
    private ScriptWords() {
    }

    /** Splits {@code text}; a malformed text is reported at {@code at} and yields an empty list. */
    public static List<String> split(String text, Location at, Diagnostics diagnostics) {
        throw new UnsupportedOperationException("lexer: not yet written");
    }
}
