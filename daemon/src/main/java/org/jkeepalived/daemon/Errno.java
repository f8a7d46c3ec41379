package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/** keepalived's {@code %d - %m} of a failed open: the errno and its strerror text, recovered from Java's exception. */
final class Errno {
    /** The strerror texts the JDK puts in FileSystemException reasons, with their Linux errno. */
    private static final Map<String, Integer> LINUX_ERRNO = Map.of(
            "No such file or directory", 2,
            "Permission denied", 13,
            "Not a directory", 20,
            "Is a directory", 21,
            "Read-only file system", 30,
            "Too many levels of symbolic links", 40);

    private Errno() {
    }

    static String describe(IOException e) {
        String text;
        if (e instanceof NoSuchFileException) {
            text = "No such file or directory";
        } else if (e instanceof AccessDeniedException) {
            text = "Permission denied";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            text = fs.getReason();
        } else {
            text = String.valueOf(e.getMessage());
        }
        String known = LINUX_ERRNO.keySet().stream().filter(text::startsWith).findFirst().orElse(null);
        return known == null ? text : LINUX_ERRNO.get(known) + " - " + known;
    }
}
