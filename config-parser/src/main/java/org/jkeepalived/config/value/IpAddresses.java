package org.jkeepalived.config.value;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Address literals as keepalived reads and prints them, never a name lookup: glibc's {@code inet_pton} (strict
 * dotted quad, no leading zeros, no scope ids) and {@code inet_ntop} (RFC 5952 style IPv6, with the embedded IPv4
 * forms).
 */
public final class IpAddresses {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;

    private IpAddresses() {
    }

    /** {@code inet_pton} of the family keepalived picks: IPv6 when the text holds a colon, IPv4 otherwise. */
    public static Optional<InetAddress> parse(String text) {
        byte[] bytes = text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(fromBytes(bytes));
    }

    /**
     * The address of 4 or 16 bytes. IPv4-mapped IPv6 addresses stay IPv6, as keepalived's AF_INET6 sockaddr does
     * (plain {@code InetAddress.getByAddress} would turn them into IPv4).
     */
    public static InetAddress fromBytes(byte[] bytes) {
        try {
            return bytes.length == IPV6_BYTES ? Inet6Address.getByAddress(null, bytes, -1)
                    : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** keepalived's {@code inet_stosockaddr} address part: anything from the first '-' or '/' on is ignored. */
    public static Optional<InetAddress> parseIgnoringRangeAndMask(String text) {
        int cut = text.indexOf('-');
        if (cut < 0) {
            cut = text.indexOf('/');
        }
        return parse(cut < 0 ? text : text.substring(0, cut));
    }

    public static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }

    /** The address length in bits: 32 or 128. */
    public static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    /** {@code inet_ntop}. */
    public static String format(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == IPV4_BYTES) {
            return dotted(bytes, 0);
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && words[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestBase = start;
                bestLength = i - start;
            }
        }
        if (bestLength < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            boolean embeddedIpv4 = i == 6 && bestBase == 0
                    && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff));
            if (embeddedIpv4) {
                return out.append(dotted(bytes, 12)).toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLength == 8) {
            out.append(':');
        }
        return out.toString();
    }

    private static String dotted(byte[] bytes, int from) {
        return (bytes[from] & 0xff) + "." + (bytes[from + 1] & 0xff) + "." + (bytes[from + 2] & 0xff) + "."
                + (bytes[from + 3] & 0xff);
    }

    private static byte[] parseIpv4(String text) {
        byte[] out = new byte[IPV4_BYTES];
        int octets = 0;
        int value = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && value >= 0 && octets < 3) {
                out[octets++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        if (value < 0 || octets != 3) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }

    private static byte[] parseIpv6(String text) {
        byte[] out = new byte[IPV6_BYTES];
        int length = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == text.length()) {
                return out;
            }
        } else if (text.startsWith(":")) {
            return null;
        }
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && text.charAt(end) != ':') {
                end++;
            }
            String group = text.substring(i, end);
            if (group.indexOf('.') >= 0) {
                byte[] ipv4 = end == text.length() && length + IPV4_BYTES <= IPV6_BYTES ? parseIpv4(group) : null;
                if (ipv4 == null) {
                    return null;
                }
                System.arraycopy(ipv4, 0, out, length, IPV4_BYTES);
                length += IPV4_BYTES;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || length + 2 > IPV6_BYTES) {
                return null;
            }
            int word = 0;
            for (char c : group.toCharArray()) {
                int digit = Character.digit(c, 16);
                if (digit < 0 || c > 'f') {
                    return null;
                }
                word = (word << 4) | digit;
            }
            out[length++] = (byte) (word >> 8);
            out[length++] = (byte) word;
            if (end == text.length()) {
                break;
            }
            if (text.startsWith("::", end)) {
                if (gap >= 0) {
                    return null;
                }
                gap = length;
                i = end + 2;
                if (i == text.length()) {
                    break;
                }
            } else {
                i = end + 1;
                if (i == text.length()) {
                    return null;
                }
            }
        }
        if (gap >= 0) {
            if (length == IPV6_BYTES) {
                return null;
            }
            int tail = length - gap;
            System.arraycopy(out, gap, out, IPV6_BYTES - tail, tail);
            Arrays.fill(out, gap, IPV6_BYTES - tail, (byte) 0);
        } else if (length != IPV6_BYTES) {
            return null;
        }
        return out;
    }
}
