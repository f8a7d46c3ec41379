package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;

/** {@code PING_CHECK}: the real server is up while it answers ICMP echo. */
public record PingCheck(Location location, CheckerTiming timing, ConnectionOptions connection) implements Checker {

    public PingCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
    }
}
