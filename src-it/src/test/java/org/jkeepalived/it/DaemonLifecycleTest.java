package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/keepalived as a daemon in a namespace: pid file, SIGTERM, and a SIGHUP with a config it cannot run. */
class DaemonLifecycleTest {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final String GOOD_CONFIG = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                priority 100
                virtual_ipaddress {
                    10.51.0.1
                }
            }
            """;
    /** A keyword without its parameter: keepalived stops reading (exit 2), so there is no config to run. */
    private static final String BROKEN_CONFIG = """
            vrrp_instance VI_1 {
                interface
                virtual_router_id 51
            }
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Test
    void theDaemonWritesItsPidFileAndRemovesItOnSigterm() throws Exception {
        try (Namespace namespace = Namespace.create("life")) {
            Path pidFile = dir.resolve("keepalived.pid");
            Process daemon = start(namespace, pidFile);
            try {
                awaitTrue(() -> Files.exists(pidFile), "pid file " + pidFile);
                assertEquals(daemon.pid() + "\n", Files.readString(pidFile));
                daemon.destroy();
                assertTrue(daemon.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
                assertEquals(0, daemon.exitValue(), log());
                assertFalse(Files.exists(pidFile));
                assertTrue(log().contains("Stopped Keepalived v2.2.7 (01/16,2022)"), log());
            } finally {
                daemon.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aSighupWithAConfigThatCannotRunKeepsTheDaemonRunning() throws Exception {
        try (Namespace namespace = Namespace.create("hup")) {
            Path pidFile = dir.resolve("keepalived.pid");
            Process daemon = start(namespace, pidFile);
            try {
                awaitTrue(() -> Files.exists(pidFile), "pid file " + pidFile);
                Files.writeString(dir.resolve("keepalived.conf"), BROKEN_CONFIG);
                Commands.check(List.of("kill", "-HUP", Long.toString(daemon.pid())));
                awaitTrue(() -> log().contains("keeping the running configuration"), "the failed reload in the log");
                assertTrue(daemon.isAlive());
                assertTrue(Files.exists(pidFile));
                daemon.destroy();
                assertTrue(daemon.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS));
                assertEquals(0, daemon.exitValue(), log());
            } finally {
                daemon.destroyForcibly().waitFor();
            }
        }
    }

    /** keepalived takes SIGHUP over even when it inherits it ignored; the JVM alone would leave it ignored. */
    @Test
    void aDaemonStartedUnderNohupStillReloadsOnSighup() throws Exception {
        try (Namespace namespace = Namespace.create("nohup")) {
            Path pidFile = dir.resolve("keepalived.pid");
            Process daemon = start(namespace, pidFile, List.of("nohup"));
            try {
                awaitTrue(() -> log().contains("Startup complete"), "start-up in the log");
                Commands.check(List.of("kill", "-HUP", Long.toString(daemon.pid())));
                awaitTrue(() -> log().contains("Reload complete"), "the reload in the log");
                daemon.destroy();
                assertTrue(daemon.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS));
                assertEquals(0, daemon.exitValue(), log());
            } finally {
                daemon.destroyForcibly().waitFor();
            }
        }
    }

    private Process start(Namespace namespace, Path pidFile) throws IOException {
        return start(namespace, pidFile, List.of());
    }

    private Process start(Namespace namespace, Path pidFile, List<String> wrapper) throws IOException {
        Files.writeString(dir.resolve("keepalived.conf"), GOOD_CONFIG);
        List<String> ours = new ArrayList<>(wrapper);
        ours.addAll(List.of(ItEnvironment.ourKeepalived().toString(), "-n", "-l", "-D",
                "-f", "keepalived.conf", "-p", pidFile.toString(), "-r", dir.resolve("vrrp.pid").toString(),
                "-c", dir.resolve("checkers.pid").toString()));
        List<String> command = namespace.exec(ours);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
        builder.environment().put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        return builder.start();
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("daemon.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + STARTUP + " for " + what + "; log:\n" + log());
            }
            Thread.sleep(100);
        }
    }
}
