package org.jkeepalived.daemon;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.global.GlobalDefs;
import org.slf4j.Logger;

/**
 * The checker process's {@code notify_fifo} and {@code lvs_notify_fifo}, as keepalived's {@code fifo_open}: a FIFO
 * missing is made (mode 0644) and removed again on close; each is opened read-write so that opening never waits for a
 * reader. Lines are written by a thread of their own, so a full pipe never blocks the checker event loop.
 */
final class CheckerFifos implements AutoCloseable {
    /** How long the last lines may take to reach their readers on close. */
    private static final long WRITE_GRACE_MILLIS = 1_000;
    private final List<RandomAccessFile> fifos = new ArrayList<>();
    private final List<Path> created = new ArrayList<>();
    private final Logger log;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "checker-notify-fifo");
        thread.setDaemon(true);
        return thread;
    });

    private CheckerFifos(Logger log) {
        this.log = log;
    }

    static CheckerFifos open(GlobalDefs global, Logger log) {
        CheckerFifos opened = new CheckerFifos(log);
        opened.open(global.notifyFifo(), "");
        opened.open(global.lvsNotifyFifo(), "lvs_");
        return opened;
    }

    private void open(Optional<GlobalDefs.NotifyFifo> configured, String type) {
        if (configured.isEmpty()) {
            return;
        }
        Path path = Path.of(configured.get().path());
        if (!Files.exists(path)) {
            if (!makeFifo(path)) {
                log.info("Unable to create {}notify fifo {}", type, path);
                return;
            }
            created.add(path);
        }
        try {
            fifos.add(new RandomAccessFile(path.toFile(), "rw"));
        } catch (IOException e) {
            log.info("Unable to open {}notify fifo {} - {}", type, path, e.getMessage());
        }
    }

    /** mkfifo(3) with S_IRUSR|S_IWUSR|S_IRGRP|S_IROTH, through coreutils since the JDK has no mkfifo. */
    private static boolean makeFifo(Path path) {
        try {
            return new ProcessBuilder("mkfifo", "-m", "0644", "--", path.toString()).inheritIO().start()
                    .waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code line} and its newline to every FIFO; a write that fails is dropped, as keepalived ignores it. */
    void write(String line) {
        if (fifos.isEmpty()) {
            return;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        writer.execute(() -> {
            for (RandomAccessFile fifo : fifos) {
                try {
                    fifo.write(bytes);
                } catch (IOException e) {
                    log.debug("notify fifo write failed: {}", e.getMessage());
                }
            }
        });
    }

    /** keepalived's {@code fifo_close}: the FIFOs it made are unlinked first, then closed once written. */
    @Override
    public void close() {
        for (Path path : created) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("notify fifo {} not removed: {}", path, e.getMessage());
            }
        }
        writer.shutdown();
        try {
            writer.awaitTermination(WRITE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (RandomAccessFile fifo : fifos) {
            try {
                fifo.close();
            } catch (IOException e) {
                log.debug("notify fifo not closed: {}", e.getMessage());
            }
        }
    }
}
