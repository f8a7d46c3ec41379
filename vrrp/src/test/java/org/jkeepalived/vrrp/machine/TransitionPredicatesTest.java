package org.jkeepalived.vrrp.machine;

import static org.jkeepalived.vrrp.machine.TestSettings.address;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransitionPredicatesTest {

    @ParameterizedTest(name = "advert {0}, ours {1}, nopreempt {2}, delay holds {3}: preempt {4}")
    @CsvSource({
        "50,  100, false, false, true",
        "99,  100, false, false, true",
        "100, 100, false, false, false",
        "150, 100, false, false, false",
        "50,  100, true,  false, false",
        "50,  100, false, true,  false",
        "1,   254, false, false, true",
    })
    void aBackupPreemptsOnlyALowerPriorityWithoutNopreemptOrARunningDelay(int advertPriority, int ourPriority,
            boolean nopreempt, boolean delayHolds, boolean preempts) {
        assertEquals(preempts, VrrpInstanceMachine.shouldPreempt(advertPriority, ourPriority, nopreempt,
                delayHolds));
    }

    @ParameterizedTest(name = "delay {0} µs, running {1}, ends {2}, now {3}: holds {4}")
    @CsvSource({
        "0,        false, 0,  5,  false",
        "0,        true,  10, 5,  false",
        "10000000, false, 0,  5,  true",
        "10000000, true,  10, 5,  true",
        "10000000, true,  10, 10, false",
        "10000000, true,  10, 11, false",
    })
    void aPreemptDelayHoldsUntilStartedThenUntilItEnds(long delayMicros, boolean running, long endNs, long nowNs,
            boolean holds) {
        assertEquals(holds, VrrpInstanceMachine.preemptDelayHolds(delayMicros, running, endNs, nowNs));
    }

    @ParameterizedTest(name = "advert {0}, ours {1}, address order {2}: precedence {3}")
    @CsvSource({
        "150, 100, -1, 1",
        "150, 100, 0,  1",
        "50,  100, 1,  -1",
        "100, 100, 1,  1",
        "100, 100, -1, -1",
        "100, 100, 0,  0",
        "255, 254, -1, 1",
    })
    void priorityDecidesFirstAndTheHigherAddressBreaksATie(int advertPriority, int ourPriority, int addressOrder,
            int precedence) {
        assertEquals(precedence, VrrpInstanceMachine.advertPrecedence(advertPriority, ourPriority, addressOrder));
    }

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
        "10.0.0.2,      10.0.0.1,    1",
        "10.0.0.1,      10.0.0.1,    0",
        "9.255.255.255, 10.0.0.1,    -1",
        "200.0.0.1,     10.0.0.1,    1",
        "fe80::2,       fe80::1,     1",
        "fe80::1,       fe80::ff00,  -1",
        "10.0.0.2,      fe80::1,     0",
    })
    void addressesCompareAsUnsignedBigEndianNumbersWithinOneFamily(String source, String own, int order) {
        assertEquals(order, VrrpInstanceMachine.compareAddresses(address(source), Optional.of(address(own))));
    }

    @ParameterizedTest(name = "v{0}, 256 − priority = {1}, interval {2} µs: skew {3} µs")
    @CsvSource({
        "2, 156, 1000000, 609375",
        "2, 1,   1000000, 3906",
        "2, 156, 5000000, 609375",
        "3, 156, 1000000, 609375",
        "3, 156, 500000,  304687",
        "3, 156, 100000,  60937",
        "3, 1,   1000000, 3906",
    })
    void theSkewTimeIsAFractionOfASecondForV2AndOfTheAdvertIntervalForV3(int version, int priorityValue,
            long intervalMicros, long skewMicros) {
        assertEquals(skewMicros, VrrpInstanceMachine.skewMicros(version, priorityValue, intervalMicros));
    }

    @ParameterizedTest(name = "total {0}: {1}")
    @CsvSource({"-300, 1", "0, 1", "1, 1", "100, 100", "254, 254", "255, 254", "600, 254"})
    void theEffectivePriorityIsClampedTo1Through254(int total, int effective) {
        assertEquals(effective, VrrpInstanceMachine.clampPriority(total));
    }

    @ParameterizedTest(name = "{2}: {0} → {1} via {3}")
    @CsvSource({
        "INIT,   FAULT,  TRACKER_DOWN_AT_START, MARK_ONLY",
        "INIT,   BACKUP, STARTED,               INIT_STATE",
        "INIT,   FAULT,  STARTED,               INIT_STATE",
        "INIT,   BACKUP, ADDRESS_OWNER_START,   INIT_STATE",
        "BACKUP, MASTER, MASTER_DOWN_TIMER,     GOTO_MASTER",
        "MASTER, BACKUP, HIGHER_PRIORITY_SEEN,  LEAVE_MASTER",
        "MASTER, FAULT,  TRACKER_FAULT,         LEAVE_MASTER",
        "BACKUP, FAULT,  TRACKER_FAULT,         LEAVE_FAULT",
        "INIT,   FAULT,  TRACKER_FAULT,         LEAVE_FAULT",
        "FAULT,  BACKUP, FAULT_CLEARED,         LEAVE_FAULT",
        "FAULT,  MASTER, FAULT_CLEARED,         LEAVE_FAULT",
        "BACKUP, MASTER, SYNC_GROUP,            GOTO_MASTER",
        "FAULT,  MASTER, SYNC_GROUP,            GOTO_MASTER",
        "MASTER, BACKUP, SYNC_GROUP,            LEAVE_MASTER",
        "FAULT,  BACKUP, SYNC_GROUP,            LEAVE_FAULT",
        "INIT,   BACKUP, SYNC_GROUP,            LEAVE_FAULT",
        "STOP,   BACKUP, SYNC_GROUP,            LEAVE_MASTER",
        "MASTER, FAULT,  SYNC_GROUP,            LEAVE_MASTER",
        "BACKUP, FAULT,  SYNC_GROUP,            LEAVE_FAULT",
        "INIT,   FAULT,  SYNC_GROUP,            LEAVE_FAULT",
        "MASTER, STOP,   STOP,                  SHUTDOWN",
        "BACKUP, STOP,   STOP,                  SHUTDOWN",
    })
    void eachReasonTakesTheEntryPathOfKeepalivedsCaller(VrrpState oldState, VrrpState newState,
            StateChangeReason reason, EntryPath path) {
        assertEquals(path, EntryPath.of(oldState, newState, reason));
    }
}
