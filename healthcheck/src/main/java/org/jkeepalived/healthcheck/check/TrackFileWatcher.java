package org.jkeepalived.healthcheck.check;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jkeepalived.config.vrrp.TrackFile;
import org.jkeepalived.config.vrrp.TrackFileReading;
import org.jkeepalived.libc.Inotify;
import org.jkeepalived.libc.NativeIoException;

/**
 * The checker side's track files (keepalived's init_track_files and process_inotify): each file is initialised and
 * read when a FILE_CHECK first asks for it, its directory is watched through inotify, and every change is handed to
 * the FILE_CHECKs tracking it with the previous value, which the file keeps for all of them. The values and the
 * subscribers belong to the checker event loop; a thread of its own only waits on inotify and passes events there.
 */
final class TrackFileWatcher implements AutoCloseable {
    private static final int EVENTS = Inotify.IN_CLOSE_WRITE | Inotify.IN_DELETE | Inotify.IN_MOVED_FROM
            | Inotify.IN_MOVED_TO;
    /** How often the waiting thread looks whether it was closed. */
    private static final int WAIT_MILLIS = 500;

    /** A new value of a file, with the value it replaces. */
    interface Subscriber {
        void changed(long previousValue, long newValue);
    }

    private final Map<String, TrackFile> files;
    private final EventLoop loop;
    private final Consumer<String> log;
    private final Map<String, Watched> watched = new HashMap<>();
    private Inotify inotify;
    private Thread waiter;
    private volatile boolean closed;

    /** One file as keepalived's tracked_file_t keeps it. */
    private static final class Watched {
        final TrackFile file;
        final Path path;
        final List<Subscriber> subscribers = new ArrayList<>();
        int watch = -1;
        long lastValue;

        Watched(TrackFile file, Path path) {
            this.file = file;
            this.path = path;
        }
    }

    TrackFileWatcher(Map<String, TrackFile> files, EventLoop loop, Consumer<String> log) {
        this.files = Map.copyOf(files);
        this.loop = loop;
        this.log = log;
    }

    /** The file's value now, read on first use; empty for a file that cannot be tracked (already logged). */
    Optional<Long> value(String name) {
        return watched(name).map(file -> file.lastValue);
    }

    void subscribe(String name, Subscriber subscriber) {
        watched(name).ifPresent(file -> file.subscribers.add(subscriber));
    }

    void unsubscribe(String name, Subscriber subscriber) {
        watched(name).ifPresent(file -> file.subscribers.remove(subscriber));
    }

    private Optional<Watched> watched(String name) {
        if (watched.containsKey(name)) {
            return Optional.ofNullable(watched.get(name));
        }
        Watched file = open(files.get(name));
        watched.put(name, file);
        return Optional.ofNullable(file);
    }

    /** init_track_files for one file: its real path (or its directory's), a watch there, and its value. */
    private Watched open(TrackFile file) {
        if (file == null || closed) {
            return null;
        }
        TrackFileReading.initialise(file, log);
        Path path = realPath(Path.of(file.path()).toAbsolutePath());
        if (path == null) {
            log.accept("Track file directory for " + file.name() + " does not exist - removing");
            return null;
        }
        Watched opened = new Watched(file, path);
        try {
            if (inotify == null) {
                inotify = Inotify.open();
                waiter = new Thread(this::await, "jkeepalived-track-files");
                waiter.setDaemon(true);
                waiter.start();
            }
            opened.watch = inotify.watch(path.getParent().toString(), EVENTS);
        } catch (NativeIoException e) {
            log.accept("Unable to monitor track files");
        }
        if (Files.exists(path)) {
            opened.lastValue = TrackFileReading.read(path.toString(), log).orElse(0L);
        }
        return opened;
    }

    /** realpath of the file, else of its directory with the file's name; null when the directory is missing. */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            try {
                Path directory = path.getParent().toRealPath();
                return Files.isDirectory(directory) ? directory.resolve(path.getFileName()) : null;
            } catch (IOException missing) {
                return null;
            }
        }
    }

    private void await() {
        while (!closed) {
            List<Inotify.Event> events;
            try {
                events = inotify.await(WAIT_MILLIS);
            } catch (NativeIoException e) {
                if (!closed) {
                    loop.execute(() -> log.accept("inotify read() returned error " + e.getMessage()));
                }
                return;
            }
            if (!events.isEmpty()) {
                loop.execute(() -> events.forEach(this::handle));
            }
        }
    }

    /** process_inotify: a deleted or moved-away file counts as 0; a written or moved-in one is read again. */
    private void handle(Inotify.Event event) {
        if (closed || (event.mask() & Inotify.IN_ISDIR) != 0) {
            return;
        }
        for (Watched file : watched.values()) {
            if (file == null || file.watch != event.watch()
                    || !file.path.getFileName().toString().equals(event.name())) {
                continue;
            }
            Optional<Long> value = (event.mask() & (Inotify.IN_MOVED_FROM | Inotify.IN_DELETE)) != 0
                    ? Optional.of(0L) : TrackFileReading.read(file.path.toString(), log);
            value.ifPresent(newValue -> update(file, newValue));
        }
    }

    private void update(Watched file, long newValue) {
        long previous = file.lastValue;
        file.lastValue = newValue;
        if (previous != newValue) {
            List.copyOf(file.subscribers).forEach(subscriber -> subscriber.changed(previous, newValue));
        }
    }

    @Override
    public void close() {
        closed = true;
        if (waiter != null) {
            try {
                waiter.join();
                inotify.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (NativeIoException e) {
                log.accept("track files: " + e.getMessage());
            }
        }
    }
}
