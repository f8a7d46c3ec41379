package org.jkeepalived.config;

import java.util.Objects;

/**
 * One config error or notice, worded as keepalived 2.2.7 words it. {@code location} is null where keepalived gives
 * none.
 */
public record Diagnostic(Severity severity, Location location, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** The line as keepalived prints it: {@code (FILE: Line N) message}, or the bare message without a location. */
    public String render() {
        return location == null ? message : location.prefix() + " " + message;
    }

    @Override
    public String toString() {
        return render();
    }
}
