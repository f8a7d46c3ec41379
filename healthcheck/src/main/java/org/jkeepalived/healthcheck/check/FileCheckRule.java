package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.FileCheck;
import org.jkeepalived.config.vrrp.TrackFile;

/**
 * keepalived 2.2.7's FILE_CHECK arithmetic (check_file.c, track_file.c): the file's value times the weight, negated
 * with {@code reverse}, is added to the real server's weight; a product at or below IPVS_WEIGHT_FAULT (INT32_MIN)
 * holds the checker down. With weight 0 the value only decides up or down: any non-zero value is down, or with
 * {@code reverse} a zero value is.
 *
 * @param weight     the FILE_CHECK's own weight, else the track_file's
 * @param reverse    the FILE_CHECK's own reverse, else the track_file's
 */
record FileCheckRule(long weight, boolean reverse) {
    /** IPVS_WEIGHT_FAULT. */
    static final long FAULT = Integer.MIN_VALUE;

    /** What a new value of the file does to the checker. */
    sealed interface Change {
        /** Nothing: the status is the same. */
        record None() implements Change {
        }

        /** Entering FAULT: the checker goes down, then drops its weight share. */
        record Down() implements Change {
        }

        /** Leaving FAULT: the checker takes its weight share, then comes up. */
        record Up(long weightShare) implements Change {
        }

        /** The weight share changes, through keepalived's update_svr_wgt. */
        record Reweighed(long weightShare) implements Change {
        }
    }

    /** file_end_handler: without a weight of its own, a FILE_CHECK takes the track_file's weight and reverse. */
    static FileCheckRule of(FileCheck check, TrackFile file) {
        return check.weight().isPresent() ? new FileCheckRule(check.weight().getAsInt(), check.weightReverse())
                : new FileCheckRule(file.weight(), file.weightReverse());
    }

    /** update_track_file_status: the status a value gives, FAULT or the weight share clamped to 32 bits. */
    long status(long value) {
        if (weight == 0) {
            return (value == 0) == reverse ? FAULT : 0;
        }
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, product(value)));
    }

    /**
     * set_track_file_checkers_down, which keepalived runs only for a non-zero value and which, with weight 0, holds
     * the checker down for any non-zero value even with {@code reverse} (its later updates follow {@link #status}).
     */
    StartingState startingState(long value) {
        if (value == 0) {
            return new StartingState(true, 0);
        }
        boolean up = weight != 0 && product(value) > FAULT;
        return new StartingState(up, weight == 0 ? 0 : product(value));
    }

    /** process_update_checker_track_file_status, from the file's previous value to its new one. */
    Change change(long previousValue, long newValue) {
        long previous = status(previousValue);
        long next = status(newValue);
        if (previous == next) {
            return new Change.None();
        }
        if (next == FAULT) {
            return new Change.Down();
        }
        if (previous == FAULT) {
            return new Change.Up(next);
        }
        return new Change.Reweighed(next);
    }

    private long product(long value) {
        return value * weight * (reverse ? -1 : 1);
    }
}
