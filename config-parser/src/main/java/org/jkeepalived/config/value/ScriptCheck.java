package org.jkeepalived.config.value;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of keepalived 2.2.7's {@code check_script_secure} for one script.
 *
 * @param script   the script checked
 * @param command  argv[0] after the path search of a bare command name (unchanged otherwise)
 * @param flags    keepalived's {@code SC_*} flags
 */
public record ScriptCheck(ScriptSpec script, String command, Set<Flag> flags) {

    /** keepalived's {@code SC_*} flags (lib/notify.h). */
    public enum Flag {
        /** SC_INSECURE: the script or a directory above it can be changed by a user other than root. */
        INSECURE,
        /** SC_ISSCRIPT: a file was found. */
        IS_SCRIPT,
        /** SC_INHIBIT: must not run (insecure under enable_script_security, or the run-as user is unusable). */
        INHIBIT,
        /** SC_NOTFOUND: the file or an element of its path does not exist. */
        NOT_FOUND,
        /** SC_EXECUTABLE: the run-as user may execute it. */
        EXECUTABLE,
        /** SC_SYSTEM: a {@code </file} test, which keepalived runs without executing anything. */
        SYSTEM
    }

    public ScriptCheck {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(command, "command");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }

    /** {@code check_notify_script_secure}: a notify script is dropped when inhibited, not found or not executable. */
    public boolean notifyUsable() {
        return !has(Flag.INHIBIT) && !has(Flag.NOT_FOUND) && has(Flag.EXECUTABLE);
    }

    /** {@code check_track_script_secure}: a track or check script may also be a {@code </file} test. */
    public boolean trackUsable() {
        return !has(Flag.INHIBIT) && !has(Flag.NOT_FOUND) && (has(Flag.EXECUTABLE) || has(Flag.SYSTEM));
    }
}
