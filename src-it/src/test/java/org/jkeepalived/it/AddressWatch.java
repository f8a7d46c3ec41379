package org.jkeepalived.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches one address of one interface in a namespace while a test runs, two ways: a thread samples
 * {@code ip -o addr} every 10 ms and counts the samples without it, and {@code ip monitor address} records every
 * deletion the kernel announces, so that even a removal shorter than a sample is seen.
 */
final class AddressWatch implements AutoCloseable {
    private static final long SAMPLE_MILLIS = 10;

    private final String namespace;
    private final String device;
    private final String address;
    private final Path monitorLog;
    private final Process monitor;
    private final Thread sampler;
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger missing = new AtomicInteger();
    private volatile boolean stopped;

    private AddressWatch(String namespace, String device, String address, Path monitorLog) throws IOException {
        this.namespace = namespace;
        this.device = device;
        this.address = address;
        this.monitorLog = monitorLog;
        this.monitor = new ProcessBuilder(List.of("ip", "-n", namespace, "-o", "monitor", "address"))
                .redirectErrorStream(true).redirectOutput(monitorLog.toFile()).start();
        this.sampler = new Thread(this::sample, "address-watch-" + address);
        this.sampler.setDaemon(true);
    }

    static AddressWatch start(String namespace, String device, String address, Path dir) throws IOException {
        AddressWatch watch = new AddressWatch(namespace, device, address, dir.resolve("monitor-" + address + ".log"));
        watch.sampler.start();
        return watch;
    }

    private void sample() {
        while (!stopped) {
            try {
                boolean present = ReloadingDaemon.addresses(namespace, device).contains(" " + address + "/");
                samples.incrementAndGet();
                if (!present) {
                    missing.incrementAndGet();
                }
                Thread.sleep(SAMPLE_MILLIS);
            } catch (IOException e) {
                missing.incrementAndGet();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int samples() {
        return samples.get();
    }

    int missing() {
        return missing.get();
    }

    /** The deletions of the address {@code ip monitor} saw, one line each. */
    List<String> deletions() throws IOException {
        return Files.readAllLines(monitorLog, StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith("Deleted") && line.contains(" " + address + "/")).toList();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.join();
        monitor.destroy();
        monitor.waitFor();
    }
}
