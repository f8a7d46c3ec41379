package org.jkeepalived.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InetTextTest {

    @Test
    void ipv4IsReadAsGlibcInetPtonDoes() {
        assertEquals("10.0.0.1", InetText.format(InetText.parse("10.0.0.1").orElseThrow()));
        assertTrue(InetText.parse("010.0.0.1").isEmpty(), "leading zeros are refused");
        assertTrue(InetText.parse("10.0.0").isEmpty());
        assertTrue(InetText.parse("10.0.0.256").isEmpty());
        assertTrue(InetText.parse("xxx.xxx.xxx.202").isEmpty());
    }

    @Test
    void ipv6IsPrintedAsGlibcInetNtopDoes() {
        assertEquals("2001:db8::1", InetText.format(InetText.parse("2001:0db8:0:0:0:0:0:1").orElseThrow()));
        assertEquals("::", InetText.format(InetText.parse("::").orElseThrow()));
        assertEquals("::ffff:10.0.0.1", InetText.format(InetText.parse("::ffff:10.0.0.1").orElseThrow()));
        assertEquals("fe80::1:0:0:2", InetText.format(InetText.parse("fe80:0:0:0:1:0:0:2").orElseThrow()));
        assertTrue(InetText.parse("1::2::3").isEmpty());
        assertTrue(InetText.parse("fe80::1%eth0").isEmpty());
    }

    @Test
    void rangesAndMasksAreCutOffBeforeTheAddressIsRead() {
        assertEquals("10.0.0.1", InetText.format(InetText.parseIgnoringRangeAndMask("10.0.0.1-20").orElseThrow()));
        assertEquals("10.0.0.0", InetText.format(InetText.parseIgnoringRangeAndMask("10.0.0.0/24").orElseThrow()));
    }
}
