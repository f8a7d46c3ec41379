package org.jkeepalived.vrrp.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jkeepalived.config.value.ScriptSpec;

/** Records every effect as one readable line; tests take them in order and finish with {@link #assertExhausted}. */
final class RecordingEffects implements VrrpEffects {
    /** What vrrp_init_state's vrrp_restore_interface does at start: remove whatever a previous run left set. */
    static final String[] START_CLEANUP = {"remove rules", "remove routes", "cancel garp", "remove addresses"};

    private final Deque<String> effects = new ArrayDeque<>();

    @Override
    public void sendAdvert(int priority) {
        effects.add("advert " + priority);
    }

    @Override
    public void addVirtualAddresses() {
        effects.add("add addresses");
    }

    @Override
    public void addVirtualRoutes() {
        effects.add("add routes");
    }

    @Override
    public void addVirtualRules() {
        effects.add("add rules");
    }

    @Override
    public void syncAuthSequenceAfterLowerPriority() {
        effects.add("sync AH sequence");
    }

    @Override
    public void removeVirtualRules() {
        effects.add("remove rules");
    }

    @Override
    public void removeVirtualRoutes() {
        effects.add("remove routes");
    }

    @Override
    public void removeVirtualAddresses() {
        effects.add("remove addresses");
    }

    @Override
    public void sendGratuitousUpdates(int rounds) {
        effects.add("garp " + rounds);
    }

    @Override
    public void cancelQueuedGratuitousUpdates() {
        effects.add("cancel garp");
    }

    @Override
    public void runNotifyScript(ScriptSpec script, List<String> argv, long timeoutMicros) {
        effects.add("script " + String.join(" ", argv) + (NO_TIMEOUT == timeoutMicros ? "" : " timeout "
                + timeoutMicros));
    }

    @Override
    public void writeNotifyFifo(String line) {
        effects.add("fifo " + line);
    }

    @Override
    public void log(String line) {
        effects.add("log " + line);
    }

    void assertNext(String... expected) {
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < expected.length && !effects.isEmpty(); i++) {
            actual.add(effects.poll());
        }
        assertEquals(List.of(expected), actual);
    }

    void assertExhausted() {
        assertTrue(effects.isEmpty(), () -> "unexpected effects: " + effects);
    }

    void clear() {
        effects.clear();
    }
}
