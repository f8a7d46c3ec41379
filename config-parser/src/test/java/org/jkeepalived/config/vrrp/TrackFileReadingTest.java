package org.jkeepalived.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackFileReadingTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void aFileIsReadAsStrtolWithBaseZeroReads() {
        assertEquals(12, TrackFileReading.leadingNumber("12\n"));
        assertEquals(-7, TrackFileReading.leadingNumber("  -7 apples"));
        assertEquals(16, TrackFileReading.leadingNumber("0x10"));
        assertEquals(8, TrackFileReading.leadingNumber("010"));
        assertEquals(0, TrackFileReading.leadingNumber("none"));
        assertEquals(0, TrackFileReading.leadingNumber(""));
        assertEquals(Long.MAX_VALUE, TrackFileReading.leadingNumber("99999999999999999999"));
    }

    @Test
    void aMissingFileReadsAsZeroAndANumberBeyondThirtyTwoBitsIsIgnored() throws Exception {
        assertEquals(Optional.of(0L), TrackFileReading.read(dir.resolve("missing").toString(), log::add));
        Path big = Files.writeString(dir.resolve("big"), "4294967296\n");
        assertEquals(Optional.empty(), TrackFileReading.read(big.toString(), log::add));
        assertEquals(List.of("Invalid number 4294967296 read from " + big + " - ignoring"), log);
    }

    @Test
    void initFileCreatesAMissingFileAndOverwritesOnlyWhenAsked() throws Exception {
        Path kept = Files.writeString(dir.resolve("kept"), "3\n");
        Path created = dir.resolve("created");
        TrackFileReading.initialise(new TrackFile("kept", kept.toString(), 1, false,
                Optional.of(new TrackFile.Init(5, false))), log::add);
        TrackFileReading.initialise(new TrackFile("created", created.toString(), 1, false,
                Optional.of(new TrackFile.Init(-2, false))), log::add);
        assertEquals("3\n", Files.readString(kept));
        assertEquals("-2\n", Files.readString(created));
        TrackFileReading.initialise(new TrackFile("kept", kept.toString(), 1, false,
                Optional.of(new TrackFile.Init(5, true))), log::add);
        assertEquals("5\n", Files.readString(kept));
    }
}
