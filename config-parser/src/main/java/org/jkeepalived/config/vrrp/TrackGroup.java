package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Objects;

/** A {@code track_group}: the VRRP instances whose state static addresses, routes and rules marked with it follow. */
public record TrackGroup(String name, List<String> members) {

    public TrackGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }
}
