package org.jkeepalived.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;
import org.junit.jupiter.api.Test;

class SameSettingsTest {

    private static ScriptSpec notifyMaster(String command, int line) {
        return new ScriptSpec("notify_master", List.of(command), new ScriptIdentity(0, 0),
                new Location("keepalived.conf", line));
    }

    @Test
    void aScriptThatOnlyMovedDownTheFileIsTheSame() {
        assertTrue(SameSettings.of(Map.of("notify_master", notifyMaster("/bin/up.sh", 3)),
                Map.of("notify_master", notifyMaster("/bin/up.sh", 9))));
    }

    @Test
    void aScriptWithAnotherCommandIsNotTheSame() {
        assertFalse(SameSettings.of(Optional.of(notifyMaster("/bin/up.sh", 3)),
                Optional.of(notifyMaster("/bin/down.sh", 3))));
    }

    @Test
    void listsCompareByElementsWhateverTheirClass() {
        assertTrue(SameSettings.of(List.of(1, 2, 3), new ArrayList<>(List.of(1, 2, 3))));
        assertFalse(SameSettings.of(List.of(1, 2), List.of(1, 2, 3)));
    }
}
