package org.jkeepalived.config.lex;

import org.jkeepalived.config.Severity;

/** keepalived 2.2.7's {@code decomment}. */
final class Comments {
    private Comments() {
    }

    /**
     * Removes leading blanks, the comment ({@code #} or {@code !} outside double quotes), the backslash of
     * {@code \#} and {@code \!} outside double quotes, and trailing blanks (also those before a final backslash).
     */
    static void decomment(StringBuilder line, Reporter reporter) {
        line.delete(0, Scan.skip(line, 0, Scan.BLANKS));
        boolean quoted = false;
        boolean continued = false;
        int commentStart = -1;
        int p = 0;
        while (p < line.length()) {
            char c = line.charAt(p);
            if (c == '"') {
                // keepalived keeps scanning after the comment start, but quotes there no longer count
                if (commentStart < 0) {
                    quoted = !quoted;
                }
                p++;
            } else if (c == '\\') {
                if (p + 1 == line.length()) {
                    line.setLength(p);
                    continued = true;
                    break;
                }
                char escaped = line.charAt(p + 1);
                if (!quoted && (escaped == '#' || escaped == '!')) {
                    line.deleteCharAt(p);
                    p++;
                } else {
                    p += 2;
                }
            } else {
                if ((c == '#' || c == '!') && !quoted && commentStart < 0) {
                    commentStart = p;
                }
                p++;
            }
        }
        if (quoted) {
            reporter.report(Severity.GENERAL_ERROR, "Unterminated quote '" + line + "'");
        }
        if (commentStart >= 0) {
            line.setLength(commentStart);
        }
        Scan.trimTrailingBlanks(line);
        if (continued) {
            line.append('\\');
        }
    }
}
