package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jkeepalived.config.vrrp.TrackFile;
import org.jkeepalived.config.vrrp.TrackFileReading;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.vrrp.machine.TrackerEvent;

/**
 * keepalived 2.2.7's {@code track_file}s (trackers/track_file.c) as the VRRP loop watches them: each file's value
 * ({@link TrackFileReading}) is read at start and again whenever inotify reports a write, move or deletion in its
 * directory. {@code init_file} is written at start.
 */
final class TrackFiles implements AutoCloseable {

    private static final int IN_CLOSE_WRITE = 0x8;
    private static final int IN_MOVED_FROM = 0x40;
    private static final int IN_MOVED_TO = 0x80;
    private static final int IN_DELETE = 0x200;

    private final Map<String, TrackFile> files;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Consumer<String> log;
    private final int inotifyFd;

    private TrackFiles(Map<String, TrackFile> files, Consumer<String> log, int inotifyFd) {
        this.files = files;
        this.log = log;
        this.inotifyFd = inotifyFd;
    }

    /**
     * Initialises the files that have {@code init_file}, reads every file and starts watching their directories.
     *
     * @param files the files some instance tracks, by name
     */
    static TrackFiles open(Map<String, TrackFile> files, Consumer<String> log) throws NativeIoException {
        int fd = files.isEmpty() ? -1 : LoopNative.openInotify();
        TrackFiles tracked = new TrackFiles(Map.copyOf(files), log, fd);
        Set<Path> directories = new LinkedHashSet<>();
        for (TrackFile file : files.values()) {
            TrackFileReading.initialise(file, log);
            tracked.values.put(file.name(), TrackFileReading.read(file.path(), log).orElse(0L));
            directories.add(resolved(file).toAbsolutePath().getParent());
        }
        for (Path directory : directories) {
            try {
                LoopNative.addInotifyWatch(fd, directory.toString(),
                        IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO);
            } catch (NativeIoException e) {
                log.accept("track_file: cannot watch " + directory + ": " + e.getMessage());
            }
        }
        return tracked;
    }

    /** The files watched, by name. */
    Map<String, TrackFile> files() {
        return files;
    }

    /** The inotify descriptor to poll; empty when no file is tracked. */
    Optional<Integer> fd() {
        return inotifyFd < 0 ? Optional.empty() : Optional.of(inotifyFd);
    }

    /** Each file's value now, as the machines' starting state. */
    List<TrackerEvent> currentValues() {
        return values.entrySet().stream()
                .map(entry -> (TrackerEvent) new TrackerEvent.FileValue(entry.getKey(), entry.getValue())).toList();
    }

    /** After inotify reported something: the files whose value changed, with their new value. */
    List<TrackerEvent> changes() {
        try {
            LoopNative.drain(inotifyFd);
        } catch (NativeIoException e) {
            log.accept("inotify: " + e.getMessage());
        }
        List<TrackerEvent> changed = new ArrayList<>();
        for (TrackFile file : files.values()) {
            Optional<Long> value = TrackFileReading.read(file.path(), log);
            if (value.isPresent() && !value.get().equals(values.get(file.name()))) {
                values.put(file.name(), value.get());
                changed.add(new TrackerEvent.FileValue(file.name(), value.get()));
            }
        }
        return changed;
    }

    /** The file's real path when it exists (keepalived watches the directory the file really is in). */
    private static Path resolved(TrackFile file) {
        Path path = Path.of(file.path());
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public void close() throws NativeIoException {
        if (inotifyFd >= 0) {
            LoopNative.close(inotifyFd);
        }
    }
}
