package org.jkeepalived.libc.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Test vectors written as hex with spaces (for the annotations) and read as native-order buffers. */
final class Hex {

    private Hex() {
    }

    static ByteBuffer buffer(String annotatedHex) {
        return ByteBuffer.wrap(bytes(annotatedHex)).order(ByteOrder.nativeOrder());
    }

    static byte[] bytes(String annotatedHex) {
        return HexFormat.of().parseHex(annotatedHex.replaceAll("\\s", ""));
    }

    static String of(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A test resource of hex lines, '#' lines being comments. */
    static ByteBuffer resource(String name) {
        try (InputStream in = Hex.class.getResourceAsStream(name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return buffer(text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
