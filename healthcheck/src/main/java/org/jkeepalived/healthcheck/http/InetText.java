package org.jkeepalived.healthcheck.http;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Addresses written as glibc's inet_ntop writes them, which is how keepalived puts them in a Host header. */
public final class InetText {
    private static final int IPV6_WORDS = 8;

    private InetText() {
    }

    public static String ntop(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? dottedQuad(bytes, 0) : ipv6(bytes);
    }

    /** Sixteen bytes of an IPv6 address, kept as IPv6 even when Java would call them an IPv4-mapped address. */
    public static String ipv6(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("IPv6 address: " + bytes.length + " bytes (expected 16)");
        }
        int[] words = new int[IPV6_WORDS];
        for (int i = 0; i < IPV6_WORDS; i++) {
            words[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < IPV6_WORDS; ) {
            int end = i;
            while (end < IPV6_WORDS && words[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        // glibc compresses only runs of two or more zero words
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < IPV6_WORDS; i++) {
            if (i == bestStart) {
                text.append(':');
                i += bestLength - 1;
                if (i == IPV6_WORDS - 1) {
                    text.append(':');
                }
                continue;
            }
            if (i > 0) {
                text.append(':');
            }
            // glibc writes IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) tails as a dotted quad
            if (i == 6 && bestStart == 0 && (bestLength == 6 || bestLength == 5 && words[5] == 0xffff)) {
                text.append(dottedQuad(bytes, 12));
                break;
            }
            text.append(Integer.toHexString(words[i]));
        }
        return text.toString();
    }

    private static String dottedQuad(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) + "." + (bytes[offset + 1] & 0xff) + "." + (bytes[offset + 2] & 0xff) + "."
                + (bytes[offset + 3] & 0xff);
    }
}
