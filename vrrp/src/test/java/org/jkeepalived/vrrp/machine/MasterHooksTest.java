package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.SECOND_NS;
import static org.jkeepalived.vrrp.machine.TestSettings.advert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.value.ScriptSpec;
import org.junit.jupiter.api.Test;

class MasterHooksTest {

    /** 3 × 1 s + (256 − 100) / 256 s. */
    private static final long MASTER_DOWN_NS = 3 * SECOND_NS + 609_375_000L;

    /** The LVS hooks in order, with the address changes around them to show where they fall. */
    private final List<String> seen = new ArrayList<>();

    private final VrrpEffects effects = new VrrpEffects() {
        @Override
        public void becameMaster() {
            seen.add("became master");
        }

        @Override
        public void leavingMaster() {
            seen.add("leaving master");
        }

        @Override
        public void addVirtualAddresses() {
            seen.add("add addresses");
        }

        @Override
        public void removeVirtualAddresses() {
            seen.add("remove addresses");
        }

        @Override
        public void sendAdvert(int priority) {
        }

        @Override
        public void syncAuthSequenceAfterLowerPriority() {
        }

        @Override
        public void addVirtualRoutes() {
        }

        @Override
        public void addVirtualRules() {
        }

        @Override
        public void removeVirtualRules() {
        }

        @Override
        public void removeVirtualRoutes() {
        }

        @Override
        public void sendGratuitousUpdates(int rounds) {
        }

        @Override
        public void cancelQueuedGratuitousUpdates() {
        }

        @Override
        public void runNotifyScript(ScriptSpec script, List<String> argv, long timeoutMicros) {
        }

        @Override
        public void writeNotifyFifo(String line) {
        }

        @Override
        public void log(String line) {
        }
    };

    private VrrpInstanceMachine master() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(new TestSettings().build(), effects);
        machine.start(0);
        machine.doWork(MASTER_DOWN_NS);
        return machine;
    }

    @Test
    void aNewMasterIsAnnouncedAfterItsAddressesAreSet() {
        master();

        assertEquals(List.of("remove addresses", "add addresses", "became master"), seen);
    }

    @Test
    void aMasterHoldingItsAddressesIsAnnouncedLeavingBeforeItRemovesThem() {
        VrrpInstanceMachine machine = master();
        seen.clear();

        machine.onAdvert(advert(150, "10.0.0.2"), MASTER_DOWN_NS + SECOND_NS);

        assertEquals(List.of("leaving master", "remove addresses"), seen);
    }

    @Test
    void aShutdownIsNotAnnouncedAsLeavingMaster() {
        VrrpInstanceMachine machine = master();
        seen.clear();

        machine.stop(MASTER_DOWN_NS + SECOND_NS);

        assertEquals(List.of("remove addresses"), seen);
    }
}
