package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;

/** {@code TCP_CHECK}: the real server is up while a TCP connection to it succeeds. */
public record TcpCheck(Location location, CheckerTiming timing, ConnectionOptions connection) implements Checker {

    public TcpCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
    }
}
