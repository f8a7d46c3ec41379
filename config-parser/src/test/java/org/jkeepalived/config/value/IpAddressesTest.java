package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void ipv4IsReadAsGlibcInetPtonDoes() {
        assertEquals("10.0.0.1", IpAddresses.format(IpAddresses.parse("10.0.0.1").orElseThrow()));
        assertTrue(IpAddresses.parse("010.0.0.1").isEmpty(), "leading zeros are refused");
        assertTrue(IpAddresses.parse("10.0.0").isEmpty());
        assertTrue(IpAddresses.parse("10.0.0.256").isEmpty());
        assertTrue(IpAddresses.parse("xxx.xxx.xxx.202").isEmpty());
    }

    @Test
    void ipv6IsPrintedAsGlibcInetNtopDoes() {
        assertEquals("2001:db8::1", IpAddresses.format(IpAddresses.parse("2001:0db8:0:0:0:0:0:1").orElseThrow()));
        assertEquals("::", IpAddresses.format(IpAddresses.parse("::").orElseThrow()));
        assertEquals("::ffff:10.0.0.1", IpAddresses.format(IpAddresses.parse("::ffff:10.0.0.1").orElseThrow()));
        assertEquals("fe80::1:0:0:2", IpAddresses.format(IpAddresses.parse("fe80:0:0:0:1:0:0:2").orElseThrow()));
        assertTrue(IpAddresses.parse("1::2::3").isEmpty());
        assertTrue(IpAddresses.parse("fe80::1%eth0").isEmpty());
    }

    @Test
    void rangesAndMasksAreCutOffBeforeTheAddressIsRead() {
        assertEquals("10.0.0.1", IpAddresses.format(IpAddresses.parseIgnoringRangeAndMask("10.0.0.1-20")
                .orElseThrow()));
        assertEquals("10.0.0.0", IpAddresses.format(IpAddresses.parseIgnoringRangeAndMask("10.0.0.0/24")
                .orElseThrow()));
    }

    private static String ipv6(String hex) {
        return IpAddresses.format(IpAddresses.fromBytes(HexFormat.of().parseHex(hex)));
    }

    @Test
    void theLongestRunOfZeroWordsIsCompressedTheFirstOnATie() {
        assertEquals("2001:db8::1", ipv6("20010db8000000000000000000000001"));
        assertEquals("1::1:0:0:1", ipv6("00010000000000000001000000000001"));
        assertEquals("1:0:0:1::1", ipv6("00010000000000010000000000000001"));
        assertEquals("::1", ipv6("00000000000000000000000000000001"));
        assertEquals("fe80::", ipv6("fe800000000000000000000000000000"));
    }

    @Test
    void aSingleZeroWordIsNotCompressed() {
        assertEquals("1:0:2:3:4:5:6:7", ipv6("00010000000200030004000500060007"));
    }

    @Test
    void ipv4MappedAndCompatibleTailsFromRawBytesStayIpv6WithDottedQuads() {
        assertEquals("::ffff:192.0.2.1", ipv6("00000000000000000000ffffc0000201"));
        assertEquals("::192.0.2.1", ipv6("000000000000000000000000c0000201"));
    }
}
