package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The {@code notify_fifo} / {@code vrrp_notify_fifo} writers. keepalived opens a FIFO read-write so that opening
 * never waits for a reader; writes go through one thread of their own so a full pipe never blocks the loop.
 */
final class NotifyFifo implements AutoCloseable {

    private final List<RandomAccessFile> fifos = new ArrayList<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vrrp-notify-fifo");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<String> log;

    /** Opens the FIFOs at {@code paths} that exist; a missing one is logged and left out. */
    NotifyFifo(List<String> paths, Consumer<String> log) {
        this.log = log;
        for (String path : paths) {
            if (!Files.exists(Path.of(path))) {
                log.accept("Unable to open notify FIFO " + path + " - no such file");
                continue;
            }
            try {
                fifos.add(new RandomAccessFile(path, "rw"));
            } catch (IOException e) {
                log.accept("Unable to open notify FIFO " + path + " - " + e.getMessage());
            }
        }
    }

    void write(String line) {
        if (fifos.isEmpty()) {
            return;
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        writer.execute(() -> {
            for (RandomAccessFile fifo : fifos) {
                try {
                    fifo.write(bytes);
                } catch (IOException e) {
                    log.accept("Write to notify FIFO failed - " + e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        writer.shutdown();
        for (RandomAccessFile fifo : fifos) {
            try {
                fifo.close();
            } catch (IOException e) {
                log.accept("Closing notify FIFO failed - " + e.getMessage());
            }
        }
    }
}
