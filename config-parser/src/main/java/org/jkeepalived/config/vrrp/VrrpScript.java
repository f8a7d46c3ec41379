package org.jkeepalived.config.vrrp;

import java.util.Objects;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code vrrp_script} block.
 *
 * @param intervalMicros {@code interval} (seconds in the config), default 1s
 * @param timeoutMicros  {@code timeout}; 0 means the interval
 * @param weight         {@code weight}, -253..253, default 0
 */
public record VrrpScript(String name, ScriptSpec script, long intervalMicros, long timeoutMicros, int weight,
                         boolean weightReverse, long rise, long fall, boolean initFail) {

    public VrrpScript {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
        if (weight < -253 || weight > 253) {
            throw new IllegalArgumentException("weight: " + weight + " (expected -253..253)");
        }
    }
}
