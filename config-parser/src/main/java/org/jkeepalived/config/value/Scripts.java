package org.jkeepalived.config.value;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lex.ScriptWords;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.ScriptCheck.Flag;

/**
 * Script keywords as keepalived 2.2.7 reads and checks them (lib/notify.c): {@code notify_script_init} and
 * {@code set_script_params_array} while parsing, {@code check_script_secure} while validating, and the
 * {@code SECURITY VIOLATION} verdict when scripts run without {@code enable_script_security}.
 *
 * <p>A script keyword line is split twice, as keepalived does: the whole line with the shell-like tokeniser, then its
 * word 1 again to give the argument vector. So {@code notify "/bin/x a b" user group} runs {@code /bin/x a b} as
 * {@code user:group}, and an unquoted {@code script /bin/x a} runs {@code /bin/x} alone.
 */
public final class Scripts {
    /** Where a bare command name is searched: the PATH keepalived inherits when started by systemd. */
    public static final List<String> SEARCH_PATH =
            List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    /** 128 + SIGTERM: the status of a keepalived that killed itself. */
    public static final int EXIT_SIGTERM = 143;

    private Scripts() {
    }

    /**
     * The argument vector of a {@code script}-like keyword ({@code vrrp_script script}, {@code misc_path}): word 1
     * of the line re-split; empty when the line has no word 1 or it holds no words.
     */
    public static List<String> parseCommand(ConfigNode node, BuildContext ctx) {
        List<String> lineWords = ScriptWords.split(node.text(), node.location(), ctx.diagnostics());
        if (lineWords.size() < 2) {
            return List.of();
        }
        return ScriptWords.split(lineWords.get(1), node.location(), ctx.diagnostics());
    }

    /**
     * A notify-style keyword, {@code KEYWORD "COMMAND ARGS" [USER [GROUP]]} ({@code notify_script_init}); empty,
     * with keepalived's log line, where keepalived drops the script. {@code type} names the script in those lines
     * ({@code notify}, {@code notify_master}, ...).
     */
    public static Optional<ScriptSpec> parseNotify(ConfigNode node, String type, ScriptUsers users,
                                                   BuildContext ctx) {
        Location at = node.location();
        List<String> lineWords = ScriptWords.split(node.text(), at, ctx.diagnostics());
        if (lineWords.isEmpty()) {
            ctx.report(Severity.OK, at, "Unable to parse notify script");
            return Optional.empty();
        }
        List<String> argv = parseCommand(node, ctx);
        if (argv.isEmpty()) {
            String script = lineWords.size() > 1 ? lineWords.get(1) : "(null)";
            ctx.report(Severity.OK, at, "Unable to parse script '" + script + "' - ignoring");
            return Optional.empty();
        }
        Optional<ScriptIdentity> runAs;
        if (lineWords.size() > 2) {
            Optional<String> group = lineWords.size() > 3 ? Optional.of(lineWords.get(3)) : Optional.empty();
            runAs = resolveUser(lineWords.get(2), group, ctx.host());
            if (runAs.isEmpty()) {
                ctx.report(Severity.OK, at, "Invalid user/group for " + type + " script " + argv.get(0)
                        + " - ignoring");
            }
        } else {
            runAs = users.defaultUser(at);
            if (runAs.isEmpty()) {
                ctx.report(Severity.OK, at, "Failed to set default user for " + type + " script " + argv.get(0)
                        + " - ignoring");
            }
        }
        return runAs.map(identity -> new ScriptSpec(node.keyword(), argv, identity, at));
    }

    /** keepalived's {@code set_uid_gid}: the user's uid and primary gid, or the named group's gid. */
    public static Optional<ScriptIdentity> resolveUser(String user, Optional<String> group, HostEnvironment host) {
        OptionalInt uid = host.uid(user);
        if (uid.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt gid = group.isPresent() ? host.gid(group.get()) : host.primaryGid(user);
        if (gid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScriptIdentity(uid.getAsInt(), gid.getAsInt()));
    }

    /**
     * keepalived's {@code check_script_secure}: whether the script exists, may be executed by its user, and, when
     * it runs as root, whether anyone but root could change it.
     */
    public static ScriptCheck check(ScriptSpec script, boolean scriptSecurity, HostEnvironment host) {
        String command = script.argv().get(0);
        if (isFileTest(command)) {
            return new ScriptCheck(script, command, Set.of(Flag.SYSTEM));
        }
        if (command.indexOf('/') < 0) {
            Optional<String> found = searchPath(command, host);
            if (found.isEmpty()) {
                return new ScriptCheck(script, command, Set.of(Flag.NOT_FOUND));
            }
            command = found.get();
        }
        HostEnvironment.ScriptFile file = host.script(command);
        if (!file.exists()) {
            return new ScriptCheck(script, command, Set.of(Flag.NOT_FOUND));
        }
        Set<Flag> flags = EnumSet.of(Flag.IS_SCRIPT);
        if (file.executable()) {
            flags.add(Flag.EXECUTABLE);
            if (script.runAs().isRoot() && file.writableByNonRoot()) {
                flags.add(Flag.INSECURE);
                if (scriptSecurity) {
                    flags.add(Flag.INHIBIT);
                }
            }
        }
        return new ScriptCheck(script, command, flags);
    }

    /**
     * {@link #check(ScriptSpec, boolean, HostEnvironment)} as keepalived 2.2.7's {@code -t} runs it: a script that
     * runs as another user than root makes keepalived switch its effective ids, and then, finding its parent is not
     * the keepalived parent process (there is none under {@code -t}), it sends itself SIGTERM: exit status 143.
     */
    public static ScriptCheck check(ScriptSpec script, boolean scriptSecurity, BuildContext ctx) {
        String command = script.argv().get(0);
        boolean reachesIdentitySwitch = !isFileTest(command)
                && (command.indexOf('/') >= 0 || searchPath(command, ctx.host()).isPresent());
        if (ctx.configTest() && reachesIdentitySwitch && !script.runAs().equals(ScriptIdentity.ROOT)) {
            throw ctx.diagnostics().abort(EXIT_SIGTERM, Severity.OK, script.location(), "checking script "
                    + command + " as uid:gid " + script.runAs().uid() + ":" + script.runAs().gid()
                    + " terminates keepalived -t with SIGTERM");
        }
        return check(script, scriptSecurity, ctx.host());
    }

    /**
     * keepalived's closing verdict on a process's scripts: when any script file was found and
     * {@code enable_script_security} is off, {@code message} (for example {@code SECURITY VIOLATION - scripts are
     * being executed but script_security not enabled.}) is a security error, with a note if any is insecure.
     */
    public static void reportSecurityViolation(Collection<ScriptCheck> checks, boolean scriptSecurity,
                                               BuildContext ctx, String message) {
        if (scriptSecurity || checks.stream().noneMatch(c -> c.has(Flag.IS_SCRIPT))) {
            return;
        }
        boolean anyInsecure = checks.stream().anyMatch(c -> c.has(Flag.INSECURE));
        ctx.report(Severity.SECURITY_ERROR, null, message + (anyInsecure ? " There are insecure scripts." : ""));
    }

    /** A command of the form {@code </path}, which keepalived treats as a test that a file can be opened. */
    private static boolean isFileTest(String command) {
        if (!command.startsWith("<")) {
            return false;
        }
        int i = 1;
        while (i < command.length() && (command.charAt(i) == ' ' || command.charAt(i) == '\t')) {
            i++;
        }
        return command.startsWith("/", i);
    }

    private static Optional<String> searchPath(String name, HostEnvironment host) {
        return SEARCH_PATH.stream()
                .map(dir -> host.script(dir + "/" + name))
                .filter(file -> file.exists() && file.executable())
                .map(HostEnvironment.ScriptFile::path)
                .findFirst();
    }
}
