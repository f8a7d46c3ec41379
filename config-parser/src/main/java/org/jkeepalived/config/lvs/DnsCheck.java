package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;

/**
 * {@code DNS_CHECK}: the real server is up while it answers a query.
 *
 * @param type the query type in upper case (SOA by default)
 * @param name the name queried; empty (the root) by default, as keepalived 2.2.7 sends it
 */
public record DnsCheck(Location location, CheckerTiming timing, ConnectionOptions connection, String type,
                       String name) implements Checker {

    public DnsCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
