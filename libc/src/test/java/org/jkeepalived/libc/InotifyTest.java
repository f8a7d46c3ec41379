package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFileIsReportedByNameOnItsDirectorysWatch() throws Exception {
        try (Inotify inotify = Inotify.open()) {
            int watch = inotify.watch(dir.toString(), Inotify.IN_CLOSE_WRITE | Inotify.IN_DELETE);
            assertTrue(inotify.await(0).isEmpty());
            Files.writeString(dir.resolve("weight"), "5\n");
            Files.delete(dir.resolve("weight"));
            assertEquals(List.of(new Inotify.Event(watch, Inotify.IN_CLOSE_WRITE, "weight"),
                    new Inotify.Event(watch, Inotify.IN_DELETE, "weight")), inotify.await(1000));
        }
    }
}
