package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.SECOND_NS;
import static org.jkeepalived.vrrp.machine.TestSettings.advert;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jkeepalived.config.value.IpAddresses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VrrpInstanceMachineTest {

    /** 3 × 1 s + (256 − 100) / 256 s. */
    private static final long MASTER_DOWN_NS = 3 * SECOND_NS + 609_375_000L;

    private final RecordingEffects effects = new RecordingEffects();
    private final TestSettings settings = new TestSettings();

    @AfterEach
    void everyEffectWasExpected() {
        effects.assertExhausted();
    }

    private VrrpInstanceMachine started() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.start(0);
        return machine;
    }

    private VrrpInstanceMachine startedBackup() {
        VrrpInstanceMachine machine = started();
        effects.assertNext("remove rules", "remove routes", "cancel garp", "remove addresses",
                "log (VI_1) Entering BACKUP STATE (init)", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        return machine;
    }

    private VrrpInstanceMachine master() {
        VrrpInstanceMachine machine = startedBackup();
        machine.doWork(MASTER_DOWN_NS);
        effects.assertNext("advert 100", "log (VI_1) Entering MASTER STATE", "add addresses", "add routes",
                "add rules", "garp 5", "fifo INSTANCE \"VI_1\" MASTER 100\n");
        return machine;
    }

    @Test
    void aBackupEntersBackupAtStartAndWaitsTheMasterDownInterval() {
        VrrpInstanceMachine machine = startedBackup();

        assertEquals(VrrpState.BACKUP, machine.state());
        assertEquals(MASTER_DOWN_NS, machine.nextDeadlineNs());
        assertEquals(0, machine.doWork(MASTER_DOWN_NS - 1));
    }

    @Test
    void aBackupBecomesMasterWhenTheMasterDownTimerExpires() {
        VrrpInstanceMachine machine = master();

        assertEquals(VrrpState.MASTER, machine.state());
        assertEquals(MASTER_DOWN_NS + SECOND_NS, machine.nextDeadlineNs());
    }

    @Test
    void anAddressOwnerBecomesMasterAtTheFirstWorkAfterStartSendingTheAdvertFirst() {
        settings.priority(255).wantMaster = true;
        VrrpInstanceMachine machine = started();
        effects.assertNext(RecordingEffects.START_CLEANUP);
        effects.assertExhausted();
        assertEquals(1_000, machine.nextDeadlineNs());

        machine.doWork(1_000);

        effects.assertNext("advert 255", "log (VI_1) Entering MASTER STATE", "add addresses", "add routes",
                "add rules", "garp 5", "fifo INSTANCE \"VI_1\" MASTER 255\n");
    }

    @Test
    void stateMasterBelowPriority255StartsAsBackupAndWaitsTheFullInterval() {
        settings.wantMaster = true;
        VrrpInstanceMachine machine = startedBackup();

        assertEquals(MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aMasterSendsAnAdvertEveryAdvertInterval() {
        VrrpInstanceMachine machine = master();

        machine.doWork(MASTER_DOWN_NS + SECOND_NS);

        effects.assertNext("advert 100");
        assertEquals(MASTER_DOWN_NS + 2 * SECOND_NS, machine.nextDeadlineNs());
    }

    @Test
    void theSecondGratuitousArpBurstFollowsAfterTheGarpMasterDelay() {
        VrrpInstanceMachine machine = master();

        machine.doWork(MASTER_DOWN_NS + 5 * SECOND_NS);

        effects.assertNext("garp 5", "advert 100");
    }

    @Test
    void aMasterRefreshesGratuitousArpsAtTheFirstAdvertAfterTheRefreshInterval() {
        settings.garp = new MachineSettings.GarpTiming(0, 5, 2_000_000, 2, 0, 0);
        VrrpInstanceMachine machine = master();

        machine.doWork(MASTER_DOWN_NS + SECOND_NS);
        effects.assertNext("advert 100");
        machine.doWork(MASTER_DOWN_NS + 2 * SECOND_NS);
        effects.assertNext("advert 100");
        machine.doWork(MASTER_DOWN_NS + 3 * SECOND_NS);

        effects.assertNext("advert 100", "garp 2");
    }

    @Test
    void aBackupAcceptingAnAdvertRestartsTheMasterDownTimer() {
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(150, "10.0.0.2"), 2 * SECOND_NS);

        assertEquals(2 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
        assertEquals(TestSettings.address("10.0.0.2"), machine.masterAddress().orElseThrow());
        assertEquals(150, machine.masterPriority());
    }

    @Test
    void aBackupAcceptsAnEqualPriorityAdvertWhateverTheAddress() {
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(100, "10.0.0.0"), SECOND_NS);

        assertEquals(SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aBackupDiscardsALowerPriorityAdvertAndKeepsItsTimerSoPreemptionWaitsTheMasterDownInterval() {
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(50, "10.0.0.2"), 2 * SECOND_NS);

        effects.assertNext("log (VI_1) received lower priority (50) advert from 10.0.0.2 - discarding");
        assertEquals(MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aBackupWithNopreemptAcceptsALowerPriorityAdvert() {
        settings.nopreempt = true;
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(50, "10.0.0.2"), 2 * SECOND_NS);

        assertEquals(2 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aBackupWithPreemptDelayAcceptsLowerPriorityAdvertsUntilTheDelayEnds() {
        settings.preemptDelayMicros = 10_000_000;
        settings.logDetail = true;
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(50, "10.0.0.2"), SECOND_NS);
        effects.assertNext("log (VI_1) start preempt delay (10.000000)");
        machine.onAdvert(advert(50, "10.0.0.2"), 10 * SECOND_NS);
        assertEquals(10 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
        machine.onAdvert(advert(50, "10.0.0.2"), 11 * SECOND_NS);

        effects.assertNext("log (VI_1) received lower priority (50) advert from 10.0.0.2 - discarding");
        assertEquals(10 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aBackupReceivingPriorityZeroTakesOverAfterTheSkewTimeOnly() {
        settings.logDetail = true;
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(advert(0, "10.0.0.2"), SECOND_NS);

        effects.assertNext("log (VI_1) Backup received priority 0 advertisement");
        assertEquals(SECOND_NS + 609_375_000L, machine.nextDeadlineNs());
    }

    @Test
    void aMasterHearingALowerPriorityAnswersAtOnceAndRestartsItsAdvertTimer() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(90, "10.0.0.2"), MASTER_DOWN_NS + 500_000_000L);

        effects.assertNext("log (VI_1) Received advert from 10.0.0.2 with lower priority 90, ours 100, forcing new"
                + " election", "sync AH sequence", "advert 100", "garp 5",
                "fifo INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 100\n");
        assertEquals(MASTER_DOWN_NS + 1_500_000_000L, machine.nextDeadlineNs());
        machine.doWork(MASTER_DOWN_NS + 1_500_000_000L);
        effects.assertNext("advert 100");
        machine.doWork(MASTER_DOWN_NS + 5_500_000_000L);
        effects.assertNext("garp 5", "garp 5", "advert 100");
    }

    @Test
    void aMasterWithLowerPrioNoAdvertOnlyLogsALowerPriorityAdvertAndKeepsItsTimer() {
        settings.lowerPrioNoAdvert = true;
        settings.garp = new MachineSettings.GarpTiming(0, 5, 0, 1, 0, 0);
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(90, "10.0.0.2"), MASTER_DOWN_NS + 500_000_000L);

        effects.assertNext("log (VI_1) Received advert from 10.0.0.2 with lower priority 90, ours 100",
                "sync AH sequence", "fifo INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 100\n");
        assertEquals(MASTER_DOWN_NS + SECOND_NS, machine.nextDeadlineNs());
    }

    @Test
    void aMasterHearingAHigherPriorityGoesBackupWithoutAPriorityZeroAdvert() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(150, "10.0.0.2"), 4 * SECOND_NS);

        effects.assertNext("log (VI_1) Master received advert from 10.0.0.2 with higher priority 150, ours 100",
                "log (VI_1) Entering BACKUP STATE", "remove rules", "remove routes", "cancel garp",
                "remove addresses", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        assertEquals(VrrpState.BACKUP, machine.state());
        assertEquals(4 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void anEqualPriorityMasterYieldsToAHigherAddress() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(100, "10.0.0.2"), 4 * SECOND_NS);

        effects.assertNext("log (VI_1) Master received advert from 10.0.0.2 with same priority 100 but higher IP"
                + " address than ours", "log (VI_1) Entering BACKUP STATE", "remove rules", "remove routes",
                "cancel garp", "remove addresses", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
    }

    @Test
    void anEqualPriorityMasterStaysMasterAgainstALowerAddressAndForcesAnElection() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(100, "9.255.255.255"), 4 * SECOND_NS);

        effects.assertNext("log (VI_1) Received advert from 9.255.255.255 with lower priority 100, ours 100, forcing"
                + " new election", "sync AH sequence", "advert 100", "garp 5",
                "fifo INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 100\n");
        assertEquals(VrrpState.MASTER, machine.state());
    }

    @Test
    void aMasterReceivingPriorityZeroSendsAnAdvertAtOnce() {
        VrrpInstanceMachine machine = master();

        machine.onAdvert(advert(0, "10.0.0.2"), 4 * SECOND_NS);

        effects.assertNext("advert 100");
        assertEquals(VrrpState.MASTER, machine.state());
        assertEquals(5 * SECOND_NS, machine.nextDeadlineNs());
    }

    @Test
    void twoAddressOwnersMakeTheLocalOneReduceItsPriority() {
        settings.priority(255).wantMaster = true;
        VrrpInstanceMachine machine = started();
        machine.doWork(1_000);
        effects.clear();

        machine.onAdvert(advert(255, "10.0.0.2"), SECOND_NS);

        effects.assertNext("log (VI_1) CONFIGURATION ERROR: local instance and a remote instance are both configured"
                + " as address owner, please fix - reducing local priority",
                "log (VI_1) Master received advert from 10.0.0.2 with higher priority 255, ours 254",
                "log (VI_1) Entering BACKUP STATE", "remove rules", "remove routes", "cancel garp",
                "remove addresses", "fifo INSTANCE \"VI_1\" BACKUP 254\n");
    }

    @Test
    void stoppingAMasterSendsPriorityZeroRemovesTheAddressesAndNotifiesStop() {
        settings.notify("notify_stop", "/bin/stopped").notify("notify", "/bin/any", "arg");
        VrrpInstanceMachine machine = started();
        effects.assertNext("remove rules", "remove routes", "cancel garp", "remove addresses",
                "log (VI_1) Entering BACKUP STATE (init)", "script /bin/any arg INSTANCE VI_1 BACKUP 100",
                "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        machine.doWork(MASTER_DOWN_NS);
        effects.clear();

        machine.stop(5 * SECOND_NS);

        effects.assertNext("advert 0", "remove rules", "remove routes", "cancel garp", "remove addresses",
                "script /bin/stopped timeout 1000000", "script /bin/any arg INSTANCE VI_1 STOP 100 timeout 1000000",
                "fifo INSTANCE \"VI_1\" STOP 100\n");
        assertEquals(VrrpInstanceMachine.NO_DEADLINE, machine.nextDeadlineNs());
    }

    @Test
    void aMasterDeletedAtReloadReleasesItsAddressesAndNotifiesDeletedWithNotifyDeleted() {
        settings.notifyDeleted = true;
        settings.notify("notify_deleted", "/bin/deleted").notify("notify", "/bin/any");
        VrrpInstanceMachine machine = started();
        machine.doWork(MASTER_DOWN_NS);
        effects.clear();

        machine.remove(5 * SECOND_NS);

        effects.assertNext("advert 0", "remove rules", "remove routes", "cancel garp", "remove addresses",
                "script /bin/deleted", "script /bin/any INSTANCE VI_1 DELETED 100",
                "fifo INSTANCE \"VI_1\" DELETED 100\n");
        assertEquals(VrrpInstanceMachine.NO_DEADLINE, machine.nextDeadlineNs());
    }

    @Test
    void aBackupDeletedAtReloadWithoutNotifyDeletedNotifiesFaultAsKeepalivedAlwaysDid() {
        settings.notify("notify", "/bin/any");
        VrrpInstanceMachine machine = started();
        effects.clear();

        machine.remove(SECOND_NS);

        effects.assertNext("script /bin/any INSTANCE VI_1 FAULT 100", "fifo INSTANCE \"VI_1\" FAULT 100\n");
        assertEquals(0, machine.doWork(MASTER_DOWN_NS));
    }

    @Test
    void aStartupDelayPostponesTheFirstMasterDownExpiry() {
        settings.startupDelayMicros = 2_500_000;
        VrrpInstanceMachine machine = startedBackup();

        assertEquals(2_500_000_000L + MASTER_DOWN_NS, machine.nextDeadlineNs());
        machine.onAdvert(TestSettings.advert(100, "10.0.0.9"), SECOND_NS);
        assertEquals(2_500_000_000L + MASTER_DOWN_NS, machine.nextDeadlineNs());
        machine.onAdvert(TestSettings.advert(100, "10.0.0.9"), 3 * SECOND_NS);
        assertEquals(3 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void notifyMasterGetsOnlyItsOwnWordsAndNotifyGetsInstanceNameStateAndPriority() {
        settings.notify("notify_master", "/bin/master", "x").notify("notify", "/bin/any");
        VrrpInstanceMachine machine = started();
        effects.clear();

        machine.doWork(MASTER_DOWN_NS);

        effects.assertNext("advert 100", "log (VI_1) Entering MASTER STATE", "add addresses", "add routes",
                "add rules", "garp 5", "script /bin/master x", "script /bin/any INSTANCE VI_1 MASTER 100",
                "fifo INSTANCE \"VI_1\" MASTER 100\n");
    }

    @Test
    void theOwnInterfaceGoingDownTakesAMasterToFaultWithPriorityZeroAdverts() {
        VrrpInstanceMachine machine = master();

        machine.onInterfaceChange(false, 5 * SECOND_NS);

        effects.assertNext("log (VI_1) Entering FAULT STATE", "advert 0", "advert 0", "remove rules",
                "remove routes", "cancel garp", "remove addresses", "fifo INSTANCE \"VI_1\" FAULT 100\n");
        assertEquals(VrrpState.FAULT, machine.state());
        assertEquals(VrrpInstanceMachine.NO_DEADLINE, machine.nextDeadlineNs());
        machine.onAdvert(advert(50, "10.0.0.2"), 6 * SECOND_NS);
    }

    @Test
    void leavingFaultEntersBackupWithAFullMasterDownInterval() {
        VrrpInstanceMachine machine = startedBackup();
        machine.onInterfaceChange(false, SECOND_NS);
        effects.assertNext("log (VI_1) Entering FAULT STATE", "fifo INSTANCE \"VI_1\" FAULT 100\n");

        machine.onInterfaceChange(true, 2 * SECOND_NS);

        effects.assertNext("log (VI_1) Entering BACKUP STATE", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        assertEquals(2 * SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void anInterfaceDownAtStartStartsInFaultAndNotifiesItAsKeepalivedsCompleteInitDoes() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onInterfaceChange(false, 0);

        machine.start(0);

        effects.assertNext("log (VI_1): entering FAULT state (interface eth0 down)", "log (VI_1) entering FAULT state",
                "fifo INSTANCE \"VI_1\" FAULT 100\n");
        effects.assertNext(RecordingEffects.START_CLEANUP);
        assertEquals(VrrpState.FAULT, machine.state());
    }

    @Test
    void anInstanceWithoutASourceAddressStartsInFaultAndLeavesItWhenAnAddressComes() {
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onSourceAddressChange(Optional.empty(), 0);
        machine.start(0);
        effects.assertNext("log (VI_1) entering FAULT state", "fifo INSTANCE \"VI_1\" FAULT 100\n");
        effects.assertNext(RecordingEffects.START_CLEANUP);

        machine.onSourceAddressChange(Optional.of(IpAddresses.parse("192.168.1.9").orElseThrow()), SECOND_NS);

        effects.assertNext("log (VI_1) Entering BACKUP STATE", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        assertEquals(VrrpState.BACKUP, machine.state());

        machine.onSourceAddressChange(Optional.empty(), 2 * SECOND_NS);

        effects.assertNext("log (VI_1) Entering FAULT STATE", "fifo INSTANCE \"VI_1\" FAULT 100\n");
        assertEquals(VrrpState.FAULT, machine.state());
    }

    @Test
    void aWeightedInterfaceGoingDownLowersThePriorityAndShiftsTheBackupTimerBySkew() {
        settings.track(TrackerKind.INTERFACE, "eth1", -20);
        VrrpInstanceMachine machine = startedBackup();

        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth1", false), SECOND_NS);

        effects.assertNext("log (VI_1) Changing effective priority from 100 to 80");
        assertEquals(80, machine.effectivePriority());
        // skew grows from 156/256 s to 176/256 s
        assertEquals(MASTER_DOWN_NS + 78_125_000L, machine.nextDeadlineNs());
    }

    @Test
    void weightsClampTheEffectivePriorityTo254AndTo1() {
        settings.track(TrackerKind.SCRIPT, "up", 253).track(TrackerKind.SCRIPT, "down", -253);
        VrrpInstanceMachine machine = startedBackup();

        machine.onTrackerChange(new TrackerEvent.ScriptResult("up", true), SECOND_NS);
        effects.assertNext("log (VI_1) Changing effective priority from 100 to 254");
        machine.onTrackerChange(new TrackerEvent.ScriptResult("up", false), 2 * SECOND_NS);
        effects.assertNext("log (VI_1) Changing effective priority from 254 to 100");
        machine.onTrackerChange(new TrackerEvent.ScriptResult("down", false), 3 * SECOND_NS);

        effects.assertNext("log (VI_1) Changing effective priority from 100 to 1");
    }

    @Test
    void anAddressOwnerIgnoresWeights() {
        settings.priority(255).track(TrackerKind.INTERFACE, "eth1", -20).wantMaster = true;
        VrrpInstanceMachine machine = started();
        effects.assertNext(RecordingEffects.START_CLEANUP);

        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth1", false), 0);

        assertEquals(255, machine.effectivePriority());
    }

    @Test
    void aWeightedTrackerDownAtStartIsLoggedAsAPriorityChange() {
        settings.track(TrackerKind.INTERFACE, "eth1", -20);
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth1", false), 0);

        machine.start(0);

        effects.assertNext("log (VI_1) Changing effective priority from 100 to 80",
                "remove rules", "remove routes", "cancel garp", "remove addresses",
                "log (VI_1) Entering BACKUP STATE (init)", "fifo INSTANCE \"VI_1\" BACKUP 80\n");
    }

    @Test
    void aWeightlessScriptHoldsTheInstanceInFaultUntilItFirstSucceeds() {
        settings.track(TrackerKind.SCRIPT, "chk", 0);
        VrrpInstanceMachine machine = started();
        effects.assertNext(RecordingEffects.START_CLEANUP);
        effects.assertExhausted();
        assertEquals(VrrpState.FAULT, machine.state());

        machine.onTrackerChange(new TrackerEvent.ScriptResult("chk", true), SECOND_NS);

        effects.assertNext("log (VI_1) Entering BACKUP STATE", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
        assertEquals(SECOND_NS + MASTER_DOWN_NS, machine.nextDeadlineNs());
    }

    @Test
    void aWeightlessScriptFailingTakesABackupToFault() {
        settings.track(TrackerKind.SCRIPT, "chk", 0);
        VrrpInstanceMachine machine = started();
        machine.onTrackerChange(new TrackerEvent.ScriptResult("chk", true), SECOND_NS);
        effects.clear();

        machine.onTrackerChange(new TrackerEvent.ScriptResult("chk", false), 2 * SECOND_NS);

        effects.assertNext("log (VI_1) Entering FAULT STATE", "fifo INSTANCE \"VI_1\" FAULT 100\n");
    }

    @Test
    void aWeightlessTrackFileWithANonZeroValueMeansFault() {
        settings.track(TrackerKind.FILE, "flag", 0);
        VrrpInstanceMachine machine = startedBackup();

        machine.onTrackerChange(new TrackerEvent.FileValue("flag", 1), SECOND_NS);
        effects.assertNext("log (VI_1) Entering FAULT STATE", "fifo INSTANCE \"VI_1\" FAULT 100\n");
        machine.onTrackerChange(new TrackerEvent.FileValue("flag", 0), 2 * SECOND_NS);

        effects.assertNext("log (VI_1) Entering BACKUP STATE", "fifo INSTANCE \"VI_1\" BACKUP 100\n");
    }

    @Test
    void aWeightedTrackFileAddsValueTimesWeight() {
        settings.track(TrackerKind.FILE, "prio", 5);
        VrrpInstanceMachine machine = startedBackup();

        machine.onTrackerChange(new TrackerEvent.FileValue("prio", 3), SECOND_NS);

        effects.assertNext("log (VI_1) Changing effective priority from 100 to 115");
    }

    @Test
    void eventsOfTrackersTheInstanceDoesNotTrackAreIgnored() {
        VrrpInstanceMachine machine = startedBackup();

        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth9", false), SECOND_NS);

        assertEquals(VrrpState.BACKUP, machine.state());
    }

    @Test
    void aVrrpv3BackupAdoptsTheMastersAdvertIntervalForItsMasterDownInterval() {
        settings.version = 3;
        VrrpInstanceMachine machine = startedBackup();

        machine.onAdvert(new ReceivedAdvert(3, 150, 50, TestSettings.address("10.0.0.2")), SECOND_NS);

        // 3 × 0.5 s + 156 × 50 cs × 625/16 µs
        assertEquals(SECOND_NS + 1_500_000_000L + 304_687_000L, machine.nextDeadlineNs());
    }

    @Test
    void aVrrpv3SkewIsComputedFromCentiseconds() {
        settings.version = 3;
        settings.advertIntervalMicros = 100_000;
        VrrpInstanceMachine machine = startedBackup();

        // 3 × 0.1 s + 156 × 10 cs × 625/16 µs
        assertEquals(300_000_000L + 60_937_000L, machine.nextDeadlineNs());
    }

    @Test
    void priorityChangesGoToTheFifoWhenAsked() {
        settings.notifyPriorityChanges = true;
        settings.track(TrackerKind.INTERFACE, "eth1", 10);
        VrrpInstanceMachine machine = new VrrpInstanceMachine(settings.build(), effects);
        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth1", false), 0);
        machine.start(0);
        effects.clear();

        machine.onTrackerChange(new TrackerEvent.InterfaceLink("eth1", true), SECOND_NS);

        effects.assertNext("log (VI_1) Changing effective priority from 100 to 110",
                "fifo INSTANCE \"VI_1\" BACKUP_PRIORITY 110\n");
    }
}
