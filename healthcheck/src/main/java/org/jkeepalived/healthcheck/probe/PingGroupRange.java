package org.jkeepalived.healthcheck.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived 2.2.7's set_ping_group_range: an ICMP datagram socket opens only for a group within
 * net.ipv4.ping_group_range (by default "1 0", nobody, root included), so the checker process lowers the range's low
 * end to 0 when a PING_CHECK is configured, and puts the old low end back when it stops.
 */
public final class PingGroupRange {
    public static final Path SYSCTL = Path.of("/proc/sys/net/ipv4/ping_group_range");
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.healthcheck");
    /** Two unsigned numbers, separated by a tab or a space, ending the line. */
    private static final Pattern RANGE = Pattern.compile("(\\d{1,10})[\\t ](\\d{1,10})\\n");
    private static final long GID_LIMIT = 1L << 32;
    /** "2000000000\t4294967295\n" */
    private static final int LONGEST_ANSWER_BYTES = 10 + 1 + 10 + 1;

    private final Path file;
    private final long savedLow;

    private PingGroupRange(Path file, long savedLow) {
        this.file = file;
        this.savedLow = savedLow;
    }

    /**
     * Lowers the range's low end to 0 unless it is already; empty when there was nothing to do or the file could not
     * be read as keepalived reads it.
     */
    public static Optional<PingGroupRange> widen(Path file) {
        Optional<long[]> range = read(file);
        if (range.isEmpty() || range.get()[0] == 0) {
            return Optional.empty();
        }
        long low = range.get()[0];
        long high = range.get()[1];
        if (low > 1 && high > 1) {
            LOG.info("Warning: {} being expanded from {} {} to 0 {}", file, low, high, high);
        }
        write(file, 0, high);
        return Optional.of(new PingGroupRange(file, low));
    }

    /** Puts the saved low end back, unless it already is. */
    public void restore() {
        read(file).filter(range -> range[0] != savedLow).ifPresent(range -> write(file, savedLow, range[1]));
    }

    private static Optional<long[]> read(Path file) {
        // a sysctl answers only the first read(2): one read as big as the longest answer, as keepalived's
        ByteBuffer buffer = ByteBuffer.allocate(LONGEST_ANSWER_BYTES + 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.read(buffer) > LONGEST_ANSWER_BYTES) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        Matcher matcher = RANGE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long low = Long.parseLong(matcher.group(1));
        long high = Long.parseLong(matcher.group(2));
        return low < GID_LIMIT && high < GID_LIMIT ? Optional.of(new long[] {low, high}) : Optional.empty();
    }

    private static void write(Path file, long low, long high) {
        try {
            Files.writeString(file, low + "\t" + high + "\t\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.info("Write {} failed - {}", file, e.getMessage());
        }
    }
}
