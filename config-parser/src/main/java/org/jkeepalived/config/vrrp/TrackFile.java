package org.jkeepalived.config.vrrp;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code track_file} block (or its deprecated synonym {@code vrrp_track_file}): a file holding a number that
 * VRRP instances, sync groups and FILE_CHECKs add to their priority, multiplied by the weight.
 *
 * @param weight        {@code weight}, -254..254, default 1
 * @param init          {@code init_file [VALUE] [overwrite]}: create (or with overwrite, rewrite) the file at start
 */
public record TrackFile(String name, String path, int weight, boolean weightReverse, Optional<Init> init) {

    public TrackFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (weight < -254 || weight > 254) {
            throw new IllegalArgumentException("weight: " + weight + " (expected -254..254)");
        }
        Objects.requireNonNull(init, "init");
    }

    /** {@code init_file}: the value written, and whether an existing file is overwritten. */
    public record Init(int value, boolean overwrite) {
    }
}
