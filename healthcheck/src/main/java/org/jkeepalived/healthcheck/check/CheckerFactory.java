package org.jkeepalived.healthcheck.check;

import java.util.Optional;

/** Makes the running checker for a configured one; the pool model depends on this, not on the checkers' I/O. */
@FunctionalInterface
public interface CheckerFactory extends AutoCloseable {

    RunningChecker create(CheckerTarget target, CheckerVerdicts verdicts);

    /**
     * The checker's state before the pools enter IPVS, when it is not the usual one (up, or down with alpha); asked
     * on the checker event loop before {@link #create}.
     */
    default Optional<StartingState> startingState(CheckerTarget target) {
        return Optional.empty();
    }

    /** Gives back what the checkers changed on the host, once every checker has stopped. */
    @Override
    default void close() {
    }
}
