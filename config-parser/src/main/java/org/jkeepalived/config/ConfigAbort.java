package org.jkeepalived.config;

/** Thrown where keepalived 2.2.7 would exit in the middle of reading its configuration. */
public final class ConfigAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;
    private final transient Diagnostic diagnostic;

    public ConfigAbort(int exitStatus, Diagnostic diagnostic) {
        super(diagnostic.render(), null, false, false);
        this.exitStatus = exitStatus;
        this.diagnostic = diagnostic;
    }

    /** The status keepalived exits with at this point. */
    public int exitStatus() {
        return exitStatus;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
