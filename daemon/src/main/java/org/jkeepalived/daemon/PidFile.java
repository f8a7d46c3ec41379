package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/** keepalived's pid files (keepalived/core/pidfile.c): {@code <pid>\n}, mode 0644, never through a symlink. */
final class PidFile {
    /** fscanf("%d"): optional blanks and sign, then digits. */
    private static final Pattern LEADING_INT = Pattern.compile("\\s*([+-]?\\d+)");

    private final Logger log;
    private final LongPredicate processAlive;

    PidFile(Logger log, LongPredicate processAlive) {
        this.log = log;
        this.processAlive = processAlive;
    }

    void write(Path file, long pid) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")))) {
            channel.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
        // keepalived lifts group and other read from its umask (0177 by default) for the pid files alone
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.info("Unable to remove pidfile {} - {}", file, e.getMessage());
        }
    }

    /**
     * keepalived's {@code process_running}: a file without a number counts as running (after removing it), a pid
     * of no live process is a zombie file and is removed.
     */
    boolean processRunning(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            // keepalived: no pid file that it can open means none
            return false;
        }
        Matcher number = LEADING_INT.matcher(text);
        if (!number.lookingAt()) {
            log.info("Error reading pid file {}", file);
            remove(file);
            return true;
        }
        long pid = Long.parseLong(number.group(1));
        if (pid == 0) {
            return true;
        }
        if (!processAlive.test(pid)) {
            log.info("Remove a zombie pid file {}", file);
            remove(file);
            return false;
        }
        return true;
    }
}
