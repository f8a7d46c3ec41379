package org.jkeepalived.libc;

/**
 * A signal's disposition, signal(2). The JVM leaves alone a termination signal that was ignored when it started
 * (as under {@code nohup}), where keepalived installs its own handler whatever it inherited: restoring the default
 * first lets the JVM take the signal over.
 */
public final class SignalDisposition {
    private static final long SIG_DFL = 0;
    private static final long SIG_ERR = -1;

    private SignalDisposition() {
    }

    /** Gives {@code signal} its default action again. */
    public static void restoreDefault(int signal) throws NativeIoException {
        Native.ensureAvailability();
        if (Native.libc().signal(signal, SIG_DFL) == SIG_ERR) {
            throw Native.failure("signal", signal + ", SIG_DFL");
        }
    }
}
