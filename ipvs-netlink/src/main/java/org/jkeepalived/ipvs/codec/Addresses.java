package org.jkeepalived.ipvs.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** Addresses written as {@code inet_ntop} writes them (IPv6 compressed: {@code 2001:db8::1}). */
public final class Addresses {

    private Addresses() {
    }

    public static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int index = 0; index < groups.length; index++) {
            groups[index] = ((bytes[2 * index] & 0xff) << 8) | (bytes[2 * index + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < groups.length; index++) {
            if (index == bestStart) {
                text.append("::");
                index += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[index]).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
