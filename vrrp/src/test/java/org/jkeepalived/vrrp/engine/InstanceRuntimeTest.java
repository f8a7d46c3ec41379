package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstanceRuntimeTest {

    @Test
    void theAhSequenceCounterCountsOnFromWhereverTheLastSentOrAcceptedAdvertLeftIt() {
        assertEquals(1, InstanceRuntime.nextAhSequenceNumber(0));
        assertEquals(501, InstanceRuntime.nextAhSequenceNumber(500));
    }

    @Test
    void theAhSequenceCounterStopsAtTheNumberWhereKeepalivedStopsCounting() {
        assertEquals(0xfffffffeL, InstanceRuntime.nextAhSequenceNumber(0xfffffffdL));
        assertEquals(0xfffffffeL, InstanceRuntime.nextAhSequenceNumber(0xfffffffeL));
        assertEquals(0xffffffffL, InstanceRuntime.nextAhSequenceNumber(0xffffffffL));
    }
}
