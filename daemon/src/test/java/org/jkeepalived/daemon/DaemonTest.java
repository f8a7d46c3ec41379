package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DaemonTest {
    private static final long OUR_PID = 4242;
    private static final long OTHER_LIVE_PID = 77;

    @TempDir
    Path dir;

    private final Deque<LoadResult> loads = new ArrayDeque<>();
    /** What the daemon asked of the VRRP subsystem, in order. */
    private final List<String> vrrpCalls = new ArrayList<>();
    private final VrrpLauncher vrrpLauncher = config -> {
        vrrpCalls.add("start " + System.identityHashCode(config));
        return new VrrpLauncher.Running() {
            @Override
            public boolean reload(KeepalivedConfig newConfig) {
                vrrpCalls.add("reload " + System.identityHashCode(newConfig));
                return true;
            }

            @Override
            public void stop(boolean release) {
                vrrpCalls.add("stop release=" + release);
            }
        };
    };
    /** Each load takes the next result; the last one stays for any further loads. */
    private final ConfigSource source = new ConfigSource() {
        @Override
        public LoadResult load(Options options) {
            return loads.size() > 1 ? loads.poll() : loads.peek();
        }

        @Override
        public List<String> dump(Options options) {
            return List.of("dump of " + options.configFile());
        }
    };

    private static LoadResult runnable() {
        KeepalivedConfig config = new KeepalivedConfig(null, null, null, List.of());
        return new LoadResult(Optional.of(config), List.of(), Severity.OK, OptionalInt.empty());
    }

    private static LoadResult refused(Severity severity) {
        Diagnostic error = new Diagnostic(severity, new Location("k.conf", 3), "Unknown keyword 'x'");
        return new LoadResult(runnable().config(), List.of(error), severity, OptionalInt.empty());
    }

    private Options options(String... extraArgs) throws IOException {
        Path config = Files.writeString(dir.resolve("k.conf"), "");
        List<String> args = new ArrayList<>(List.of("-n", "-p", dir.resolve("k.pid").toString(),
                "-r", dir.resolve("v.pid").toString(), "-c", dir.resolve("c.pid").toString(),
                "-f", config.toString()));
        args.addAll(List.of(extraArgs));
        var console = new Console(System.out, System.err);
        var outcome = new KeepalivedCommandLine(console, new Uname("Linux", "6.1", "#1")).parse("keepalived", args);
        return ((KeepalivedCommandLine.Run) outcome).options();
    }

    private Daemon daemon(Options options) {
        return new Daemon(options, source, LoggerFactory.getLogger("test"), pid -> pid == OTHER_LIVE_PID, OUR_PID,
                new Uname("Linux", "6.1", "#1"), vrrpLauncher);
    }

    /** Requests that check the pid files while running, then stop. */
    private Daemon.Requests stopAfter(List<DaemonRequest> requests, Runnable whileRunning) {
        Deque<DaemonRequest> queue = new ArrayDeque<>(requests);
        queue.add(DaemonRequest.STOP);
        return () -> {
            whileRunning.run();
            return queue.poll();
        };
    }

    @Test
    void theDaemonWritesItsPidFilesAndRemovesThemOnStop() throws Exception {
        loads.add(runnable());
        List<String> seen = new ArrayList<>();
        int status = daemon(options()).run(stopAfter(List.of(), () -> seen.add(read("k.pid") + read("v.pid")
                + read("c.pid"))));
        assertEquals(0, status);
        assertEquals("4242\n4242\n4242\n", seen.get(0));
        assertFalse(Files.exists(dir.resolve("k.pid")));
        assertFalse(Files.exists(dir.resolve("v.pid")));
        assertFalse(Files.exists(dir.resolve("c.pid")));
    }

    @Test
    void vrrpOnlyWritesNoCheckersPidFile() throws Exception {
        loads.add(runnable());
        List<Boolean> checkersPidSeen = new ArrayList<>();
        daemon(options("-P")).run(stopAfter(List.of(), () -> checkersPidSeen.add(Files.exists(dir.resolve("c.pid")))));
        assertEquals(List.of(false), checkersPidSeen);
    }

    @Test
    void aLivePidInAnExistingPidFileMeansTheDaemonIsAlreadyRunning() throws Exception {
        loads.add(runnable());
        Files.writeString(dir.resolve("k.pid"), OTHER_LIVE_PID + "\n");
        int status = daemon(options()).run(() -> {
            throw new AssertionError("must not wait for signals");
        });
        assertEquals(0, status);
        assertEquals(OTHER_LIVE_PID + "\n", read("k.pid"));
    }

    @Test
    void aPidFileOfADeadProcessIsReplaced() throws Exception {
        loads.add(runnable());
        Files.writeString(dir.resolve("v.pid"), "999\n");
        List<String> seen = new ArrayList<>();
        daemon(options()).run(stopAfter(List.of(), () -> seen.add(read("v.pid"))));
        assertEquals(List.of("4242\n"), seen);
    }

    @Test
    void vrrpFailingToStartStopsTheDaemonWithTheFatalStatusAndRemovesThePidFiles() throws Exception {
        loads.add(runnable());
        Daemon daemon = new Daemon(options(), source, LoggerFactory.getLogger("test"), pid -> false, OUR_PID,
                new Uname("Linux", "6.1", "#1"), config -> {
                    throw new VrrpLauncher.Failed("IPVS: No such file or directory");
                });

        assertEquals(Daemon.EXIT_FATAL, daemon.run(() -> DaemonRequest.STOP));
        assertFalse(Files.exists(dir.resolve("k.pid")));
    }

    @Test
    void aConfigThatCannotRunStopsWithKeepalivedsStatusAndNoPidFile() throws Exception {
        loads.add(refused(Severity.BAD_IF));
        assertEquals(Daemon.EXIT_CONFIG, daemon(options()).run(() -> DaemonRequest.STOP));
        assertFalse(Files.exists(dir.resolve("k.pid")));
    }

    @Test
    void aLoadThatFoundNoConfigFileStopsWithNoConfigStatus() throws Exception {
        Diagnostic missing = new Diagnostic(Severity.OK, null, "Config files missing 'k.conf'.");
        loads.add(new LoadResult(Optional.empty(), List.of(missing), Severity.OK, OptionalInt.empty()));
        assertEquals(Daemon.EXIT_NO_CONFIG, daemon(options()).run(() -> DaemonRequest.STOP));
        assertFalse(Files.exists(dir.resolve("k.pid")));
    }

    @Test
    void aReloadOfAConfigThatCannotRunKeepsTheRunningOne() throws Exception {
        LoadResult first = runnable();
        loads.add(first);
        loads.add(refused(Severity.FATAL));
        Daemon daemon = daemon(options());
        assertEquals(0, daemon.run(stopAfter(List.of(DaemonRequest.RELOAD), () -> { })));
        assertSame(first.config().orElseThrow(), daemon.config());
    }

    @Test
    void aReloadOfAGoodConfigReplacesTheRunningOne() throws Exception {
        loads.add(runnable());
        LoadResult second = runnable();
        loads.add(second);
        Daemon daemon = daemon(options("-d"));
        assertEquals(0, daemon.run(stopAfter(List.of(DaemonRequest.RELOAD), () -> { })));
        assertSame(second.config().orElseThrow(), daemon.config());
    }

    @Test
    void vrrpStartsWithTheConfigAndStopsReleasingItsAddresses() throws Exception {
        LoadResult first = runnable();
        loads.add(first);
        assertEquals(0, daemon(options()).run(stopAfter(List.of(), () -> { })));
        assertEquals(List.of("start " + System.identityHashCode(first.config().orElseThrow()), "stop release=true"),
                vrrpCalls);
    }

    @Test
    void withDontReleaseVrrpTheAddressesStayOnStop() throws Exception {
        loads.add(runnable());
        assertEquals(0, daemon(options("-V")).run(stopAfter(List.of(), () -> { })));
        assertEquals("stop release=false", vrrpCalls.get(vrrpCalls.size() - 1));
    }

    @Test
    void vrrpDoesNotRunWithDontRunVrrp() throws Exception {
        loads.add(runnable());
        assertEquals(0, daemon(options("-C")).run(stopAfter(List.of(), () -> { })));
        assertEquals(List.of(), vrrpCalls);
    }

    @Test
    void aGoodReloadIsHandedToTheRunningVrrpWithoutStoppingIt() throws Exception {
        LoadResult first = runnable();
        LoadResult second = runnable();
        loads.add(first);
        loads.add(second);
        assertEquals(0, daemon(options()).run(stopAfter(List.of(DaemonRequest.RELOAD), () -> { })));
        assertEquals(List.of("start " + System.identityHashCode(first.config().orElseThrow()),
                "reload " + System.identityHashCode(second.config().orElseThrow()), "stop release=true"), vrrpCalls);
    }

    @Test
    void aReloadThatCannotRunLeavesVrrpRunning() throws Exception {
        loads.add(runnable());
        loads.add(refused(Severity.FATAL));
        assertEquals(0, daemon(options()).run(stopAfter(List.of(DaemonRequest.RELOAD), () -> { })));
        assertEquals(2, vrrpCalls.size(), vrrpCalls.toString());
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            return "<missing " + name + ">";
        }
    }
}
