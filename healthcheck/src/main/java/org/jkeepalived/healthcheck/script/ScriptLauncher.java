package org.jkeepalived.healthcheck.script;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptIdentity;

/**
 * Starts checker scripts as keepalived 2.2.7's system_call_script does: the argument vector executed directly, with
 * stdin, stdout and stderr on /dev/null, as the script's uid and gid with no other groups. A different identity is
 * taken through util-linux's setpriv, since the JVM cannot change a child's identity itself.
 */
public final class ScriptLauncher {
    private static final File DEV_NULL = new File("/dev/null");

    private final ScriptIdentity ours;

    /** @param ours the identity this process runs as */
    public ScriptLauncher(ScriptIdentity ours) {
        this.ours = ours;
    }

    public Process start(List<String> argv, ScriptIdentity runAs) throws IOException {
        return new ProcessBuilder(runAs.command(argv, ours)).redirectInput(DEV_NULL).redirectOutput(DEV_NULL)
                .redirectError(DEV_NULL).start();
    }

    /** Ends the script and whatever it started, as keepalived's kill of the script's process group. */
    public static void terminate(Process process, boolean forcibly) {
        process.descendants().forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    /**
     * The command as keepalived's check_script_secure leaves argv[0]: a bare name searched in PATH, then the real
     * path of the file, keeping the name it was called by when that name still leads to the same file.
     */
    public static String resolvedCommand(String command, String searchPath) {
        Optional<Path> found = command.contains("/") ? Optional.of(Path.of(command)) : searchPath(command, searchPath);
        if (found.isEmpty()) {
            return command;
        }
        Path written = found.get();
        try {
            Path real = written.toRealPath();
            Path sameNameBeside = real.resolveSibling(written.getFileName());
            if (!sameNameBeside.equals(real) && Files.exists(sameNameBeside)
                    && Files.isSameFile(sameNameBeside, real)) {
                return sameNameBeside.toString();
            }
            return real.toString();
        } catch (IOException e) {
            return written.toString();
        }
    }

    private static Optional<Path> searchPath(String name, String searchPath) {
        for (String directory : searchPath.split(":")) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
