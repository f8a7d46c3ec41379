package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** MISC_CHECK with a script of each exit-status class, logged as keepalived 2.2.7's misc_check_child_thread does. */
class MiscScriptsTest extends CheckerTestBase {
    private static final String SERVERS = "[[127.0.0.1]:tcp:8080 VS [10.9.9.9]:tcp:80]";

    private Path script(String body) throws IOException {
        Path script = dir.resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toRealPath();
    }

    @Test
    void failuresBeforeTheLastRetryAreLoggedWithLogAllFailures() throws Exception {
        Path script = script("exit 1");
        checker.start(8080, """
                MISC_CHECK {
                    misc_path "%s"
                    retry 2
                    delay_before_retry 0.1
                    log_all_failures
                }
                """.formatted(script));
        String failed = "Misc check for " + SERVERS + " by [" + script + "] failed";
        checker.awaitLogLine(failed + ", will do 2 retries (exited with status 1).");
        checker.awaitLogLine(failed + " on retry 1/2 (exited with status 1).");
        assertEquals("down", checker.nextVerdict());
        checker.awaitLogLine(failed + " after 2 retries (exited with status 1).");
    }
}
