package org.jkeepalived.config.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HexStringTest {

    @Test
    void octetsMayBeRunTogetherOrSeparatedAndALoneDigitIsAnOctet() {
        assertEquals(Optional.of("0A1BFF"), HexString.read("0a1b ff", false));
        assertEquals(Optional.of("0501"), HexString.read("5 01", false));
    }

    @Test
    void wildcardNibblesAreOnlyAcceptedForReplies() {
        assertEquals(Optional.of("0X1X"), HexString.read("x 1x", true));
        assertEquals(Optional.empty(), HexString.read("1x", false));
        assertEquals(Optional.empty(), HexString.read("zz", true));
        assertEquals(Optional.empty(), HexString.read("   ", false));
    }
}
