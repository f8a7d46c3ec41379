package org.jkeepalived.ipvs.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Captured messages stored as hex lines ('#' lines are comments), read as native-order buffers. */
final class HexVectors {

    private HexVectors() {
    }

    static ByteBuffer resource(String name) {
        try (InputStream in = HexVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return buffer(text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(hex.replaceAll("\\s", ""))).order(ByteOrder.nativeOrder());
    }

    static String of(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
