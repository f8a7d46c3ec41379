package org.jkeepalived.vrrp.engine;

import java.util.Objects;

/** How one run of a script ended. */
sealed interface ScriptOutcome {

    /** The script exited by itself with {@code status}. */
    record Exited(int status) implements ScriptOutcome {
    }

    /** The script ran past its timeout and was terminated. */
    record TimedOut() implements ScriptOutcome {
    }

    /** The script could not be started (no such file, not executable). */
    record NotStarted(String reason) implements ScriptOutcome {
        public NotStarted {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
