package org.jkeepalived.vrrp.codec;

import java.nio.ByteBuffer;

/** The RFC 1071 Internet checksum, accumulated over several regions (a pseudo-header, then the message). */
final class InternetChecksum {
    private long sum;

    InternetChecksum add(ByteBuffer buffer, int offset, int lengthBytes) {
        for (int i = 0; i + 1 < lengthBytes; i += 2) {
            sum += buffer.getShort(offset + i) & 0xffff;
        }
        if ((lengthBytes & 1) != 0) {
            sum += (buffer.get(offset + lengthBytes - 1) & 0xff) << 8;
        }
        return this;
    }

    InternetChecksum add(byte[] bytes) {
        return add(ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    InternetChecksum addWord(int word) {
        sum += word & 0xffff;
        return this;
    }

    /** The checksum to store; over a region that already holds its correct checksum it is 0. */
    int value() {
        long folded = sum;
        while ((folded >>> 16) != 0) {
            folded = (folded & 0xffff) + (folded >>> 16);
        }
        return (int) (~folded & 0xffff);
    }

    /** The IPv4 or IPv6 pseudo-header of RFC 5798 §5.2.8 for a VRRP message of {@code lengthBytes}. */
    static InternetChecksum pseudoHeader(byte[] source, byte[] destination, int lengthBytes) {
        return new InternetChecksum().add(source).add(destination)
                .addWord(lengthBytes >>> 16).addWord(lengthBytes).addWord(IpProtocol.VRRP);
    }
}
