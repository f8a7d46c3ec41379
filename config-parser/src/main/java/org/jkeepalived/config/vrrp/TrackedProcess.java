package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Objects;

/**
 * A {@code vrrp_track_process} block: how many processes matching a command must run.
 *
 * @param process              {@code process} word 1: the process name or path
 * @param parameters           {@code process} words 2..: the command line arguments to match
 * @param weight               {@code weight}, -254..254, default 0 (the instance goes to FAULT below quorum)
 * @param quorum               {@code quorum}, default 1 (0 when quorum_max is 0)
 * @param quorumMax            {@code quorum_max}, default UINT_MAX
 * @param terminateDelayMicros {@code terminate_delay} (or {@code delay}), 0 when unset
 * @param forkDelayMicros      {@code fork_delay} (or {@code delay}), 0 when unset
 * @param fullCommand          match against the full command line rather than the 15-character comm name
 */
public record TrackedProcess(String name, String process, List<String> parameters, ParamMatch paramMatch,
                             int weight, boolean weightReverse, long quorum, long quorumMax,
                             long terminateDelayMicros, long forkDelayMicros, boolean fullCommand) {

    public static final long QUORUM_MAX_DEFAULT = 0xFFFF_FFFFL;

    /** {@code param_match}: NONE until parameters or the keyword are given. */
    public enum ParamMatch { NONE, EXACT, INITIAL, PARTIAL }

    public TrackedProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(process, "process");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(paramMatch, "paramMatch");
        if (weight < -254 || weight > 254) {
            throw new IllegalArgumentException("weight: " + weight + " (expected -254..254)");
        }
        if (quorum > quorumMax) {
            throw new IllegalArgumentException("quorum: " + quorum + " (expected <= quorumMax " + quorumMax + ")");
        }
    }
}
