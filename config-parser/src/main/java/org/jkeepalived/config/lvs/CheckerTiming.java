package org.jkeepalived.config.lvs;

/**
 * When and how often a checker runs, after keepalived's inheritance checker -> real server -> virtual server ->
 * checker default.
 *
 * @param retry                  failures tolerated before the checker counts as down
 * @param delayBeforeRetryMicros delay between retries
 */
public record CheckerTiming(boolean alpha, long delayLoopMicros, long warmupMicros, long retry,
                            long delayBeforeRetryMicros, boolean logAllFailures) {

    public CheckerTiming {
        requireNonNegative("delayLoopMicros", delayLoopMicros);
        requireNonNegative("warmupMicros", warmupMicros);
        requireNonNegative("retry", retry);
        requireNonNegative("delayBeforeRetryMicros", delayBeforeRetryMicros);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected >= 0)");
        }
    }
}
