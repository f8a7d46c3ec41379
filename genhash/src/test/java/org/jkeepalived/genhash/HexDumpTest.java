package org.jkeepalived.genhash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HexDumpTest {
    private static String dump(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return HexDump.format(bytes, 0, bytes.length);
    }

    @Test
    void aPartialLastLineIsPaddedAsTheRealGenhashPrintsIt() {
        assertEquals("0000  48 54 54 50 2f 31 2e 30 - 20 32 30 30 20 4f 4b 0d   HTTP/1.0 200 OK.\n"
                + "0016  0a 43 6f 6e 74 65 6e 74 - 2d 4c 65 6e 67 74 68 3a   .Content-Length:\n"
                + "0032  20 35 0d 0a 0d 0a       -                            5....          \n",
                dump("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\n"));
    }

    @Test
    void lessThanHalfALineStillPrintsTheDash() {
        assertEquals("0000  68 65 6c 6c 6f          -                           hello           \n", dump("hello"));
    }

    @Test
    void offsetsAreDecimalAndNothingIsPrintedForNoBytes() {
        assertEquals("", dump(""));
        String lines = dump("x".repeat(170));
        assertEquals("0160  78 78 78 78 78 78 78 78 - 78 78                     xxxxxxxxxx      \n",
                lines.substring(lines.lastIndexOf("0160")));
    }
}
