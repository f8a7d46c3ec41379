package org.jkeepalived.config.lex;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Severity;

/** keepalived 2.2.7's general tokeniser {@code alloc_strvec_r}: blanks separate, only a leading {@code "} quotes. */
final class GeneralWords {
    private GeneralWords() {
    }

    static List<String> split(String text, Reporter reporter) {
        List<String> words = new ArrayList<>();
        int p = 0;
        while (true) {
            p = Scan.skip(text, p, Scan.WHITE_SPACE);
            if (p == text.length()) {
                break;
            }
            if (text.charAt(p) == '"') {
                int close = text.indexOf('"', p + 1);
                if (close < 0) {
                    reporter.report(Severity.UNMATCHED_QUOTE, "Unmatched quote: '" + text + "'");
                    break;
                }
                words.add(text.substring(p + 1, close));
                p = close + 1;
            } else {
                int end = Scan.skipUntil(text, p, Scan.WHITE_SPACE + "\"");
                words.add(text.substring(p, end));
                p = end;
            }
        }
        return words;
    }
}
