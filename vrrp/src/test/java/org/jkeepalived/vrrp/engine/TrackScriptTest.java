package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.vrrp.VrrpScript;
import org.junit.jupiter.api.Test;

class TrackScriptTest {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final ScriptOutcome OK = new ScriptOutcome.Exited(0);
    private static final ScriptOutcome FAILED = new ScriptOutcome.Exited(3);

    private final List<String> log = new ArrayList<>();

    private static TrackScript script(long rise, long fall, boolean initFail) {
        ScriptSpec spec = new ScriptSpec("script", List.of("/bin/check"), ScriptIdentity.ROOT,
                new Location("k.conf", 2));
        return new TrackScript(new VrrpScript("chk", spec, 2_000_000, 0, 0, false, rise, fall, initFail), 0);
    }

    @Test
    void oneSuccessIsEnoughAtStart() {
        TrackScript script = script(3, 2, false);

        assertEquals(Optional.of(true), script.finished(OK, log));
        assertEquals(List.of("VRRP_Script(chk) succeeded"), log);
    }

    @Test
    void theFirstFailureAtStartIsReportedWithItsStatus() {
        TrackScript script = script(3, 2, false);

        assertEquals(Optional.of(false), script.finished(FAILED, log));
        assertEquals(List.of("Script `chk` now returning 3", "VRRP_Script(chk) failed (exited with status 3)"), log);
    }

    @Test
    void anOkScriptFailsOnlyAfterFallFailuresInARow() {
        TrackScript script = script(1, 3, false);
        script.finished(OK, log);

        assertEquals(Optional.empty(), script.finished(FAILED, log));
        assertEquals(Optional.empty(), script.finished(FAILED, log));
        assertEquals(Optional.of(false), script.finished(FAILED, log));
    }

    @Test
    void aFailedScriptRisesOnlyAfterRiseSuccessesInARow() {
        TrackScript script = script(2, 1, true);

        assertEquals(Optional.empty(), script.finished(OK, log));
        assertEquals(Optional.of(true), script.finished(OK, log));
    }

    @Test
    void aTimedOutRunCountsAsAFailure() {
        TrackScript script = script(1, 1, false);
        script.finished(OK, log);

        assertEquals(Optional.of(false), script.finished(new ScriptOutcome.TimedOut(), log));
        assertEquals("VRRP_Script(chk) timed_out", log.get(log.size() - 1));
    }

    @Test
    void aScriptStillRunningAtItsNextIntervalIsSkipped() {
        TrackScript script = script(1, 1, false);

        assertTrue(script.isDue(0));
        assertTrue(script.intervalDue(0, log));
        assertFalse(script.isDue(SECOND_NS));
        assertTrue(script.isDue(2 * SECOND_NS));
        assertFalse(script.intervalDue(2 * SECOND_NS, log));
        assertEquals(List.of("Track script chk is already running, expect idle - skipping run"), log);
        assertEquals(4 * SECOND_NS, script.nextRunNs());
    }
}
