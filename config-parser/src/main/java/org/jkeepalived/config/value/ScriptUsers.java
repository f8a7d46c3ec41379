package org.jkeepalived.config.value;

import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;

/**
 * keepalived 2.2.7's default script user for one process's parse ({@code get_default_script_user}): the global
 * {@code script_user} if given, else {@code keepalived_script} if that user exists, else root; but with
 * {@code enable_script_security} a missing {@code keepalived_script} is an error, reported once, after which every
 * script without its own user is refused. Each keepalived child process parses the config itself, so each model
 * builder keeps its own instance.
 */
public final class ScriptUsers {
    static final String DEFAULT_USER = "keepalived_script";

    private final BuildContext ctx;
    private final boolean scriptSecurity;
    private Optional<ScriptIdentity> defaultUser;
    private boolean decided;

    public ScriptUsers(BuildContext ctx, boolean scriptSecurity, Optional<ScriptUserSetting> globalScriptUser) {
        this.ctx = ctx;
        this.scriptSecurity = scriptSecurity;
        this.defaultUser = globalScriptUser.flatMap(ScriptUserSetting::resolved);
        this.decided = globalScriptUser.isPresent();
    }

    /**
     * The identity of a script configured without a user, or empty when keepalived would refuse it. {@code at} is
     * the line being parsed, where keepalived reports a missing {@code keepalived_script} user.
     */
    public Optional<ScriptIdentity> defaultUser(Location at) {
        if (!decided) {
            decided = true;
            defaultUser = Scripts.resolveUser(DEFAULT_USER, Optional.empty(), ctx.host());
            if (defaultUser.isEmpty()) {
                if (scriptSecurity) {
                    ctx.report(Severity.GENERAL_ERROR, at,
                            "Unable to set default user " + DEFAULT_USER + " for script");
                } else {
                    defaultUser = Optional.of(ScriptIdentity.ROOT);
                }
            }
        }
        return defaultUser;
    }
}
