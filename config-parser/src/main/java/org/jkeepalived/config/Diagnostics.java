package org.jkeepalived.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the diagnostics of one load, in the order they were found, and the worst severity among them.
 * Owned by the thread doing the load.
 */
public final class Diagnostics {
    private final List<Diagnostic> list = new ArrayList<>();
    private Severity worst = Severity.OK;

    public void report(Severity severity, Location location, String message) {
        list.add(new Diagnostic(severity, location, message));
        worst = worst.max(severity);
    }

    /**
     * An error after which keepalived 2.2.7 exits at once during parsing (for example a keyword missing its
     * parameter exits with status 2). Recorded, then thrown so the load stops as keepalived's does.
     */
    public ConfigAbort abort(int exitStatus, Severity severity, Location location, String message) {
        report(severity, location, message);
        throw new ConfigAbort(exitStatus, list.get(list.size() - 1));
    }

    public Severity worst() {
        return worst;
    }

    public List<Diagnostic> list() {
        return Collections.unmodifiableList(list);
    }
}
