package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.vrrp.TrackedProcess;
import org.jkeepalived.config.vrrp.TrackedProcess.ParamMatch;
import org.jkeepalived.libc.ProcessEventSocket.ProcessEvent;
import org.jkeepalived.vrrp.machine.TrackerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCountsTest {

    private static final long SECOND_NS = 1_000_000_000L;

    @TempDir
    Path proc;

    private final List<String> log = new ArrayList<>();

    private static TrackedProcess byName(String name, String process, long quorum, long quorumMax) {
        return new TrackedProcess(name, process, List.of(), ParamMatch.NONE, 0, false, quorum, quorumMax, 0, 0,
                false);
    }

    private void process(int pid, String comm, String... argv) throws IOException {
        Path directory = Files.createDirectories(proc.resolve(Integer.toString(pid)));
        Files.writeString(directory.resolve("comm"), comm + "\n");
        String cmdline = argv.length == 0 ? "" : String.join("\0", argv) + "\0";
        Files.write(directory.resolve("cmdline"), cmdline.getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(directory.resolve("stat"), pid + " (" + comm + ") S 1 2 3");
    }

    private void gone(int pid) throws IOException {
        Path directory = proc.resolve(Integer.toString(pid));
        for (String file : List.of("comm", "cmdline", "stat")) {
            Files.deleteIfExists(directory.resolve(file));
        }
        Files.deleteIfExists(directory);
    }

    private ProcessCounts counts(TrackedProcess... processes) {
        Map<String, TrackedProcess> byName = new java.util.LinkedHashMap<>();
        for (TrackedProcess process : processes) {
            byName.put(process.name(), process);
        }
        ProcessCounts counts = new ProcessCounts(proc, byName, log::add);
        counts.initialScan();
        return counts;
    }

    @Test
    void theFirstScanCountsProcessesByTheirNameAndSkipsZombies() throws IOException {
        process(100, "nginx", "/usr/sbin/nginx");
        process(101, "nginx", "/usr/sbin/nginx");
        process(102, "sshd", "/usr/sbin/sshd");
        process(103, "nginx");
        Files.writeString(proc.resolve("103").resolve("stat"), "103 (nginx) Z 1 2 3");
        ProcessCounts counts = counts(byName("two", "nginx", 2, 2), byName("three", "nginx", 3, 100));
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("two", true), new TrackerEvent.ProcessQuorum("three",
                false)), counts.currentValues());
    }

    @Test
    void anExitBelowQuorumLosesItAndAnExecOfTheNameRegainsIt() throws IOException {
        process(100, "nginx");
        ProcessCounts counts = counts(byName("web", "nginx", 1, TrackedProcess.QUORUM_MAX_DEFAULT));
        List<TrackerEvent> events = new ArrayList<>();
        counts.onEvent(new ProcessEvent.Exit(100), 0, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("web", false)), events);
        assertEquals(List.of("Quorum lost for tracked process web"), log);
        events.clear();
        process(200, "nginx");
        counts.onEvent(new ProcessEvent.Exec(200), 0, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("web", true)), events);
    }

    @Test
    void aForkedChildCountsForItsParentsTrackedProcessesAfterTheForkDelay() throws IOException {
        process(100, "worker");
        TrackedProcess two = new TrackedProcess("pair", "worker", List.of(), ParamMatch.NONE, 0, false, 2,
                TrackedProcess.QUORUM_MAX_DEFAULT, 0, 2_000_000, false);
        ProcessCounts counts = counts(two);
        List<TrackerEvent> events = new ArrayList<>();
        counts.onEvent(new ProcessEvent.Fork(100, 101), 0, events);
        assertTrue(events.isEmpty());
        assertEquals(2 * SECOND_NS, counts.nextDeadlineNs());
        counts.runDue(SECOND_NS, events);
        assertTrue(events.isEmpty());
        counts.runDue(2 * SECOND_NS, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("pair", true)), events);
        assertEquals(ProcessCounts.NO_DEADLINE, counts.nextDeadlineNs());
    }

    @Test
    void aTerminateDelayHoldsTheLossBackAndAReturnInTimeCancelsIt() throws IOException {
        process(100, "db");
        TrackedProcess db = new TrackedProcess("db", "db", List.of(), ParamMatch.NONE, 0, false, 1,
                TrackedProcess.QUORUM_MAX_DEFAULT, 3_000_000, 0, false);
        ProcessCounts counts = counts(db);
        List<TrackerEvent> events = new ArrayList<>();
        counts.onEvent(new ProcessEvent.Exit(100), 0, events);
        gone(100);
        assertEquals(3 * SECOND_NS, counts.nextDeadlineNs());
        process(300, "db");
        counts.onEvent(new ProcessEvent.Exec(300), SECOND_NS, events);
        assertEquals(ProcessCounts.NO_DEADLINE, counts.nextDeadlineNs());
        counts.runDue(4 * SECOND_NS, events);
        assertTrue(events.isEmpty());
    }

    @Test
    void moreProcessesThanQuorumMaxLoseTheQuorum() throws IOException {
        process(100, "agent");
        ProcessCounts counts = counts(byName("one", "agent", 1, 1));
        List<TrackerEvent> events = new ArrayList<>();
        process(101, "agent");
        counts.onEvent(new ProcessEvent.Exec(101), 0, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("one", false)), events);
        events.clear();
        counts.onEvent(new ProcessEvent.Exit(100), 0, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("one", true)), events);
    }

    @Test
    void aNameChangeAwayFromTheTrackedNameStopsTheProcessCounting() throws IOException {
        process(100, "daemon");
        ProcessCounts counts = counts(byName("d", "daemon", 1, TrackedProcess.QUORUM_MAX_DEFAULT));
        List<TrackerEvent> events = new ArrayList<>();
        counts.onEvent(new ProcessEvent.Comm(100, "daemon"), 0, events);
        assertTrue(events.isEmpty());
        counts.onEvent(new ProcessEvent.Comm(100, "renamed"), 0, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("d", false)), events);
    }

    @Test
    void fullCommandMatchesTheFirstWordOfTheCommandLineAndItsParameters() throws IOException {
        process(100, "python3", "/usr/bin/python3", "-m", "http.server", "8080");
        process(101, "python3", "/usr/bin/python3", "-m", "http.server");
        TrackedProcess exact = new TrackedProcess("exact", "/usr/bin/python3", List.of("-m", "http.server"),
                ParamMatch.EXACT, 0, false, 1, 1, 0, 0, true);
        TrackedProcess initial = new TrackedProcess("initial", "/usr/bin/python3", List.of("-m", "http.se"),
                ParamMatch.INITIAL, 0, false, 2, 2, 0, 0, true);
        TrackedProcess partial = new TrackedProcess("partial", "/usr/bin/python3", List.of("-m", "http.se"),
                ParamMatch.PARTIAL, 0, false, 1, 100, 0, 0, true);
        ProcessCounts counts = counts(exact, initial, partial);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("exact", true),
                new TrackerEvent.ProcessQuorum("initial", true),
                new TrackerEvent.ProcessQuorum("partial", false)), counts.currentValues());
    }

    @Test
    void aRescanFindsWhatPollingMissedAndAppliesTheTerminateDelay() throws IOException {
        process(100, "app");
        TrackedProcess app = new TrackedProcess("app", "app", List.of(), ParamMatch.NONE, 0, false, 1,
                TrackedProcess.QUORUM_MAX_DEFAULT, 1_000_000, 0, false);
        ProcessCounts counts = counts(app);
        gone(100);
        List<TrackerEvent> events = new ArrayList<>();
        counts.rescan(0, events);
        assertTrue(events.isEmpty());
        counts.runDue(SECOND_NS, events);
        assertEquals(List.of(new TrackerEvent.ProcessQuorum("app", false)), events);
        assertFalse(counts.currentValues().contains(new TrackerEvent.ProcessQuorum("app", true)));
    }
}
