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
import org.jkeepalived.libc.Inotify;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.vrrp.machine.TrackerEvent;

/**
 * keepalived 2.2.7's {@code track_file}s (trackers/track_file.c) as the VRRP loop watches them: each file's value
 * ({@link TrackFileReading}) is read at start and again whenever inotify reports a write, move or deletion in its
 * directory. {@code init_file} is written at start.
 */
final class TrackFiles implements AutoCloseable {

    private static final int EVENTS = Inotify.IN_CLOSE_WRITE | Inotify.IN_DELETE | Inotify.IN_MOVED_FROM
            | Inotify.IN_MOVED_TO;

    private final Map<String, TrackFile> files;
    private final Map<String, Long> values = new LinkedHashMap<>();
    private final Consumer<String> log;
    /** Empty when no file is tracked. */
    private final Optional<Inotify> inotify;

    private TrackFiles(Map<String, TrackFile> files, Consumer<String> log, Optional<Inotify> inotify) {
        this.files = files;
        this.log = log;
        this.inotify = inotify;
    }

    /**
     * Initialises the files that have {@code init_file}, reads every file and starts watching their directories.
     *
     * @param files the files some instance tracks, by name
     */
    static TrackFiles open(Map<String, TrackFile> files, Consumer<String> log) throws NativeIoException {
        Optional<Inotify> inotify = files.isEmpty() ? Optional.empty() : Optional.of(Inotify.open());
        TrackFiles tracked = new TrackFiles(Map.copyOf(files), log, inotify);
        Set<Path> directories = new LinkedHashSet<>();
        for (TrackFile file : files.values()) {
            TrackFileReading.initialise(file, log);
            tracked.values.put(file.name(), TrackFileReading.read(file.path(), log).orElse(0L));
            directories.add(resolved(file).toAbsolutePath().getParent());
        }
        for (Path directory : directories) {
            try {
                inotify.orElseThrow().watch(directory.toString(), EVENTS);
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
        return inotify.map(Inotify::fd);
    }

    /** Each file's value now, as the machines' starting state. */
    List<TrackerEvent> currentValues() {
        return values.entrySet().stream()
                .map(entry -> (TrackerEvent) new TrackerEvent.FileValue(entry.getKey(), entry.getValue())).toList();
    }

    /** After inotify reported something: the files whose value changed, with their new value. */
    List<TrackerEvent> changes() {
        try {
            // Which file the events name does not matter: every file is read again.
            inotify.orElseThrow().await(0);
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
        if (inotify.isPresent()) {
            inotify.get().close();
        }
    }
}
