package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * {@code MISC_CHECK}: the real server is up while {@code misc_path} exits 0.
 *
 * @param timeoutMicros how long the script may run; 0 means the virtual server's delay_loop, as in keepalived
 * @param dynamic       {@code misc_dynamic}: exit codes 2..255 set the weight to code - 2
 */
public record MiscCheck(Location location, CheckerTiming timing, ScriptSpec script, long timeoutMicros,
                        boolean dynamic) implements Checker {

    public MiscCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(script, "script");
        if (timeoutMicros < 0) {
            throw new IllegalArgumentException("timeoutMicros: " + timeoutMicros + " (expected >= 0)");
        }
    }
}
