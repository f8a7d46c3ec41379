package org.jkeepalived.healthcheck.check;

/** Makes the running checker for a configured one; the pool model depends on this, not on the checkers' I/O. */
@FunctionalInterface
public interface CheckerFactory extends AutoCloseable {

    RunningChecker create(CheckerTarget target, CheckerVerdicts verdicts);

    /** Gives back what the checkers changed on the host, once every checker has stopped. */
    @Override
    default void close() {
    }
}
