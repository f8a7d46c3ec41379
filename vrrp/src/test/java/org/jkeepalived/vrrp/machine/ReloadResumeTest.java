package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.SECOND_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An instance's machine replaced at a reload, as keepalived 2.2.7's restore_vrrp_state and vrrp_init_state. */
class ReloadResumeTest {

    /** 3 × 1 s + (256 − 100) / 256 s. */
    private static final long MASTER_DOWN_NS = 3 * SECOND_NS + 609_375_000L;
    private static final long RELOAD_NS = 10 * SECOND_NS;

    private final RecordingEffects oldEffects = new RecordingEffects();
    private final RecordingEffects effects = new RecordingEffects();
    private final TestSettings settings = new TestSettings();

    @AfterEach
    void everyEffectWasExpected() {
        effects.assertExhausted();
    }

    private VrrpInstanceMachine oldMaster() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), oldEffects);
        machine.start(0);
        machine.doWork(MASTER_DOWN_NS);
        oldEffects.clear();
        return machine;
    }

    private VrrpInstanceMachine oldBackup() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), oldEffects);
        machine.start(0);
        oldEffects.clear();
        return machine;
    }

    @Test
    void aMasterResumesAsMasterWithItsAddressesAndAdvertsAtOnceWithoutANewElection() {
        VrrpInstanceMachine previous = oldMaster();
        settings.priority(90);
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);

        machine.resume(previous, RELOAD_NS);

        effects.assertExhausted();
        assertEquals(VrrpState.MASTER, machine.state());
        assertTrue(machine.addressesSet());
        assertEquals(RELOAD_NS, machine.nextDeadlineNs());
        machine.doWork(RELOAD_NS);
        effects.assertNext("advert 90");
        assertEquals(RELOAD_NS + SECOND_NS, machine.nextDeadlineNs());
    }

    @Test
    void aBackupResumesAsBackupSilentlyAndWaitsAFullMasterDownInterval() {
        VrrpInstanceMachine previous = oldBackup();
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);

        machine.resume(previous, RELOAD_NS);

        effects.assertNext("remove rules", "remove routes", "cancel garp");
        assertEquals(VrrpState.BACKUP, machine.state());
        assertFalse(machine.addressesSet());
        assertEquals(RELOAD_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aMasterWhoseInterfaceIsNowDownGoesToFaultAndRemovesItsAddresses() {
        VrrpInstanceMachine previous = oldMaster();
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onInterfaceChange(false, RELOAD_NS);

        machine.resume(previous, RELOAD_NS);

        effects.assertNext("log (VI_1): entering FAULT state (interface eth0 down)", "log (VI_1) entering FAULT state",
                "fifo INSTANCE \"VI_1\" FAULT 100\n", "remove rules", "remove routes", "cancel garp",
                "remove addresses");
        assertEquals(VrrpState.FAULT, machine.state());
    }

    @Test
    void anInstanceInFaultBeforeAndAfterAReloadDoesNotNotifyFaultAgain() {
        VrrpInstanceMachine previous = new VrrpInstanceMachine(settings.build(), oldEffects);
        previous.onInterfaceChange(false, 0);
        previous.start(0);
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onInterfaceChange(false, RELOAD_NS);

        machine.resume(previous, RELOAD_NS);

        effects.assertNext("log (VI_1): entering FAULT state (interface eth0 down)", "remove rules",
                "remove routes", "cancel garp");
        assertEquals(VrrpState.FAULT, machine.state());
    }

    @Test
    void aRemovedMasterSendsPriorityZeroReleasesItsAddressesAndNotifiesFault() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.start(0);
        machine.doWork(MASTER_DOWN_NS);
        effects.clear();

        machine.remove(RELOAD_NS);

        effects.assertNext("advert 0", "remove rules", "remove routes", "cancel garp", "remove addresses",
                "fifo INSTANCE \"VI_1\" FAULT 100\n");
        assertEquals(VrrpInstanceMachine.NO_DEADLINE, machine.nextDeadlineNs());
    }

    @Test
    void aRemovedInstanceWithNotifyDeletedNotifiesDeleted() {
        settings.notifyDeleted = true;
        settings.notify("notify_deleted", "/bin/deleted.sh");
        settings.notify("notify", "/bin/notify.sh");
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.start(0);
        effects.clear();

        machine.remove(RELOAD_NS);

        effects.assertNext("script /bin/deleted.sh", "script /bin/notify.sh INSTANCE VI_1 DELETED 100",
                "fifo INSTANCE \"VI_1\" DELETED 100\n");
    }

    @Test
    void aSyncGroupWhoseMembersWereAllMasterResumesAsMasterWithoutNotifications() {
        VrrpInstanceMachine firstBefore = oldMaster();
        VrrpInstanceMachine secondBefore = new VrrpInstanceMachine(settings.name("VI_2").build(), oldEffects);
        secondBefore.start(0);
        secondBefore.doWork(MASTER_DOWN_NS);
        VrrpInstanceMachine first = new VrrpInstanceMachine(settings.name("VI_1").build(), effects);
        VrrpInstanceMachine second = new VrrpInstanceMachine(settings.name("VI_2").build(), effects);
        SyncGroupMachine group = new SyncGroupMachine("G", List.of(first, second), Map.of(), effects);

        group.resume(Map.of("VI_1", firstBefore, "VI_2", secondBefore), Optional.of(VrrpState.MASTER), RELOAD_NS);

        effects.assertExhausted();
        assertEquals(VrrpState.MASTER, group.state());
        assertEquals(VrrpState.MASTER, first.state());
        assertEquals(VrrpState.MASTER, second.state());
    }
}
