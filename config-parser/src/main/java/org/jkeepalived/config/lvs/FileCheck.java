package org.jkeepalived.config.lvs;

import java.util.Objects;
import java.util.OptionalInt;
import org.jkeepalived.config.Location;

/**
 * {@code FILE_CHECK}: the real server's weight follows a {@code track_file}.
 *
 * @param weight        this checker's own weight; empty means the track_file's weight and reverse setting
 * @param weightReverse meaningful only with a weight of its own
 */
public record FileCheck(Location location, String trackFile, OptionalInt weight, boolean weightReverse)
        implements Checker {

    public FileCheck {
        Objects.requireNonNull(trackFile, "trackFile");
        Objects.requireNonNull(weight, "weight");
    }
}
