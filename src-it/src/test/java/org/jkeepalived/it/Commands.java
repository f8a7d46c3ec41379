package org.jkeepalived.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion with a time limit, capturing its exit status, stdout and stderr. */
final class Commands {
    /** What a finished command left; a command killed at its time limit has status -1. */
    record Outcome(int status, String stdout, String stderr) {
        String describe() {
            return "exit " + status + "\n  stdout: " + stdout.strip().replace("\n", "\n          ")
                    + "\n  stderr: " + stderr.strip().replace("\n", "\n          ");
        }
    }

    private Commands() {
    }

    static Outcome run(List<String> command, Path workingDirectory, Map<String, String> environment,
                       int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jkit-out", ".txt");
        Path err = Files.createTempFile("jkit-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            int status;
            if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                status = process.exitValue();
            } else {
                process.destroyForcibly().waitFor();
                status = -1;
            }
            return new Outcome(status, Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs a setup command that must succeed. */
    static void check(List<String> command) throws IOException, InterruptedException {
        Outcome outcome = run(command, null, Map.of(), 30);
        if (outcome.status() != 0) {
            throw new IOException(String.join(" ", command) + ": " + outcome.describe());
        }
    }
}
