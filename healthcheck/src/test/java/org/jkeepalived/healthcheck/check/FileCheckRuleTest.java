package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileCheckRuleTest {

    @Test
    void aWeightedFileAddsItsValueTimesTheWeightAndReverseNegatesIt() {
        assertEquals(new StartingState(true, 6), new FileCheckRule(2, false).startingState(3));
        assertEquals(new StartingState(true, -6), new FileCheckRule(2, true).startingState(3));
        assertEquals(new FileCheckRule.Change.Reweighed(-4), new FileCheckRule(2, false).change(3, -2));
        assertEquals(new FileCheckRule.Change.None(), new FileCheckRule(2, false).change(3, 3));
    }

    @Test
    void aProductAtOrBelowInt32MinIsAFaultAndLeavingItRestoresTheShare() {
        FileCheckRule rule = new FileCheckRule(Integer.MAX_VALUE, false);
        assertEquals(new StartingState(false, -2L * Integer.MAX_VALUE), rule.startingState(-2));
        assertEquals(new FileCheckRule.Change.Down(), rule.change(1, -2));
        assertEquals(new FileCheckRule.Change.Up(Integer.MAX_VALUE), rule.change(-2, 1));
    }

    @Test
    void withWeightZeroANonZeroValueIsDownAndReverseTurnsThatAroundExceptAtStart() {
        FileCheckRule plain = new FileCheckRule(0, false);
        assertEquals(new StartingState(false, 0), plain.startingState(1));
        assertEquals(new FileCheckRule.Change.Up(0), plain.change(1, 0));
        assertEquals(new FileCheckRule.Change.Down(), plain.change(0, 7));
        FileCheckRule reverse = new FileCheckRule(0, true);
        // keepalived 2.2.7's set_track_file_checkers_down ignores reverse for weight 0
        assertEquals(new StartingState(false, 0), reverse.startingState(1));
        assertEquals(new StartingState(true, 0), reverse.startingState(0));
        assertEquals(new FileCheckRule.Change.Down(), reverse.change(1, 0));
        assertEquals(new FileCheckRule.Change.Up(0), reverse.change(0, 1));
    }
}
