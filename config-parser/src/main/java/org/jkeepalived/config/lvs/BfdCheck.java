package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;

/** {@code BFD_CHECK}: the real server is up while the named {@code bfd_instance} session is up. */
public record BfdCheck(Location location, String bfdName, boolean alpha) implements Checker {

    public BfdCheck {
        Objects.requireNonNull(bfdName, "bfdName");
    }
}
