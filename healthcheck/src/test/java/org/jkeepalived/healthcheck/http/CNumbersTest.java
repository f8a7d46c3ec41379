package org.jkeepalived.healthcheck.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CNumbersTest {
    private static CNumbers.Parsed strtoul(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return CNumbers.strtoul(bytes, 0, bytes.length);
    }

    @Test
    void leadingWhiteSpaceIncludingNewlinesIsSkipped() {
        assertEquals(new CNumbers.Parsed(42, 6), strtoul(" \r\n\t42\r\n"));
    }

    @Test
    void withoutDigitsNothingIsReadAndTheEndIsTheStart() {
        assertEquals(new CNumbers.Parsed(0, 0), strtoul("  x"));
        assertEquals(new CNumbers.Parsed(0, 0), strtoul("-"));
    }

    @Test
    void aMinusSignWrapsAroundAsUnsignedLong() {
        assertEquals(new CNumbers.Parsed(-5, 2), strtoul("-5"));
    }

    @Test
    void overflowGivesUlongMax() {
        assertEquals(new CNumbers.Parsed(CNumbers.ULONG_MAX, 21), strtoul("184467440737095516160"));
        assertEquals(new CNumbers.Parsed(-2, 20), strtoul("18446744073709551614"));
    }
}
