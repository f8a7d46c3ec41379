package org.jkeepalived.config.lvs;

import java.util.Optional;

/**
 * keepalived's {@code read_hex_str}: hex octets, blanks between octets optional, a lone digit before a blank being
 * one octet; with wildcards, {@code x}/{@code X} nibbles match anything.
 */
final class HexString {
    private static final String DIGITS = "0123456789ABCDEF";

    private HexString() {
    }

    /** The octets as upper-case hex pairs ({@code X} for wildcard nibbles), or empty where keepalived rejects it. */
    static Optional<String> read(String text, boolean allowWildcard) {
        StringBuilder octets = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            char high = nibble(text.charAt(i++), allowWildcard);
            if (high == 0) {
                return Optional.empty();
            }
            char low = high;
            high = '0';
            if (i < text.length() && text.charAt(i) != ' ') {
                high = low;
                low = nibble(text.charAt(i++), allowWildcard);
                if (low == 0) {
                    return Optional.empty();
                }
            }
            octets.append(high).append(low);
        }
        return octets.length() == 0 ? Optional.empty() : Optional.of(octets.toString());
    }

    /** The nibble in upper case, {@code X} for a wildcard, or 0 for anything else. */
    private static char nibble(char c, boolean allowWildcard) {
        char upper = Character.toUpperCase(c);
        if (c < 0x80 && DIGITS.indexOf(upper) >= 0) {
            return upper;
        }
        return allowWildcard && upper == 'X' ? 'X' : 0;
    }
}
