package org.jkeepalived.cli;

/**
 * An option of a program's table, declared as keepalived declares its options to {@code getopt_long}: an optional
 * short letter, a long name and whether an argument follows. Programs list their options as an enum of these.
 */
public interface GnuOption {
    /** The short letter of an option that has only a long name. */
    char LONG_ONLY = '\0';

    Spec spec();

    /**
     * @param shortName the letter of the short form, or {@link #LONG_ONLY}
     * @param longName  the long name, without its leading {@code --}
     */
    record Spec(char shortName, String longName, Argument argument) {
        public Spec {
            if (longName.isEmpty() || longName.startsWith("-") || longName.contains("=")) {
                throw new IllegalArgumentException("longName: '" + longName + "' (expected a name without - or =)");
            }
        }
    }

    enum Argument {
        NONE,
        /** The rest of the word, or else the next word whatever it looks like. */
        REQUIRED,
        /** Only when attached, {@code -tFILE} or {@code --config-test=FILE}: a separate word is not its value. */
        OPTIONAL
    }
}
