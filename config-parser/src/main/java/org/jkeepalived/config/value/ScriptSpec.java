package org.jkeepalived.config.value;

import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.Location;

/**
 * One script as keepalived 2.2.7 stores it after parsing: its argument vector (argv[0] is the command as written,
 * before any path search), who runs it, and the keyword line it came from.
 *
 * @param keyword  the keyword that configured it ({@code notify_master}, {@code script}, {@code misc_path}, ...)
 * @param argv     the command and its parameters, split with keepalived's shell-like script tokeniser
 * @param runAs    the uid and gid it runs as
 * @param location the keyword line
 */
public record ScriptSpec(String keyword, List<String> argv, ScriptIdentity runAs, Location location) {

    public ScriptSpec {
        Objects.requireNonNull(keyword, "keyword");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv: empty (expected a command)");
        }
        Objects.requireNonNull(runAs, "runAs");
        Objects.requireNonNull(location, "location");
    }

    /** keepalived's {@code cmd_str}: the words joined with single spaces, as its messages show a script. */
    public String commandLine() {
        return String.join(" ", argv);
    }
}
