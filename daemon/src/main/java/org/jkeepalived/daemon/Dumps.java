package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.vrrp.engine.InstanceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes keepalived 2.2.7's dump files on request, in its temporary directory ({@code $TMPDIR} when absolute, else
 * /tmp): {@code keepalived.data}, {@code keepalived.stats}, {@code keepalived.json}, each replaced whole, with
 * keepalived's mode (0666 less the umask, 0600 by default) and its log lines.
 */
final class Dumps {
    static final String DEFAULT_DIRECTORY = "/tmp";
    private static final long SNAPSHOT_TIMEOUT_MILLIS = 2_000;
    private static final Logger VRRP_LOG = LoggerFactory.getLogger(SyslogIdent.VRRP);

    private final Path directory;
    private final int umask;
    private final long pid;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMicrosClock;
    private final ZoneId zone;

    /**
     * @param umask            the process's file creation mask (keepalived's 0177 unless {@code -u})
     * @param nanoClock        the clock the VRRP loop runs on
     * @param epochMicrosClock the wall clock, for {@code last_transition}
     */
    Dumps(Path directory, int umask, long pid, LongSupplier nanoClock, LongSupplier epochMicrosClock, ZoneId zone) {
        this.directory = directory;
        this.umask = umask;
        this.pid = pid;
        this.nanoClock = nanoClock;
        this.epochMicrosClock = epochMicrosClock;
        this.zone = zone;
    }

    /** keepalived's {@code set_tmp_dir}: {@code $TMPDIR} when it is an absolute path. */
    static Path directoryOf(Map<String, String> environment) {
        return Path.of(Optional.ofNullable(environment.get("TMPDIR")).filter(dir -> dir.startsWith("/"))
                .orElse(DEFAULT_DIRECTORY));
    }

    /** Writes the dump {@code request} asks for; nothing without a running VRRP subsystem (keepalived's child). */
    void write(DaemonRequest request, KeepalivedConfig config, Optional<VrrpLauncher.Running> vrrp) {
        if (vrrp.isEmpty()) {
            return;
        }
        switch (request) {
            case DUMP_DATA -> VRRP_LOG.info("Printing VRRP data for process({}) on signal", pid);
            case DUMP_STATS -> VRRP_LOG.info("Printing VRRP stats for process({}) on signal", pid);
            case DUMP_STATS_CLEAR -> VRRP_LOG.info("Printing and clearing VRRP stats for process({}) on signal", pid);
            case DUMP_JSON -> VRRP_LOG.info("Printing VRRP as json for process({}) on signal", pid);
            default -> throw new IllegalArgumentException("request: " + request + " (expected a dump)");
        }
        Optional<List<InstanceSnapshot>> instances = snapshot(vrrp.get(), request == DaemonRequest.DUMP_STATS_CLEAR);
        if (instances.isEmpty()) {
            return;
        }
        VrrpDumps.TimeBase time = new VrrpDumps.TimeBase(nanoClock.getAsLong(), epochMicrosClock.getAsLong(), zone);
        switch (request) {
            case DUMP_DATA -> save("keepalived.data", VrrpDumps.data(config.global(), instances.get(), time, umask));
            case DUMP_STATS, DUMP_STATS_CLEAR -> save("keepalived.stats", VrrpDumps.stats(instances.get()));
            default -> {
                // keepalived writes no JSON file without instances
                if (!instances.get().isEmpty()) {
                    save("keepalived.json", VrrpDumps.json(instances.get(), time));
                }
            }
        }
    }

    private static Optional<List<InstanceSnapshot>> snapshot(VrrpLauncher.Running vrrp, boolean clearStats) {
        try {
            return Optional.of(vrrp.snapshot(clearStats).get(SNAPSHOT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            VRRP_LOG.info("VRRP state not available for the dump: {}", e.toString());
        }
        return Optional.empty();
    }

    /** keepalived's {@code fopen_safe(path, "w")}: never through a symlink, mode 0666 less the umask. */
    private void save(String fileName, String text) {
        Path file = directory.resolve(fileName);
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS))) {
            Files.setPosixFilePermissions(file, permissions(0666 & ~umask));
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            VRRP_LOG.info("Can't open {} ({})", file, Errno.describe(e));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        for (int bit = 0; bit < bits.length; bit++) {
            if ((mode & (0400 >> bit)) != 0) {
                permissions.add(bits[bit]);
            }
        }
        return permissions;
    }
}
