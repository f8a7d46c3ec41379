package org.jkeepalived.healthcheck.check;

/** Makes the running checker for a configured one; the pool model depends on this, not on the checkers' I/O. */
@FunctionalInterface
public interface CheckerFactory {

    RunningChecker create(CheckerTarget target, CheckerVerdicts verdicts);
}
