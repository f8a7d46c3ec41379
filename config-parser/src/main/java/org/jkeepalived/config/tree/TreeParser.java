package org.jkeepalived.config.tree;

import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.lex.Line;

/**
 * keepalived 2.2.7's {@code process_stream}: logical lines to the tree of keywords, with its handling of unknown
 * keywords and of missing and extra braces.
 */
public final class TreeParser {
    private TreeParser() {
    }

    /** The root node: empty keyword, the root keywords as children. */
    public static ConfigNode parse(List<Line> lines, Diagnostics diagnostics) {
        throw new UnsupportedOperationException("tree: not yet written");
    }
}
