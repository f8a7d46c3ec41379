package org.jkeepalived.healthcheck.http;

import java.util.Arrays;
import java.util.BitSet;

/** The status codes a url accepts (keepalived's status_code bit array over 100..599). */
public final class StatusCodes {
    public static final int MIN = 100;
    public static final int MAX = 599;
    private static final int DEFAULT_MIN = 200;
    private static final int DEFAULT_MAX = 299;

    private final BitSet accepted;

    private StatusCodes(BitSet accepted) {
        this.accepted = accepted;
    }

    /** 200..299, what a url without {@code status_code} accepts. */
    public static StatusCodes defaults() {
        return ranges(new int[][] {{DEFAULT_MIN, DEFAULT_MAX}});
    }

    /** Inclusive {@code {low, high}} ranges, each within 100..599. */
    public static StatusCodes ranges(int[][] ranges) {
        BitSet accepted = new BitSet(MAX - MIN + 1);
        for (int[] range : ranges) {
            if (range.length != 2 || range[0] < MIN || range[1] > MAX || range[0] > range[1]) {
                throw new IllegalArgumentException("status code range: " + Arrays.toString(range)
                        + " (expected low..high within " + MIN + ".." + MAX + ")");
            }
            accepted.set(range[0] - MIN, range[1] - MIN + 1);
        }
        return new StatusCodes(accepted);
    }

    public boolean accepts(int statusCode) {
        return statusCode >= MIN && statusCode <= MAX && accepted.get(statusCode - MIN);
    }
}
