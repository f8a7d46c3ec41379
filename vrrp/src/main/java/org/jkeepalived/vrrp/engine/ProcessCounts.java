package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jkeepalived.config.vrrp.TrackedProcess;
import org.jkeepalived.libc.ProcessEventSocket.ProcessEvent;
import org.jkeepalived.vrrp.machine.TrackerEvent;

/**
 * keepalived 2.2.7's {@code vrrp_track_process} counting (core/track_process.c): which processes match each tracked
 * process, how many there are, and whether that number is within {@code quorum..quorum_max}, with
 * {@code fork_delay} and {@code terminate_delay} holding a change back. It reads a proc file system (the real
 * {@code /proc}, or a directory laid out like it in tests) and is fed process events, or a rescan when events were
 * lost or are not available. Owned by the loop thread; time is passed in.
 *
 * <p>keepalived counts a process that executes a program matching the same tracked process again a second time;
 * here a process counts once.
 */
final class ProcessCounts {

    static final long NO_DEADLINE = Long.MAX_VALUE;
    private static final long NANOS_PER_MICRO = 1_000L;

    private final Path procRoot;
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final Map<Integer, Set<String>> tracking = new HashMap<>();
    private final Consumer<String> log;

    /** One tracked process and its count. */
    private static final class Counter {
        final TrackedProcess config;
        int count;
        boolean haveQuorum;
        long forkDeadlineNs = NO_DEADLINE;
        long terminateDeadlineNs = NO_DEADLINE;

        Counter(TrackedProcess config) {
            this.config = config;
        }

        boolean inQuorum() {
            return count >= config.quorum() && count <= config.quorumMax();
        }
    }

    /** What /proc says about one process: its 15-character name and its command line. */
    private record ProcessInfo(String comm, byte[] cmdline) {
    }

    ProcessCounts(Path procRoot, Map<String, TrackedProcess> processes, Consumer<String> log) {
        this.procRoot = procRoot;
        this.log = log;
        processes.values().forEach(process -> counters.put(process.name(), new Counter(process)));
    }

    /** keepalived's read_procs and initialise_tracking_priorities: the counts of the first scan and each quorum. */
    void initialScan() {
        scan();
        counters.values().forEach(counter -> counter.haveQuorum = counter.inQuorum());
    }

    /** Each tracked process's quorum now. */
    List<TrackerEvent> currentValues() {
        return counters.values().stream()
                .map(counter -> (TrackerEvent) new TrackerEvent.ProcessQuorum(counter.config.name(),
                        counter.haveQuorum))
                .toList();
    }

    /** The earliest fork or terminate delay running out; {@link #NO_DEADLINE} when none runs. */
    long nextDeadlineNs() {
        long earliest = NO_DEADLINE;
        for (Counter counter : counters.values()) {
            earliest = Math.min(earliest, Math.min(counter.forkDeadlineNs, counter.terminateDeadlineNs));
        }
        return earliest;
    }

    /** The delays that ran out: each decides on the count then (process_gained/lost_quorum_timer_thread). */
    void runDue(long nowNs, List<TrackerEvent> out) {
        for (Counter counter : counters.values()) {
            if (nowNs - counter.forkDeadlineNs >= 0 && counter.forkDeadlineNs != NO_DEADLINE) {
                counter.forkDeadlineNs = NO_DEADLINE;
                update(counter, counter.inQuorum(), out);
            }
            if (nowNs - counter.terminateDeadlineNs >= 0 && counter.terminateDeadlineNs != NO_DEADLINE) {
                counter.terminateDeadlineNs = NO_DEADLINE;
                update(counter, counter.inQuorum(), out);
            }
        }
    }

    /** One event of the kernel's process connector (handle_proc_ev). */
    void onEvent(ProcessEvent event, long nowNs, List<TrackerEvent> out) {
        if (event instanceof ProcessEvent.Fork fork) {
            forked(fork.parentPid(), fork.childPid(), nowNs, out);
        } else if (event instanceof ProcessEvent.Exec exec) {
            check(exec.pid(), Optional.empty(), out);
        } else if (event instanceof ProcessEvent.Comm comm) {
            commChanged(comm.pid(), comm.comm(), out);
        } else if (event instanceof ProcessEvent.Exit exit) {
            terminated(exit.pid(), nowNs, out);
        }
    }

    /**
     * keepalived's reinitialise_track_processes, after events were lost, and what a loop without process events
     * does at each poll: count again from /proc; a count that crossed its quorum bounds changes the quorum, after
     * {@code fork_delay} or {@code terminate_delay}.
     */
    void rescan(long nowNs, List<TrackerEvent> out) {
        scan();
        for (Counter counter : counters.values()) {
            boolean up = counter.inQuorum();
            if (up == counter.haveQuorum) {
                counter.forkDeadlineNs = NO_DEADLINE;
                counter.terminateDeadlineNs = NO_DEADLINE;
            } else if (up && counter.config.forkDelayMicros() > 0) {
                counter.terminateDeadlineNs = NO_DEADLINE;
                startTimer(counter, true, nowNs);
            } else if (!up && counter.config.terminateDelayMicros() > 0) {
                counter.forkDeadlineNs = NO_DEADLINE;
                startTimer(counter, false, nowNs);
            } else {
                update(counter, up, out);
            }
        }
    }

    private void startTimer(Counter counter, boolean fork, long nowNs) {
        if (fork && counter.forkDeadlineNs == NO_DEADLINE) {
            counter.forkDeadlineNs = nowNs + counter.config.forkDelayMicros() * NANOS_PER_MICRO;
        } else if (!fork && counter.terminateDeadlineNs == NO_DEADLINE) {
            counter.terminateDeadlineNs = nowNs + counter.config.terminateDelayMicros() * NANOS_PER_MICRO;
        }
    }

    private void scan() {
        tracking.clear();
        counters.values().forEach(counter -> counter.count = 0);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || name.charAt(0) <= '0' || name.charAt(0) > '9' || !Files.isDirectory(entry)) {
                    continue;
                }
                int pid;
                try {
                    pid = Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (zombie(pid)) {
                    continue;
                }
                read(pid).ifPresent(info -> counters.values().stream()
                        .filter(counter -> matches(counter.config, info, false))
                        .forEach(counter -> add(pid, counter)));
            }
        } catch (IOException e) {
            log.accept("track_process: cannot read " + procRoot + ": " + e.getMessage());
        }
    }

    // keepalived's check_process: a process executed a program, or changed its name (comm given).
    private void check(int pid, Optional<String> newComm, List<TrackerEvent> out) {
        boolean hadProcess = tracking.containsKey(pid);
        Optional<ProcessInfo> info = newComm.isPresent()
                ? Optional.of(new ProcessInfo(newComm.get(), new byte[0])) : read(pid);
        if (info.isEmpty()) {
            return;
        }
        for (Counter counter : counters.values()) {
            TrackedProcess config = counter.config;
            if (config.fullCommand() && newComm.isPresent()) {
                continue;
            }
            if (name(config, info.get()).equals(config.process())) {
                if (!matches(config, info.get(), newComm.isPresent())) {
                    if (hadProcess) {
                        remove(pid, counter, out);
                    }
                    continue;
                }
                if (!add(pid, counter)) {
                    continue;
                }
                if (counter.count == config.quorum() || counter.count == config.quorumMax() + 1) {
                    counter.terminateDeadlineNs = NO_DEADLINE;
                    update(counter, counter.count == config.quorum(), out);
                }
            } else if (hadProcess && newComm.isEmpty()) {
                remove(pid, counter, out);
            }
        }
    }

    // keepalived's check_process_fork: a child of a counted process counts for the same tracked processes.
    private void forked(int parentPid, int childPid, long nowNs, List<TrackerEvent> out) {
        Set<String> parent = tracking.get(parentPid);
        if (parent == null) {
            return;
        }
        for (String name : List.copyOf(parent)) {
            Counter counter = counters.get(name);
            if (!add(childPid, counter)) {
                continue;
            }
            TrackedProcess config = counter.config;
            if (counter.count == config.quorum() || counter.count == config.quorumMax() + 1) {
                if (counter.terminateDeadlineNs != NO_DEADLINE) {
                    counter.terminateDeadlineNs = NO_DEADLINE;
                } else if (config.forkDelayMicros() > 0) {
                    startTimer(counter, true, nowNs);
                    continue;
                }
                update(counter, counter.count == config.quorum(), out);
            }
        }
    }

    // keepalived's check_process_termination.
    private void terminated(int pid, long nowNs, List<TrackerEvent> out) {
        Set<String> names = tracking.remove(pid);
        if (names == null) {
            return;
        }
        for (String name : names) {
            Counter counter = counters.get(name);
            TrackedProcess config = counter.config;
            if (counter.count-- == config.quorum() || counter.count == config.quorumMax()) {
                if (counter.forkDeadlineNs != NO_DEADLINE) {
                    counter.forkDeadlineNs = NO_DEADLINE;
                } else if (config.terminateDelayMicros() > 0) {
                    startTimer(counter, false, nowNs);
                    continue;
                }
                update(counter, counter.count == config.quorumMax(), out);
            }
        }
    }

    // keepalived's check_process_comm_change: a process counted by its old name stops counting, then the new name
    // is checked.
    private void commChanged(int pid, String comm, List<TrackerEvent> out) {
        Set<String> names = tracking.get(pid);
        if (names != null) {
            for (String name : List.copyOf(names)) {
                TrackedProcess config = counters.get(name).config;
                if (config.fullCommand()) {
                    continue;
                }
                if (comm.equals(config.process())) {
                    return;
                }
                remove(pid, counters.get(name), out);
            }
        }
        check(pid, Optional.of(comm), out);
    }

    /** keepalived's remove_process_from_track. */
    private void remove(int pid, Counter counter, List<TrackerEvent> out) {
        Set<String> names = tracking.get(pid);
        if (names == null || !names.remove(counter.config.name())) {
            return;
        }
        if (names.isEmpty()) {
            tracking.remove(pid);
        }
        TrackedProcess config = counter.config;
        if (counter.count-- == config.quorum() || counter.count == config.quorumMax()) {
            counter.forkDeadlineNs = NO_DEADLINE;
            update(counter, counter.count == config.quorumMax(), out);
        }
    }

    /** @return false when the process already counted for it */
    private boolean add(int pid, Counter counter) {
        if (!tracking.computeIfAbsent(pid, key -> new LinkedHashSet<>()).add(counter.config.name())) {
            return false;
        }
        counter.count++;
        return true;
    }

    /** keepalived's update_process_status and process_update_track_process_status's log line. */
    private void update(Counter counter, boolean nowUp, List<TrackerEvent> out) {
        if (nowUp == counter.haveQuorum) {
            return;
        }
        counter.haveQuorum = nowUp;
        log.accept("Quorum " + (nowUp ? "gained" : "lost") + " for tracked process " + counter.config.name());
        out.add(new TrackerEvent.ProcessQuorum(counter.config.name(), nowUp));
    }

    /** The name a tracked process is matched on: the command line's first word, or the 15-character name. */
    private static String name(TrackedProcess config, ProcessInfo info) {
        if (!config.fullCommand()) {
            return info.comm();
        }
        int end = 0;
        while (end < info.cmdline().length && info.cmdline()[end] != 0) {
            end++;
        }
        return new String(info.cmdline(), 0, end, StandardCharsets.ISO_8859_1);
    }

    private static boolean matches(TrackedProcess config, ProcessInfo info, boolean commOnly) {
        if (!name(config, info).equals(config.process())) {
            return false;
        }
        if (config.paramMatch() == TrackedProcess.ParamMatch.NONE || commOnly) {
            return true;
        }
        byte[] cmdline = info.cmdline();
        int start = Math.min(cmdline.length, config.process().length() + 1);
        return parametersMatch(config, Arrays.copyOfRange(cmdline, start, cmdline.length));
    }

    /** keepalived's check_params: the configured words, each ending in a NUL, against the process's. */
    static boolean parametersMatch(TrackedProcess config, byte[] actual) {
        byte[] wanted = wantedParameters(config.parameters());
        return switch (config.paramMatch()) {
            case NONE -> true;
            case EXACT -> Arrays.equals(actual, wanted);
            case PARTIAL -> startsWith(actual, wanted, wanted.length);
            case INITIAL -> wanted.length <= 1 || startsWith(actual, wanted, wanted.length - 1);
        };
    }

    private static byte[] wantedParameters(List<String> parameters) {
        StringBuilder joined = new StringBuilder();
        parameters.forEach(word -> joined.append(word).append('\0'));
        return joined.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean startsWith(byte[] actual, byte[] prefix, int length) {
        return actual.length >= length && Arrays.equals(actual, 0, length, prefix, 0, length);
    }

    private Optional<ProcessInfo> read(int pid) {
        Path directory = procRoot.resolve(Integer.toString(pid));
        try {
            String comm = Files.readString(directory.resolve("comm"), StandardCharsets.ISO_8859_1);
            byte[] cmdline = Files.readAllBytes(directory.resolve("cmdline"));
            return Optional.of(new ProcessInfo(comm.endsWith("\n") ? comm.substring(0, comm.length() - 1) : comm,
                    cmdline));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** keepalived's scan skips zombies: state Z after the name in /proc/PID/stat. */
    private boolean zombie(int pid) {
        try {
            String stat = Files.readString(procRoot.resolve(Integer.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1);
            int nameEnd = stat.lastIndexOf(')');
            return nameEnd >= 0 && nameEnd + 2 < stat.length() && stat.charAt(nameEnd + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
