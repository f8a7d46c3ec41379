package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoggingTest {

    @Test
    void aShortCommandLineIsOneLine() {
        assertEquals(List.of("Command line: 'keepalived' '-n'"), Logging.wrapOption("Command line",
                "'keepalived' '-n'"));
    }

    @Test
    void aLongCommandLineWrapsAtASpaceUnderTheText() {
        String text = "'keepalived' '-n' '-l' '-p' '/tmp/clix/k.pid' '-r' '/tmp/clix/v.pid' '-c' '/tmp/clix/c.pid'"
                + " '-f' '/tmp/clix/none.conf'";
        assertEquals(List.of(
                "Command line: 'keepalived' '-n' '-l' '-p' '/tmp/clix/k.pid' '-r' '/tmp/clix/v.pid' '-c'",
                "              '/tmp/clix/c.pid' '-f' '/tmp/clix/none.conf'"),
                Logging.wrapOption("Command line", text));
    }
}
