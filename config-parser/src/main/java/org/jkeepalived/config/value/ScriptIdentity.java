package org.jkeepalived.config.value;

import java.util.ArrayList;
import java.util.List;

/** The uid and gid a script runs as. */
public record ScriptIdentity(int uid, int gid) {

    /** keepalived runs as root, the identity of a script when no script user can be found and none is needed. */
    public static final ScriptIdentity ROOT = new ScriptIdentity(0, 0);

    public ScriptIdentity {
        if (uid < 0) {
            throw new IllegalArgumentException("uid: " + uid + " (expected >= 0)");
        }
        if (gid < 0) {
            throw new IllegalArgumentException("gid: " + gid + " (expected >= 0)");
        }
    }

    public boolean isRoot() {
        return uid == 0 || gid == 0;
    }

    /**
     * The command that runs {@code argv} as this identity, with no other groups, from a process running as
     * {@code current}: {@code argv} itself, or behind util-linux's setpriv, since the JVM cannot change a child's
     * identity itself.
     */
    public List<String> command(List<String> argv, ScriptIdentity current) {
        if (equals(current)) {
            return List.copyOf(argv);
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid,
                "--groups=" + gid, "--"));
        command.addAll(argv);
        return command;
    }
}
