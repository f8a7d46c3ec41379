package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.value.ScriptCheck.Flag;
import org.junit.jupiter.api.Test;

class ScriptsTest {
    private static final Location AT = new Location("k.conf", 7);

    private static ScriptSpec rootScript(String... argv) {
        return new ScriptSpec("script", List.of(argv), ScriptIdentity.ROOT, AT);
    }

    @Test
    void aMissingScriptIsNotFoundAndNotAScript() {
        ScriptCheck check = Scripts.check(rootScript("/etc/keepalived/check.sh"), false, TestHost.withInterfaces());
        assertEquals(Set.of(Flag.NOT_FOUND), check.flags());
        assertTrue(!check.trackUsable());
    }

    @Test
    void aRootOwnedExecutableScriptIsUsable() {
        TestHost host = TestHost.withInterfaces().script("/usr/bin/check", true, false);
        ScriptCheck check = Scripts.check(rootScript("/usr/bin/check", "-v"), true, host);
        assertEquals(Set.of(Flag.IS_SCRIPT, Flag.EXECUTABLE), check.flags());
        assertTrue(check.notifyUsable());
    }

    @Test
    void aBareCommandIsFoundOnTheSearchPath() {
        TestHost host = TestHost.withInterfaces().script("/usr/bin/killall", true, false);
        ScriptCheck check = Scripts.check(rootScript("killall", "-0", "haproxy"), false, host);
        assertEquals("/usr/bin/killall", check.command());
        assertTrue(check.trackUsable());
    }

    @Test
    void aWritableScriptRunByRootIsInhibitedOnlyUnderScriptSecurity() {
        TestHost host = TestHost.withInterfaces().script("/tmp/x.sh", true, true);
        assertEquals(Set.of(Flag.IS_SCRIPT, Flag.EXECUTABLE, Flag.INSECURE),
                Scripts.check(rootScript("/tmp/x.sh"), false, host).flags());
        assertEquals(Set.of(Flag.IS_SCRIPT, Flag.EXECUTABLE, Flag.INSECURE, Flag.INHIBIT),
                Scripts.check(rootScript("/tmp/x.sh"), true, host).flags());
    }

    @Test
    void aWritableScriptRunByAnotherUserIsNotInsecure() {
        TestHost host = TestHost.withInterfaces().script("/tmp/x.sh", true, true);
        ScriptSpec script = new ScriptSpec("script", List.of("/tmp/x.sh"), new ScriptIdentity(1000, 1000), AT);
        assertEquals(Set.of(Flag.IS_SCRIPT, Flag.EXECUTABLE), Scripts.check(script, true, host).flags());
    }

    @Test
    void aFileTestIsASystemCheck() {
        ScriptCheck check = Scripts.check(rootScript("< /run/flag"), true, TestHost.withInterfaces());
        assertEquals(Set.of(Flag.SYSTEM), check.flags());
        assertTrue(check.trackUsable());
    }

    @Test
    void foundScriptsWithoutScriptSecurityAreASecurityViolation() {
        TestHost host = TestHost.withInterfaces().script("/tmp/x.sh", true, true);
        BuildContext ctx = new BuildContext(new Diagnostics(), host, true);
        Scripts.reportSecurityViolation(List.of(Scripts.check(rootScript("/tmp/x.sh"), false, host)), false, ctx,
                "SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
        assertEquals("SECURITY VIOLATION - scripts are being executed but script_security not enabled. "
                + "There are insecure scripts.", ctx.diagnostics().list().get(0).render());
        assertEquals(6, ctx.diagnostics().worst().configTestExitStatus());
    }

    @Test
    void scriptsThatWereNotFoundAreNoSecurityViolation() {
        TestHost host = TestHost.withInterfaces();
        BuildContext ctx = new BuildContext(new Diagnostics(), host, true);
        Scripts.reportSecurityViolation(List.of(Scripts.check(rootScript("/nope"), false, host)), false, ctx, "X");
        assertTrue(ctx.diagnostics().list().isEmpty());
    }

    @Test
    void theDefaultUserIsKeepalivedScriptWhenItExists() {
        TestHost host = TestHost.withInterfaces().user("keepalived_script", 990, 985);
        ScriptUsers users = new ScriptUsers(new BuildContext(new Diagnostics(), host, true), true, Optional.empty());
        assertEquals(Optional.of(new ScriptIdentity(990, 985)), users.defaultUser(AT));
    }

    @Test
    void withoutKeepalivedScriptTheDefaultUserIsRootUnlessScriptSecurityIsOn() {
        TestHost host = TestHost.withInterfaces();
        ScriptUsers lax = new ScriptUsers(new BuildContext(new Diagnostics(), host, true), false, Optional.empty());
        assertEquals(Optional.of(ScriptIdentity.ROOT), lax.defaultUser(AT));

        BuildContext ctx = new BuildContext(new Diagnostics(), host, true);
        ScriptUsers strict = new ScriptUsers(ctx, true, Optional.empty());
        assertEquals(Optional.empty(), strict.defaultUser(AT));
        assertEquals(Optional.empty(), strict.defaultUser(AT));
        assertEquals(List.of("(k.conf: Line 7) Unable to set default user keepalived_script for script"),
                ctx.diagnostics().list().stream().map(Object::toString).toList());
    }

    @Test
    void aFailedGlobalScriptUserRefusesEveryScriptWithoutItsOwnUser() {
        TestHost host = TestHost.withInterfaces().user("keepalived_script", 990, 985);
        ScriptUserSetting failed = new ScriptUserSetting("nobody2", Optional.empty(), Optional.empty(), AT);
        ScriptUsers users = new ScriptUsers(new BuildContext(new Diagnostics(), host, true), false,
                Optional.of(failed));
        assertEquals(Optional.empty(), users.defaultUser(AT));
    }

    @Test
    void aNamedGroupOverridesTheUsersPrimaryGroup() {
        TestHost host = TestHost.withInterfaces().user("app", 1000, 1000).group("wheel", 10);
        assertEquals(Optional.of(new ScriptIdentity(1000, 10)),
                Scripts.resolveUser("app", Optional.of("wheel"), host));
        assertEquals(Optional.empty(), Scripts.resolveUser("app", Optional.of("nogroup9"), host));
    }
}
