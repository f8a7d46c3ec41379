package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
