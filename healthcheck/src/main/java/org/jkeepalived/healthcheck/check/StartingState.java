package org.jkeepalived.healthcheck.check;

/**
 * A checker's state before its first verdict when it is not the usual one (up, or down with {@code alpha}): a
 * FILE_CHECK starts from its file's value, as keepalived's {@code set_track_file_checkers_down} and
 * {@code set_track_file_weights} set it before the pools enter IPVS.
 *
 * @param weightShare what the checker adds to its real server's configured weight (keepalived's {@code cur_weight})
 */
public record StartingState(boolean up, long weightShare) {
}
