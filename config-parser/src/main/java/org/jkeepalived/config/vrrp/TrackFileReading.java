package org.jkeepalived.config.vrrp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How keepalived 2.2.7 reads and initialises a {@code track_file} (trackers/track_file.c), for the VRRP instances and
 * the FILE_CHECKs that track it: the value is the number at the file's start ({@code strtol} base 0 of its first 127
 * bytes; 0 when the file is missing, empty or holds no number); a number outside the 32-bit range is logged and
 * ignored.
 */
public final class TrackFileReading {
    private static final int READ_BYTES = 127;
    private static final long INT32_MIN = Integer.MIN_VALUE;
    private static final long INT32_MAX_PLUS_ONE = Integer.MAX_VALUE + 1L;

    private TrackFileReading() {
    }

    /** keepalived's {@code process_track_file}: empty when the number is out of range (and ignored). */
    public static Optional<Long> read(String path, Consumer<String> log) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            bytes = in.readNBytes(READ_BYTES);
        } catch (IOException e) {
            return Optional.of(0L);
        }
        long value = leadingNumber(new String(bytes, StandardCharsets.ISO_8859_1));
        if (value < INT32_MIN || value > INT32_MAX_PLUS_ONE) {
            log.accept("Invalid number " + value + " read from " + path + " - ignoring");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * {@code strtol(text, NULL, 0)}: optional white space and sign, then hex after 0x, octal after 0, else
     * decimal, up to the first other character; 0 without digits, Long.MIN_VALUE or MAX_VALUE on overflow.
     */
    public static long leadingNumber(String text) {
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        boolean negative = at < text.length() && text.charAt(at) == '-';
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        int base = 10;
        if (text.startsWith("0x", at) || text.startsWith("0X", at)) {
            if (at + 2 < text.length() && Character.digit(text.charAt(at + 2), 16) >= 0) {
                base = 16;
                at += 2;
            }
        } else if (text.startsWith("0", at)) {
            base = 8;
        }
        long magnitude = 0;
        for (; at < text.length() && Character.digit(text.charAt(at), base) >= 0; at++) {
            try {
                magnitude = Math.addExact(Math.multiplyExact(magnitude, base), Character.digit(text.charAt(at), base));
            } catch (ArithmeticException e) {
                return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        return negative ? -magnitude : magnitude;
    }

    /**
     * keepalived's {@code track_file_end_handler}: writes the {@code init_file} value, unless the file exists and
     * {@code overwrite} is not given, or it is not a regular file.
     */
    public static void initialise(TrackFile file, Consumer<String> log) {
        if (file.init().isEmpty()) {
            return;
        }
        TrackFile.Init init = file.init().get();
        Path path = Path.of(file.path());
        if (Files.exists(path)) {
            if (!init.overwrite()) {
                return;
            }
            if (!Files.isRegularFile(path)) {
                log.accept("Cannot initialise track file " + file.name() + " - it is not a regular file");
                return;
            }
        }
        try {
            Files.writeString(path, init.value() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.accept("Unable to initialise track file " + file.name());
        }
    }
}
