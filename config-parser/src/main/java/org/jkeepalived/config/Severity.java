package org.jkeepalived.config;

/**
 * The classes of config error, in the order of keepalived 2.2.7's {@code config_err_t} (lib/parser.h). As in
 * keepalived, a load remembers the numerically largest class it saw, and that class alone decides both the
 * {@code -t} exit status and whether the daemon may start.
 */
public enum Severity {
    OK,
    /* keepalived cannot run the config */
    FILE_NOT_FOUND,
    BAD_IF,
    FATAL,
    /* config errors, but keepalived still runs */
    MULTIPLE_FILES,
    UNKNOWN_KEYWORD,
    UNEXPECTED_BOB,
    MISSING_BOB,
    UNEXPECTED_EOB,
    MISSING_EOB,
    UNMATCHED_QUOTE,
    MISSING_PARAMETER,
    INVALID_NUMBER,
    GENERAL_ERROR,
    WARNING,
    DEPRECATED,
    /* scripts are configured but script security is not enabled */
    SECURITY_ERROR;

    /**
     * keepalived's {@code KEEPALIVED_CHK_EXIT_*} for {@code --config-test}: 0 good, 4 cannot run, 5 errors,
     * 6 security.
     */
    public int configTestExitStatus() {
        return switch (this) {
            case OK -> 0;
            case FILE_NOT_FOUND, BAD_IF, FATAL -> 4;
            case SECURITY_ERROR -> 6;
            default -> 5;
        };
    }

    /** Whether the daemon refuses to start (or to apply a reload) when this is the worst class seen. */
    public boolean preventsStart() {
        return this == FILE_NOT_FOUND || this == BAD_IF || this == FATAL;
    }

    /** The larger of two classes in keepalived's numeric order. */
    public Severity max(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
