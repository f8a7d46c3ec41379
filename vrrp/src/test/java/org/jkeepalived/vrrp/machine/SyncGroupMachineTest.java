package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.SECOND_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncGroupMachineTest {

    private static final long MASTER_DOWN_NS = 3 * SECOND_NS + 609_375_000L;

    private final RecordingEffects effects = new RecordingEffects();
    private final VrrpInstanceMachine first = new VrrpInstanceMachine(new TestSettings().build(), effects);
    private final VrrpInstanceMachine second = new VrrpInstanceMachine(new TestSettings().name("VI_2").build(),
            effects);
    private final SyncGroupMachine group = new SyncGroupMachine("G", List.of(first, second), Map.of(), effects);

    @BeforeEach
    void startTheGroup() {
        group.start(0);
        effects.assertNext("fifo GROUP \"G\" BACKUP 0\n",
                "remove rules", "remove routes", "cancel garp", "remove addresses",
                "log (VI_1) Entering BACKUP STATE (init)", "fifo INSTANCE \"VI_1\" BACKUP 100\n",
                "remove rules", "remove routes", "cancel garp", "remove addresses",
                "log (VI_2) Entering BACKUP STATE (init)", "fifo INSTANCE \"VI_2\" BACKUP 100\n");
    }

    @AfterEach
    void everyEffectWasExpected() {
        effects.assertExhausted();
    }

    @Test
    void aMemberWhoseTimerExpiresFirstWaitsInBackupForTheOthers() {
        first.doWork(MASTER_DOWN_NS);

        assertEquals(VrrpState.BACKUP, first.state());
        assertEquals(2 * MASTER_DOWN_NS, first.nextDeadlineNs());
    }

    @Test
    void membersBecomeMasterTogetherOnceEveryMemberWantsMaster() {
        first.doWork(MASTER_DOWN_NS);

        second.doWork(MASTER_DOWN_NS);

        effects.assertNext("advert 100", "log (VI_2) Entering MASTER STATE", "add addresses", "add routes",
                "add rules", "garp 5", "fifo INSTANCE \"VI_2\" MASTER 100\n",
                "log VRRP_Group(G) Syncing instances to MASTER state",
                "advert 100", "log (VI_1) Entering MASTER STATE", "add addresses", "add routes", "add rules",
                "garp 5", "fifo INSTANCE \"VI_1\" MASTER 100\n", "fifo GROUP \"G\" MASTER 0\n");
        assertEquals(VrrpState.MASTER, first.state());
        assertEquals(VrrpState.MASTER, group.state());
    }

    @Test
    void aMemberGoingToFaultTakesEveryMemberToFault() {
        first.onInterfaceChange(false, SECOND_NS);

        effects.assertNext("log (VI_1) Entering FAULT STATE", "fifo INSTANCE \"VI_1\" FAULT 100\n",
                "log VRRP_Group(G) Syncing instances to FAULT state", "fifo INSTANCE \"VI_2\" FAULT 100\n",
                "fifo GROUP \"G\" FAULT 0\n");
        assertEquals(VrrpState.FAULT, second.state());
        assertEquals(VrrpInstanceMachine.NO_DEADLINE, second.nextDeadlineNs());
    }

    @Test
    void aMasterMemberGoingBackupTakesTheOthersToBackup() {
        first.doWork(MASTER_DOWN_NS);
        second.doWork(MASTER_DOWN_NS);
        effects.clear();

        first.onAdvert(TestSettings.advert(150, "10.0.0.2"), 5 * SECOND_NS);

        effects.assertNext("log (VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100",
                "log (VI_1) Entering BACKUP STATE", "remove rules", "remove routes", "cancel garp",
                "remove addresses", "fifo INSTANCE \"VI_1\" BACKUP 100\n",
                "log VRRP_Group(G) Syncing instances to BACKUP state",
                "log (VI_2) Entering BACKUP STATE", "remove rules", "remove routes", "cancel garp",
                "remove addresses", "fifo INSTANCE \"VI_2\" BACKUP 100\n", "fifo GROUP \"G\" BACKUP 0\n");
        assertEquals(VrrpState.BACKUP, second.state());
    }

    @Test
    void stoppingTheGroupStopsEveryMemberThenNotifiesTheGroup() {
        group.stop(SECOND_NS);

        effects.assertNext("fifo INSTANCE \"VI_1\" STOP 100\n", "fifo INSTANCE \"VI_2\" STOP 100\n",
                "fifo GROUP \"G\" STOP 0\n");
    }
}
