package org.jkeepalived.config.lex;

import java.util.List;
import org.jkeepalived.config.Location;

/**
 * One logical line as keepalived's line reader hands it to the keyword parser: comments removed, conditionals,
 * parameters and sequences applied, includes followed, and split at braces (a lone {@code {} or {@code }} is a line
 * of its own).
 *
 * @param location the physical line it came from
 * @param words    the line split by the general tokeniser (double quotes only, quotes removed)
 * @param text     the line's text before tokenising, which script keywords re-tokenise with the shell-like rules
 */
public record Line(Location location, List<String> words, String text) {

    public Line {
        words = List.copyOf(words);
    }
}
