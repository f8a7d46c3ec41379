package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InetTextTest {
    private static String ipv6(String hex) {
        return InetText.ipv6(HexFormat.of().parseHex(hex));
    }

    @Test
    void theLongestRunOfZeroWordsIsCompressedTheFirstOnATie() {
        assertEquals("2001:db8::1", ipv6("20010db8000000000000000000000001"));
        assertEquals("1::1:0:0:1", ipv6("00010000000000000001000000000001"));
        assertEquals("1:0:0:1::1", ipv6("00010000000000010000000000000001"));
        assertEquals("::", ipv6("00000000000000000000000000000000"));
        assertEquals("::1", ipv6("00000000000000000000000000000001"));
        assertEquals("fe80::", ipv6("fe800000000000000000000000000000"));
    }

    @Test
    void aSingleZeroWordIsNotCompressed() {
        assertEquals("1:0:2:3:4:5:6:7", ipv6("00010000000200030004000500060007"));
    }

    @Test
    void ipv4MappedAndCompatibleTailsAreDottedQuads() {
        assertEquals("::ffff:192.0.2.1", ipv6("00000000000000000000ffffc0000201"));
        assertEquals("::192.0.2.1", ipv6("000000000000000000000000c0000201"));
    }

    @Test
    void ipv4IsADottedQuad() throws Exception {
        assertEquals("127.0.0.1", InetText.ntop(InetAddress.getByName("127.0.0.1")));
    }
}
