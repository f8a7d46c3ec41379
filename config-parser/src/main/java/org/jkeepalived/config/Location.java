package org.jkeepalived.config;

import java.util.Objects;

/**
 * Where a piece of configuration came from: the file as keepalived names it (relative to the directory of the
 * including file, as keepalived resolves it) and the 1-based physical line number.
 */
public record Location(String file, int line) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line: " + line + " (expected >= 1)");
        }
    }

    /** keepalived's prefix for a config error: {@code (FILE: Line N)}. */
    public String prefix() {
        return "(" + file + ": Line " + line + ")";
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
