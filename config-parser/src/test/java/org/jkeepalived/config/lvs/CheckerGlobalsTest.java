package org.jkeepalived.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker side reads the config's global_defs, not keepalived's defaults (verdicts of keepalived 2.2.7 -t). */
class CheckerGlobalsTest {
    private static final String SCRIPT = "/usr/local/bin/check_rs";
    private static final String VIOLATION =
            "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.";
    private static final String CHECKER = """
            virtual_server 10.0.0.1 80 {
                real_server 10.0.0.2 80 {
                    MISC_CHECK {
                        misc_path /usr/local/bin/check_rs
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private LoadResult load(String config) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), config);
        TestHost host = TestHost.withInterfaces("eth0").script(SCRIPT, true, false);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, true, host, new Random(0)));
    }

    private static boolean reportsViolation(LoadResult result) {
        return result.diagnostics().stream().anyMatch(d -> d.message().equals(VIOLATION));
    }

    @Test
    void enableScriptSecurityWithAScriptUserSatisfiesTheCheckerScriptCheck() throws IOException {
        LoadResult result = load("global_defs {\n    enable_script_security\n    script_user root\n}\n" + CHECKER);
        assertFalse(reportsViolation(result));
        assertEquals(5, result.configTestExitStatus());
    }

    @Test
    void withoutScriptSecurityAMiscCheckIsASecurityViolation() throws IOException {
        LoadResult result = load(CHECKER);
        assertTrue(reportsViolation(result));
        assertEquals(6, result.configTestExitStatus());
    }

    @Test
    void theNotifyFifoScriptsAreVettedWithTheCheckerScripts() throws IOException {
        LoadResult result = load("""
                global_defs {
                    notify_fifo /run/fifo
                    notify_fifo_script /usr/local/bin/check_rs root
                }
                virtual_server 10.0.0.1 80 {
                    real_server 10.0.0.2 80 {
                        TCP_CHECK {
                        }
                    }
                }
                """);
        assertTrue(reportsViolation(result));
    }
}
