package org.jkeepalived.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.UnixDatagramSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/keepalived as systemd runs it, in a namespace: sd_notify on a socket the test binds ({@code NOTIFY_SOCKET}),
 * syslog datagrams on another (the test-only {@code jkeepalived.syslogSocket} in place of /dev/log), and the dump
 * files keepalived 2.2.7 writes on SIGUSR1, SIGUSR2 and SIGRTMIN+2 holding the live state, in {@code $TMPDIR}.
 */
class DaemonOperationsTest {
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final String CONFIG = """
            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 52
                priority 150
                advert_int 1
                virtual_ipaddress {
                    10.52.0.100/24
                }
            }
            """;

    @TempDir
    Path dir;

    private final List<String> notifications = new ArrayList<>();
    private final List<String> syslog = new ArrayList<>();

    @BeforeAll
    static void needsRootAndNamespaces() {
        ItEnvironment.assumeRootWithIpAndKeepalived();
    }

    @Test
    void systemdNotificationsSyslogLinesAndDumpsFollowTheDaemonsLife() throws Exception {
        String notifyPath = dir.resolve("notify").toString();
        String syslogPath = dir.resolve("log").toString();
        try (Namespace namespace = Namespace.create("ops");
             UnixDatagramSocket notify = UnixDatagramSocket.bind(notifyPath);
             UnixDatagramSocket log = UnixDatagramSocket.bind(syslogPath)) {
            namespace.ip("addr", "add", "10.52.0.1/24", "dev", "eth0");
            Files.writeString(dir.resolve("keepalived.conf"), CONFIG);
            Process daemon = start(namespace, notifyPath, syslogPath);
            long pid = daemon.pid();
            try {
                await(notify, log, notifications, ("READY=1\nMAINPID=" + pid)::equals);
                await(notify, log, syslog, line -> line.endsWith(" Keepalived_vrrp[" + pid
                        + "]: (VI_1) Entering MASTER STATE"));
                assertTrue(syslog.stream().anyMatch(line -> line.matches(
                        "<30>[A-Z][a-z]{2} [ 1-3][0-9] \\d\\d:\\d\\d:\\d\\d Keepalived\\[" + pid
                                + "]: Starting Keepalived v2\\.2\\.7 \\(01/16,2022\\)")), String.join("\n", syslog));

                String data = dump(pid, "USR1", "keepalived.data", notify, log);
                assertTrue(data.contains(" VRRP Instance = VI_1\n   VRRP Version = 2\n   State = MASTER\n"), data);
                String stats = dump(pid, "USR2", "keepalived.stats", notify, log);
                assertTrue(stats.startsWith("VRRP Instance: VI_1\n  Advertisements:\n"), stats);
                assertTrue(stats.contains("  Became master: 1\n  Released master: 0\n"), stats);
                String json = dump(pid, "36", "keepalived.json", notify, log);
                assertTrue(json.startsWith("[{\"data\":{\"iname\":\"VI_1\""), json);
                assertTrue(json.contains("\"vrid\":52,\"base_priority\":150,\"effective_priority\":150,"
                        + "\"vipset\":true"), json);
                assertTrue(json.contains("\"state\":2,\"wantstate\":2"), json);
                assertTrue(json.contains("\"vips\":[\"10.52.0.100\\/24 dev eth0 scope global set\"]"), json);
                assertTrue(syslog.stream().anyMatch(line -> line.startsWith("<30>") && line.endsWith(
                        " Keepalived_vrrp[" + pid + "]: Printing VRRP data for process(" + pid + ") on signal")),
                        String.join("\n", syslog));

                signal(pid, "HUP");
                await(notify, log, notifications, "RELOADING=1"::equals);
                int reloading = notifications.indexOf("RELOADING=1");
                await(notify, log, notifications, line -> notifications.lastIndexOf(line) > reloading
                        && line.equals("READY=1\nMAINPID=" + pid));

                daemon.destroy();
                await(notify, log, notifications, "STOPPING=1"::equals);
                assertTrue(daemon.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
                assertEquals(0, daemon.exitValue(), daemonLog());
            } finally {
                daemon.destroyForcibly().waitFor();
            }
        }
    }

    private Process start(Namespace namespace, String notifyPath, String syslogPath) throws IOException {
        List<String> command = namespace.exec(List.of(ItEnvironment.ourKeepalived().toString(), "--dont-fork", "-D",
                "-f", "keepalived.conf", "-p", dir.resolve("keepalived.pid").toString(),
                "-r", dir.resolve("vrrp.pid").toString(), "-c", dir.resolve("checkers.pid").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("JKEEPALIVED_CLASSPATH", ItEnvironment.classPath());
        environment.put("JKEEPALIVED_JAVA_OPTS", "-XX:+UseSerialGC -Djkeepalived.syslogSocket=" + syslogPath);
        environment.put("NOTIFY_SOCKET", notifyPath);
        environment.put("TMPDIR", dir.toString());
        return builder.start();
    }

    /** Sends {@code signal}, waits for {@code file} in $TMPDIR and checks keepalived's mode for it. */
    private String dump(long pid, String signal, String file, UnixDatagramSocket notify, UnixDatagramSocket log)
            throws Exception {
        Path path = dir.resolve(file);
        Files.deleteIfExists(path);
        signal(pid, signal);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!Files.exists(path) || Files.size(path) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " after SIG" + signal + "; log:\n" + daemonLog());
            }
            drain(notify, log, 100);
        }
        drain(notify, log, 100);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        return Files.readString(path);
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Commands.check(List.of("kill", "-" + signal, Long.toString(pid)));
    }

    private void await(UnixDatagramSocket notify, UnixDatagramSocket log, List<String> into,
                       Predicate<String> wanted) throws NativeIoException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (into.stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + STARTUP + "; notifications " + notifications + "; syslog:\n"
                        + String.join("\n", syslog) + "\nlog:\n" + daemonLog());
            }
            drain(notify, log, 100);
        }
    }

    private void drain(UnixDatagramSocket notify, UnixDatagramSocket log, int timeoutMillis)
            throws NativeIoException {
        receiveAll(notify, notifications, timeoutMillis);
        receiveAll(log, syslog, 1);
    }

    private static void receiveAll(UnixDatagramSocket socket, List<String> into, int firstTimeoutMillis)
            throws NativeIoException {
        for (Optional<byte[]> datagram = socket.receive(firstTimeoutMillis); datagram.isPresent();
             datagram = socket.receive(0)) {
            into.add(new String(datagram.get(), StandardCharsets.UTF_8));
        }
    }

    private String daemonLog() {
        try {
            return Files.readString(dir.resolve("daemon.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<no log: " + e.getMessage() + ">";
        }
    }
}
