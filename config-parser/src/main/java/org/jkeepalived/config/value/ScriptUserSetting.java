package org.jkeepalived.config.value;

import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.Location;

/**
 * {@code script_user USER [GROUP]} from global_defs, with the identity it resolved to on this host; empty where
 * keepalived 2.2.7 reported {@code Error setting global script uid/gid}, after which no script may fall back to the
 * default user.
 */
public record ScriptUserSetting(String user, Optional<String> group, Optional<ScriptIdentity> resolved,
                                Location location) {

    public ScriptUserSetting {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(location, "location");
    }
}
