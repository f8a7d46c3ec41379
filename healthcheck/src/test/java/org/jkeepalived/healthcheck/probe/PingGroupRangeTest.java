package org.jkeepalived.healthcheck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingGroupRangeTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultRangeIsWidenedToGroupZeroAndRestored() throws Exception {
        Path sysctl = Files.writeString(dir.resolve("ping_group_range"), "1\t0\n");

        PingGroupRange widened = PingGroupRange.widen(sysctl).orElseThrow();
        assertEquals("0\t0\t\n", Files.readString(sysctl));

        Files.writeString(sysctl, "0\t0\n");
        widened.restore();
        assertEquals("1\t0\t\n", Files.readString(sysctl));
    }

    @Test
    void aRangeStartingAtZeroIsLeftAlone() throws Exception {
        Path sysctl = Files.writeString(dir.resolve("ping_group_range"), "0\t2147483647\n");

        assertTrue(PingGroupRange.widen(sysctl).isEmpty());
        assertEquals("0\t2147483647\n", Files.readString(sysctl));
    }

    @Test
    void anUnreadableRangeIsLeftAlone() throws Exception {
        Path sysctl = Files.writeString(dir.resolve("ping_group_range"), "1,0\n");

        assertTrue(PingGroupRange.widen(sysctl).isEmpty());
        assertTrue(PingGroupRange.widen(dir.resolve("missing")).isEmpty());
    }
}
