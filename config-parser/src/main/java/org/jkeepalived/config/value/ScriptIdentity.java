package org.jkeepalived.config.value;

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
}
