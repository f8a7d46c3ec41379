package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.vrrp.machine.TrackerEvent;

/**
 * keepalived 2.2.7's {@code track_file}s (trackers/track_file.c) as the VRRP loop watches them: each file's value
 * is the number at its start ({@code strtol} base 0 of its first 127 bytes; 0 when the file is missing, empty or
 * holds no number), read at start and again whenever inotify reports a write, move or deletion in its directory. A
 * number outside the 32-bit range is logged and ignored, as keepalived does. {@code init_file} is written at start.
 */
final class TrackFiles implements AutoCloseable {

    private static final int IN_CLOSE_WRITE = 0x8;
    private static final int IN_MOVED_FROM = 0x40;
    private static final int IN_MOVED_TO = 0x80;
    private static final int IN_DELETE = 0x200;
    private static final int READ_BYTES = 127;
    private static final long INT32_MIN = Integer.MIN_VALUE;
    private static final long INT32_MAX_PLUS_ONE = Integer.MAX_VALUE + 1L;

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
            file.init().ifPresent(init -> tracked.initialise(file, init));
            tracked.values.put(file.name(), tracked.read(file).orElse(0L));
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
            Optional<Long> value = read(file);
            if (value.isPresent() && !value.get().equals(values.get(file.name()))) {
                values.put(file.name(), value.get());
                changed.add(new TrackerEvent.FileValue(file.name(), value.get()));
            }
        }
        return changed;
    }

    /** keepalived's {@code process_track_file}: empty when the number is out of range (and ignored). */
    private Optional<Long> read(TrackFile file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(file.path()))) {
            bytes = in.readNBytes(READ_BYTES);
        } catch (IOException e) {
            return Optional.of(0L);
        }
        long value = leadingNumber(new String(bytes, StandardCharsets.ISO_8859_1));
        if (value < INT32_MIN || value > INT32_MAX_PLUS_ONE) {
            log.accept("Invalid number " + value + " read from " + file.path() + " - ignoring");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * {@code strtol(text, NULL, 0)}: optional white space and sign, then hex after 0x, octal after 0, else
     * decimal, up to the first other character; 0 without digits, Long.MIN_VALUE or MAX_VALUE on overflow.
     */
    static long leadingNumber(String text) {
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        boolean negative = at < text.length() && text.charAt(at) == '-';
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        int base = 10;
        if (text.startsWith("0x", at) || text.startsWith("0X", at)) {
            if (at + 2 < text.length() && Character.digit(text.charAt(at + 2), 16) >= 0) {
                base = 16;
                at += 2;
            }
        } else if (text.startsWith("0", at)) {
            base = 8;
        }
        long magnitude = 0;
        for (; at < text.length() && Character.digit(text.charAt(at), base) >= 0; at++) {
            try {
                magnitude = Math.addExact(Math.multiplyExact(magnitude, base), Character.digit(text.charAt(at), base));
            } catch (ArithmeticException e) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * keepalived's {@code track_file_end_handler}: writes the init value, unless the file exists and
     * {@code overwrite} is not given, or it is not a regular file.
     */
    private void initialise(TrackFile file, TrackFile.Init init) {
        Path path = Path.of(file.path());
        if (Files.exists(path)) {
            if (!init.overwrite()) {
                return;
            }
            if (!Files.isRegularFile(path)) {
                log.accept("Cannot initialise track file " + file.name() + " - it is not a regular file");
                return;
            }
        }
        try {
            Files.writeString(path, init.value() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.accept("Unable to initialise track file " + file.name());
        }
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
