package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jkeepalived.config.vrrp.TrackedProcess;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetworkNamespace;
import org.jkeepalived.libc.ProcessEventSocket;
import org.jkeepalived.vrrp.machine.TrackerEvent;

/**
 * The {@code vrrp_track_process}es the VRRP loop watches: counted from /proc at start, then kept current from the
 * kernel's process events connector, as keepalived 2.2.7 does. The connector serves only the kernel's initial network
 * namespace, so a loop in another one opens it from there ({@code /proc/1/ns/net}); keepalived manages that only with
 * {@code net_namespace}, and under {@code ip netns exec} never counts a process at all. Where the connector cannot be
 * had, /proc is read again every {@link #POLL_INTERVAL_NANOS} nanoseconds instead. Lost events (ENOBUFS) lead to a
 * new count a second later, as in keepalived.
 */
final class TrackProcesses implements AutoCloseable {

    /** Without process events: how often /proc is read again. */
    static final long POLL_INTERVAL_NANOS = 1_000_000_000L;
    /** keepalived waits this long after lost events before counting again (TIMER_HZ). */
    private static final long RESCAN_AFTER_LOSS_NANOS = 1_000_000_000L;
    private static final Path PROC = Path.of("/proc");
    private static final Path INITIAL_NAMESPACE = Path.of("/proc/1/ns/net");

    private final Map<String, TrackedProcess> processes;
    private final ProcessCounts counts;
    private final Optional<ProcessEventSocket> socket;
    private final Consumer<String> log;
    private long rescanNs;

    private TrackProcesses(Map<String, TrackedProcess> processes, Optional<ProcessEventSocket> socket,
                           Consumer<String> log, long nowNs) {
        this.processes = processes;
        this.socket = socket;
        this.log = log;
        this.counts = new ProcessCounts(PROC, processes, log);
        counts.initialScan();
        this.rescanNs = socket.isPresent() ? ProcessCounts.NO_DEADLINE : nowNs + POLL_INTERVAL_NANOS;
    }

    /** Subscribes to process events (when any process is tracked) and counts the processes running now. */
    static TrackProcesses open(Map<String, TrackedProcess> processes, Consumer<String> log, long nowNs) {
        Optional<ProcessEventSocket> socket = processes.isEmpty() ? Optional.empty() : openSocket(log);
        return new TrackProcesses(Map.copyOf(processes), socket, log, nowNs);
    }

    private static Optional<ProcessEventSocket> openSocket(Consumer<String> log) {
        try {
            return Optional.of(ProcessEventSocket.open());
        } catch (NativeIoException e) {
            if (e.errno() != ProcessEventSocket.ECONNREFUSED) {
                log.accept("track_process: no process events (" + e.getMessage() + "), reading /proc every second");
                return Optional.empty();
            }
        }
        try {
            NetworkNamespace initialNamespace = NetworkNamespace.enter(INITIAL_NAMESPACE);
            try {
                return Optional.of(ProcessEventSocket.open());
            } finally {
                initialNamespace.close();
            }
        } catch (IOException e) {
            log.accept("track_process: no process events in this network namespace (" + e.getMessage()
                    + "), reading /proc every second");
            return Optional.empty();
        }
    }

    /** The tracked processes, by name, as configured. */
    Map<String, TrackedProcess> processes() {
        return processes;
    }

    /** Each tracked process's quorum now, as the starting state of a machine. */
    List<TrackerEvent> currentValues() {
        return counts.currentValues();
    }

    /** The connector's descriptor to poll; empty without it. */
    Optional<Integer> fd() {
        return socket.map(ProcessEventSocket::fd);
    }

    long nextDeadlineNs() {
        return Math.min(rescanNs, counts.nextDeadlineNs());
    }

    /** Delays that ran out, and a due count from /proc. */
    List<TrackerEvent> runDue(long nowNs) {
        List<TrackerEvent> changed = new ArrayList<>();
        counts.runDue(nowNs, changed);
        if (rescanNs != ProcessCounts.NO_DEADLINE && nowNs - rescanNs >= 0) {
            rescanNs = socket.isPresent() ? ProcessCounts.NO_DEADLINE : nowNs + POLL_INTERVAL_NANOS;
            counts.rescan(nowNs, changed);
        }
        return changed;
    }

    /** After the connector became readable: the quorum changes its events make. */
    List<TrackerEvent> readEvents(long nowNs) {
        List<TrackerEvent> changed = new ArrayList<>();
        if (socket.isEmpty()) {
            return changed;
        }
        try {
            socket.get().drain().forEach(event -> counts.onEvent(event, nowNs, changed));
        } catch (NativeIoException e) {
            if (e.errno() == ProcessEventSocket.ENOBUFS) {
                rescanNs = nowNs + RESCAN_AFTER_LOSS_NANOS;
            } else {
                log.accept("process monitor netlink recv error: " + e.getMessage());
            }
        }
        return changed;
    }

    @Override
    public void close() throws NativeIoException {
        if (socket.isPresent()) {
            socket.get().close();
        }
    }
}
