package org.jkeepalived.config.vrrp;

import java.util.Objects;

/** One entry of track_interface / track_script / track_file / track_process / track_bfd. */
public record Tracked(String name, int weight, boolean reverse) {

    public Tracked {
        Objects.requireNonNull(name, "name");
    }
}
