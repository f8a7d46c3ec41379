package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.SECOND_NS;
import static org.jkeepalived.vrrp.machine.TestSettings.advert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choke point records every change with its reason and keeps keepalived's became / released master counts. */
class StateChangeTest {

    private static final long MASTER_DOWN_NS = 3 * SECOND_NS + 609_375_000L;

    private final RecordingEffects effects = new RecordingEffects();
    private final TestSettings settings = new TestSettings();

    private VrrpInstanceMachine master() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.start(0);
        machine.doWork(MASTER_DOWN_NS);
        return machine;
    }

    private static void assertLastChange(VrrpInstanceMachine machine, VrrpState oldState, VrrpState newState,
            StateChangeReason reason, long atNs) {
        assertEquals(new StateChange(oldState, newState, reason, atNs), machine.lastStateChange().orElseThrow());
    }

    @Test
    void startingRecordsInitToBackup() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);

        machine.start(7);

        assertLastChange(machine, VrrpState.INIT, VrrpState.BACKUP, StateChangeReason.STARTED, 7);
    }

    @Test
    void anAddressOwnerStartsThroughItsOwnReason() {
        settings.priority(255).wantMaster = true;
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);

        machine.start(0);

        assertLastChange(machine, VrrpState.INIT, VrrpState.BACKUP, StateChangeReason.ADDRESS_OWNER_START, 0);
    }

    @Test
    void theMasterDownTimerIsTheReasonForBecomingMasterAndIsCounted() {
        VrrpInstanceMachine machine = master();

        assertLastChange(machine, VrrpState.BACKUP, VrrpState.MASTER, StateChangeReason.MASTER_DOWN_TIMER,
                MASTER_DOWN_NS);
        assertEquals(1, machine.becameMasterCount());
        assertEquals(0, machine.releasedMasterCount());
    }

    @Test
    void aHigherPriorityAdvertReleasesMaster() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(150, "10.0.0.2"), 5 * SECOND_NS);

        assertLastChange(machine, VrrpState.MASTER, VrrpState.BACKUP, StateChangeReason.HIGHER_PRIORITY_SEEN,
                5 * SECOND_NS);
        assertEquals(1, machine.releasedMasterCount());
    }

    @Test
    void aTrackerFaultAndItsClearingAreRecordedAndAFaultedMasterCountsAsReleased() {
        VrrpInstanceMachine machine = master();

        machine.onInterfaceChange(false, 5 * SECOND_NS);
        assertLastChange(machine, VrrpState.MASTER, VrrpState.FAULT, StateChangeReason.TRACKER_FAULT,
                5 * SECOND_NS);
        machine.onInterfaceChange(true, 6 * SECOND_NS);

        assertLastChange(machine, VrrpState.FAULT, VrrpState.BACKUP, StateChangeReason.FAULT_CLEARED, 6 * SECOND_NS);
        assertEquals(1, machine.releasedMasterCount());
    }

    @Test
    void aTrackerDownAtStartMarksTheInstanceFaultBeforeItStarts() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onInterfaceChange(false, 0);

        machine.initialiseTracking(3);

        assertLastChange(machine, VrrpState.INIT, VrrpState.FAULT, StateChangeReason.TRACKER_DOWN_AT_START, 3);
    }

    @Test
    void stoppingAMasterRecordsTheStop() {
        VrrpInstanceMachine machine = master();

        machine.stop(9 * SECOND_NS);

        assertLastChange(machine, VrrpState.MASTER, VrrpState.STOP, StateChangeReason.STOP, 9 * SECOND_NS);
        assertEquals(0, machine.releasedMasterCount());
    }

    @Test
    void aSyncGroupMovingAMemberRecordsTheGroupAsTheReason() {
        VrrpInstanceMachine first = new VrrpInstanceMachine(settings.build(), effects);
        VrrpInstanceMachine second = new VrrpInstanceMachine(new TestSettings().name("VI_2").build(), effects);
        SyncGroupMachine group = new SyncGroupMachine("G", List.of(first, second), Map.of(), effects);
        group.start(0);

        first.onInterfaceChange(false, SECOND_NS);

        assertLastChange(second, VrrpState.BACKUP, VrrpState.FAULT, StateChangeReason.SYNC_GROUP, SECOND_NS);
    }
}
