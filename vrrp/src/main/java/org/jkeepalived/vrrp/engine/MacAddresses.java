package org.jkeepalived.vrrp.engine;

import java.util.HexFormat;
import java.util.Optional;

/** Ethernet MAC addresses written as {@code ip link} shows them: six lower-case hex octets joined by colons. */
final class MacAddresses {

    static final int BYTES = 6;
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":");

    private MacAddresses() {
    }

    /** A copy of {@code mac}, which must have six bytes; {@code name} names it in the exception. */
    static byte[] checkedCopy(byte[] mac, String name) {
        if (mac.length != BYTES) {
            throw new IllegalArgumentException(name + ": " + mac.length + " bytes (expected " + BYTES + ")");
        }
        return mac.clone();
    }

    static String format(byte[] mac) {
        return COLON_HEX.formatHex(mac);
    }

    /** {@code text} as six octets of one or two hex digits each, separated by colons; empty for anything else. */
    static Optional<byte[]> parse(String text) {
        String[] octets = text.split(":", -1);
        if (octets.length != BYTES) {
            return Optional.empty();
        }
        byte[] mac = new byte[BYTES];
        for (int i = 0; i < BYTES; i++) {
            String octet = octets[i];
            if (octet.isEmpty() || octet.length() > 2 || !octet.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return Optional.empty();
            }
            mac[i] = (byte) Integer.parseInt(octet, 16);
        }
        return Optional.of(mac);
    }
}
