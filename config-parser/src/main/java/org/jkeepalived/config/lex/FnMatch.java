package org.jkeepalived.config.lex;

/** fnmatch(3) with {@code FNM_PERIOD} for one path component, as glob(3) applies it to directory entries. */
final class FnMatch {
    private static final int NO_BRACKET = -1;

    private FnMatch() {
    }

    static boolean matches(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".") && !pattern.startsWith("\\.")) {
            return false;
        }
        int p = 0;
        int n = 0;
        int starPattern = -1;
        int starName = -1;
        while (n < name.length()) {
            int next = matchOne(pattern, p, name.charAt(n));
            if (next == -2) {
                starPattern = ++p;
                starName = n;
            } else if (next >= 0) {
                p = next;
                n++;
            } else if (starPattern >= 0) {
                p = starPattern;
                n = ++starName;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The pattern index after matching {@code c} at {@code p}; -1 for no match, -2 for a {@code *}. */
    private static int matchOne(String pattern, int p, char c) {
        if (p >= pattern.length()) {
            return -1;
        }
        char want = pattern.charAt(p);
        if (want == '*') {
            return -2;
        }
        if (want == '?') {
            return p + 1;
        }
        if (want == '[') {
            int end = bracketEnd(pattern, p);
            if (end != NO_BRACKET) {
                return bracketMatches(pattern, p + 1, end, c) ? end + 1 : -1;
            }
        }
        if (want == '\\' && p + 1 < pattern.length()) {
            return pattern.charAt(p + 1) == c ? p + 2 : -1;
        }
        return want == c ? p + 1 : -1;
    }

    /** The index of the {@code ]} closing the bracket expression opened at {@code open}, or NO_BRACKET. */
    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (Scan.at(pattern, i) == '!' || Scan.at(pattern, i) == '^') {
            i++;
        }
        if (Scan.at(pattern, i) == ']') {
            i++;
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '[' && Scan.at(pattern, i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i += c == '\\' ? 2 : 1;
            }
        }
        return NO_BRACKET;
    }

    private static boolean bracketMatches(String pattern, int from, int end, char c) {
        int i = from;
        boolean negated = pattern.charAt(i) == '!' || pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        boolean matched = false;
        boolean first = true;
        while (i < end && !(pattern.charAt(i) == ']' && !first)) {
            first = false;
            if (pattern.charAt(i) == '[' && Scan.at(pattern, i + 1) == ':' && pattern.indexOf(":]", i + 2) >= 0) {
                int close = pattern.indexOf(":]", i + 2);
                matched |= inClass(pattern.substring(i + 2, close), c);
                i = close + 2;
                continue;
            }
            if (pattern.charAt(i) == '\\' && i + 1 < end) {
                i++;
            }
            char low = pattern.charAt(i++);
            char high = low;
            if (i + 1 < end && pattern.charAt(i) == '-') {
                int hi = i + 1;
                if (pattern.charAt(hi) == '\\' && hi + 1 < end) {
                    hi++;
                }
                high = pattern.charAt(hi);
                i = hi + 1;
            }
            matched |= c >= low && c <= high;
        }
        return matched != negated;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Scan.isAlpha(c);
            case "digit" -> Scan.isDigit(c);
            case "alnum" -> Scan.isAlpha(c) || Scan.isDigit(c);
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "xdigit" -> Scan.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "space" -> Scan.isSpace(c);
            case "blank" -> Scan.isBlank(c);
            case "cntrl" -> c < 0x20 || c == 0x7f;
            case "print" -> c >= 0x20 && c < 0x7f;
            case "graph" -> c > 0x20 && c < 0x7f;
            case "punct" -> c > 0x20 && c < 0x7f && !Scan.isAlpha(c) && !Scan.isDigit(c);
            default -> false;
        };
    }
}
