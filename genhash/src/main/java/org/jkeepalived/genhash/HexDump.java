package org.jkeepalived.genhash;

/** keepalived's dump_buffer (lib/utils.c): 16 bytes a line, decimal offsets, hex, then the printable ASCII. */
final class HexDump {
    private static final int LINE_BYTES = 16;
    private static final int HALF_LINE_BYTES = 8;

    private HexDump() {
    }

    static String format(byte[] bytes, int offset, int count) {
        StringBuilder text = new StringBuilder();
        int padded = (count + LINE_BYTES - 1) / LINE_BYTES * LINE_BYTES;
        for (int i = 0; i < padded; i++) {
            if (i % LINE_BYTES == 0) {
                text.append(String.format("%04d ", i & 0xffff));
            }
            text.append(i < count ? String.format(" %02x", bytes[offset + i] & 0xff) : "   ");
            if ((i + 1) % HALF_LINE_BYTES == 0) {
                if ((i + 1) % LINE_BYTES != 0) {
                    text.append(" -");
                } else {
                    text.append("   ");
                    appendAscii(text, bytes, offset, i + 1 - LINE_BYTES, count);
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private static void appendAscii(StringBuilder text, byte[] bytes, int offset, int lineStart, int count) {
        for (int j = lineStart; j < lineStart + LINE_BYTES; j++) {
            if (j >= count) {
                text.append(' ');
            } else {
                int b = bytes[offset + j] & 0xff;
                text.append(b >= 0x20 && b <= 0x7e ? (char) b : '.');
            }
        }
    }
}
