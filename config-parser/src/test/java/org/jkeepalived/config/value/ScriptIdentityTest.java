package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptIdentityTest {

    @Test
    void aScriptOfOurOwnIdentityRunsAsItIs() {
        assertEquals(List.of("/bin/check", "x"), ScriptIdentity.ROOT.command(List.of("/bin/check", "x"),
                ScriptIdentity.ROOT));
    }

    @Test
    void aScriptOfAnotherIdentityRunsBehindSetprivWithOnlyItsGroup() {
        assertEquals(List.of("setpriv", "--reuid=65534", "--regid=65533", "--groups=65533", "--", "/bin/check"),
                new ScriptIdentity(65534, 65533).command(List.of("/bin/check"), ScriptIdentity.ROOT));
    }
}
