package org.jkeepalived.config.lex;

import java.util.List;

/**
 * Follows {@code include_check} in {@code global_defs}, which in keepalived changes, from the next line on, how
 * strictly later includes are checked. Its messages are the global_defs keyword's, reported by its builder.
 */
final class IncludeCheckTracker {
    private int depth;
    private String rootKeyword = "";

    /** The include check in force after the line with these words. */
    int apply(List<String> words, int includeCheck) {
        String first = words.get(0);
        if (first.equals("{")) {
            depth++;
        } else if (first.equals("}")) {
            depth = Math.max(0, depth - 1);
        } else if (depth == 0) {
            rootKeyword = first;
        } else if (depth == 1 && rootKeyword.equals("global_defs") && first.equals("include_check")) {
            return parse(words, includeCheck);
        }
        return includeCheck;
    }

    /** keepalived's include_check_set. */
    private static int parse(List<String> words, int includeCheck) {
        if (words.size() == 1) {
            return LineReader.INCLUDE_ALL;
        }
        int check = includeCheck;
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            char sign = word.isEmpty() ? '\0' : word.charAt(0);
            boolean signed = sign == '+' || sign == '-';
            if (!signed && i > 1) {
                continue;
            }
            if (!signed) {
                check = 0;
            }
            int flag = switch (signed ? word.substring(1) : word) {
                case "read" -> 0x01;
                case "match" -> 0x02;
                case "wildcard_match" -> 0x04;
                case "brace_match" -> 0x08;
                default -> 0;
            };
            if (flag != 0) {
                if (!signed) {
                    check = 0x01 | flag;
                } else if (sign == '+') {
                    check |= flag;
                } else {
                    check &= ~flag;
                }
            }
        }
        return check;
    }
}
