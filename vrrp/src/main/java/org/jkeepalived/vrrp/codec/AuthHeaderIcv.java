package org.jkeepalived.vrrp.codec;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IPsec AH header keepalived puts between the IPv4 header and a VRRPv2 message, and its integrity check value:
 * HMAC-MD5 keyed with the 8-byte {@code auth_pass}, truncated to 96 bits, over the packet with the IP header's mutable
 * fields zeroed (TOS, flags and fragment offset, header checksum, and the TTL when the instance is unicast) and the
 * ICV itself zeroed, as {@code vrrp_update_pkt} and {@code vrrp_in_chk_ipsecah} compute it.
 */
final class AuthHeaderIcv {
    static final int HEADER_BYTES = 24;
    static final int NEXT_HEADER_OFFSET = 0;
    static final int PAYLOAD_LENGTH_OFFSET = 1;
    static final int SPI_OFFSET = 4;
    static final int SEQUENCE_OFFSET = 8;
    static final int ICV_OFFSET = 12;
    static final int ICV_BYTES = 12;
    /** 32-bit words of the header minus 2 (RFC 2402 §2.2). */
    static final int PAYLOAD_LENGTH_WORDS = 4;

    private static final int IP_TOS_OFFSET = 1;
    private static final int IP_FRAGMENT_OFFSET = 6;
    private static final int IP_TTL_OFFSET = 8;
    private static final int IP_CHECKSUM_OFFSET = 10;

    private AuthHeaderIcv() {
    }

    /**
     * The ICV of the packet at {@code packet[start, start + packetBytes)} whose AH header starts at
     * {@code start + ipHeaderBytes}.
     */
    static byte[] compute(ByteBuffer packet, int start, int ipHeaderBytes, int packetBytes, byte[] key,
                          boolean unicast) {
        byte[] bytes = new byte[packetBytes];
        packet.get(start, bytes);
        bytes[IP_TOS_OFFSET] = 0;
        bytes[IP_FRAGMENT_OFFSET] = 0;
        bytes[IP_FRAGMENT_OFFSET + 1] = 0;
        bytes[IP_CHECKSUM_OFFSET] = 0;
        bytes[IP_CHECKSUM_OFFSET + 1] = 0;
        if (unicast) {
            bytes[IP_TTL_OFFSET] = 0;
        }
        int icvStart = ipHeaderBytes + ICV_OFFSET;
        Arrays.fill(bytes, icvStart, icvStart + ICV_BYTES, (byte) 0);
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return Arrays.copyOf(mac.doFinal(bytes), ICV_BYTES);
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacMD5", missingFromTheJdk);
        }
    }
}
