package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CheckerLauncherTest {
    private static final String ONE_VIRTUAL_SERVER = """
            virtual_server 10.9.9.9 80 {
                delay_loop 2
                lb_algo rr
                lb_kind NAT
                protocol TCP
                real_server 127.0.0.1 8080 {
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private final Logger log = (Logger) LoggerFactory.getLogger("checker-launcher-test");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void captureInfo() {
        log.setLevel(Level.INFO);
        appender.start();
        log.addAppender(appender);
    }

    private List<String> logged() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private KeepalivedConfig load(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), text);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false, LiveHost.system(),
                new Random(0))).config().orElseThrow();
    }

    private CheckerLauncher launcher(CheckerLauncher.Ipvs ipvs) {
        return CheckerLauncher.service(log, CheckerLauncher.UNCHECKED, ipvs);
    }

    @Test
    void withoutIpvsTheStartFailsAfterLoggingWhatKeepalivedsCheckerProcessLogs() throws IOException {
        KeepalivedConfig config = load(ONE_VIRTUAL_SERVER);
        CheckerLauncher launcher = launcher(loaded -> {
            throw new CheckerLauncher.IpvsUnavailable("No such file or directory");
        });

        assertThrows(CheckerLauncher.Failed.class, () -> launcher.start(config));

        assertEquals(List.of(
                "Initializing ipvs",
                "IPVS: Can't initialize ipvs: No such file or directory",
                "Shutting down service [127.0.0.1]:tcp:8080 from VS [10.9.9.9]:tcp:80"), logged());
    }

    @Test
    void aConfigWithoutVirtualServersStartsNoCheckers() throws Exception {
        CheckerLauncher launcher = launcher(loaded -> {
            throw new AssertionError("IPVS opened for no virtual server");
        });

        assertSame(CheckerLauncher.NOTHING_RUNNING, launcher.start(load("global_defs {\n}\n")));
    }

    @Test
    void theServiceRunsThePoolsUntilStoppedAndDontReleaseIpvsLeavesThemInPlace() throws Exception {
        CheckerLauncher launcher = launcher(loaded -> new LoggedPoolEffects(log));
        KeepalivedConfig config = load(ONE_VIRTUAL_SERVER);

        launcher.start(config).stop(false);
        assertEquals(List.of(
                "Initializing ipvs",
                "Gained quorum 1+0=1 <= 1 for VS [10.9.9.9]:tcp:80",
                "Activating healthchecker for service [127.0.0.1]:tcp:8080 for VS [10.9.9.9]:tcp:80",
                "Activating BFD healthchecker"), logged());
        appender.list.clear();

        launcher.start(config).stop(true);
        assertEquals("Shutting down service [127.0.0.1]:tcp:8080 from VS [10.9.9.9]:tcp:80", logged().get(4));
    }

    @Test
    void aReloadIsAppliedAsADifferenceActivatingOnlyTheNewCheckers() throws Exception {
        CheckerLauncher launcher = launcher(loaded -> new LoggedPoolEffects(log));
        CheckerLauncher.Running running = launcher.start(load(ONE_VIRTUAL_SERVER));
        appender.list.clear();

        assertTrue(running.reload(load(ONE_VIRTUAL_SERVER.replace("    }\n}", """
                    }
                    real_server 127.0.0.2 8080 {
                        TCP_CHECK {
                        }
                    }
                }"""))));
        running.stop(false);

        assertEquals(List.of(
                "Reloading",
                "Activating healthchecker for service [127.0.0.2]:tcp:8080 for VS [10.9.9.9]:tcp:80",
                "Activating BFD healthchecker"), logged());
    }

    @Test
    void nothingRunningAsksTheDaemonToStartTheCheckersForAReloadedConfig() throws IOException {
        assertFalse(CheckerLauncher.NOTHING_RUNNING.reload(load(ONE_VIRTUAL_SERVER)));
    }
}
