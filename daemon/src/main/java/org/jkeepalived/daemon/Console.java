package org.jkeepalived.daemon;

import java.io.PrintStream;

/**
 * The process's stdout and stderr. {@code -t LOG_FILE} points stderr at the file from that option on, as
 * keepalived's dup2 does, so later command line complaints and the config test's diagnostics land there.
 */
public final class Console {
    private final PrintStream out;
    private PrintStream err;

    public Console(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    void redirectErr(PrintStream newErr) {
        err.flush();
        err = newErr;
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
