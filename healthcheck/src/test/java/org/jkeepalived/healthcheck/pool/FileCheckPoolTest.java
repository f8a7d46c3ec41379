package org.jkeepalived.healthcheck.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.healthcheck.check.Checkers;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE_CHECKs through the real Checkers and CheckerService: files written in a temporary directory drive the pool. */
class FileCheckPoolTest {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    Path dir;

    private final CheckerEventLoop loop = CheckerEventLoop.start();
    private final RecordingEffects effects = new RecordingEffects();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private List<String> logLines() {
        return loop.group().next().submit(effects::logLines).syncUninterruptibly().getNow();
    }

    private void awaitLogLine(String line) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!logLines().contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no \"" + line + "\" in " + logLines());
            Thread.sleep(20);
        }
    }

    @Test
    void aFileCheckStartsFromItsFileAndFollowsItsRewritesAsKeepalivedDoes() throws Exception {
        Files.writeString(dir.resolve("down"), "1\n");
        Path config = Files.writeString(dir.resolve("keepalived.conf"), """
                track_file down {
                    file "%1$s/down"
                    weight 0
                }
                track_file boost {
                    file "%1$s/boost"
                    weight 2
                    init_file 3 overwrite
                }
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    real_server 192.0.2.1 80 {
                        weight 10
                        FILE_CHECK {
                            track_file down
                        }
                    }
                    real_server 192.0.2.2 80 {
                        weight 10
                        FILE_CHECK {
                            track_file boost
                        }
                    }
                }
                """.formatted(dir));
        KeepalivedConfig keepalived = ConfigLoader.load(new LoadOptions(config.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();
        Checkers checkers = new Checkers(loop, Checkers.Settings.of(Optional.empty(), false, new Random(0))
                .withTrackFiles(keepalived.vrrp().trackFiles()));
        CheckerService service = new CheckerService(keepalived.lvs(), checkers, effects, loop);
        try {
            service.start();
            assertEquals(List.of("ipvs add-service", "ipvs add 192.0.2.2:80 weight 16",
                    "log Gained quorum 1+0=1 <= 16 for VS [10.0.0.1]:tcp:80", "fifo VS [10.0.0.1]:tcp:80 UP",
                    "log Activating BFD healthchecker"), effects.drain());

            Files.writeString(dir.resolve("down"), "0\n");
            awaitLogLine("Adding service [192.0.2.1]:tcp:80 to VS [10.0.0.1]:tcp:80");
            Files.writeString(dir.resolve("boost"), "-1\n");
            awaitLogLine("Changing weight from 16 to 8 for active service [192.0.2.2]:tcp:80 of VS [10.0.0.1]:tcp:80");
            Files.writeString(dir.resolve("down"), "5\n");
            awaitLogLine("Removing service [192.0.2.1]:tcp:80 from VS [10.0.0.1]:tcp:80");
        } finally {
            service.stop(false);
            checkers.close();
        }
    }
}
