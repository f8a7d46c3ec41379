package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.vrrp.TrackFile;
import org.jkeepalived.vrrp.machine.TrackerEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackFilesTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void initFileWritesTheValueOnlyWhereTheFileIsMissingUnlessOverwrite() throws Exception {
        Path kept = Files.writeString(dir.resolve("kept"), "3\n");
        Path overwritten = Files.writeString(dir.resolve("overwritten"), "3\n");
        Path created = dir.resolve("created");
        try (TrackFiles files = TrackFiles.open(Map.of(
                "kept", new TrackFile("kept", kept.toString(), 1, false, Optional.of(new TrackFile.Init(5, false))),
                "over", new TrackFile("over", overwritten.toString(), 1, false,
                        Optional.of(new TrackFile.Init(5, true))),
                "new", new TrackFile("new", created.toString(), 1, false, Optional.of(new TrackFile.Init(9, false)))),
                log::add)) {
            assertEquals("3\n", Files.readString(kept));
            assertEquals("5\n", Files.readString(overwritten));
            assertEquals("9\n", Files.readString(created));
            assertTrue(files.currentValues().contains(new TrackerEvent.FileValue("kept", 3)));
            assertTrue(files.currentValues().contains(new TrackerEvent.FileValue("new", 9)));
        }
    }

    @Test
    void aWriteOrDeletionIsReportedThroughInotifyAsTheNewValue() throws Exception {
        Path path = Files.writeString(dir.resolve("weight"), "1\n");
        try (TrackFiles files = TrackFiles.open(Map.of("weight", new TrackFile("weight", path.toString(), 1,
                false, Optional.empty())), log::add)) {
            int fd = files.fd().orElseThrow();
            Files.writeString(path, "42\n");
            assertTrue(LoopNative.pollReadable(List.of(fd), 5_000)[0]);
            assertEquals(List.of(new TrackerEvent.FileValue("weight", 42)), files.changes());

            Files.delete(path);
            assertTrue(LoopNative.pollReadable(List.of(fd), 5_000)[0]);
            assertEquals(List.of(new TrackerEvent.FileValue("weight", 0)), files.changes());
        }
    }

    @Test
    void aNumberBeyondThirtyTwoBitsIsLoggedAndIgnored() throws Exception {
        Path path = Files.writeString(dir.resolve("big"), "2\n");
        try (TrackFiles files = TrackFiles.open(Map.of("big", new TrackFile("big", path.toString(), 1, false,
                Optional.empty())), log::add)) {
            Files.writeString(path, "4294967296\n");
            LoopNative.pollReadable(List.of(files.fd().orElseThrow()), 5_000);

            assertEquals(List.of(), files.changes());
            assertEquals(List.of("Invalid number 4294967296 read from " + path + " - ignoring"), log);
        }
    }
}
