package org.jkeepalived.healthcheck.check;

/**
 * A checker that never probes: BFD_CHECK without a BFD process (keepalived's checker then keeps its initial state,
 * up, or down with alpha, since no BFD event ever comes), and a FILE_CHECK whose track_file the settings lack.
 */
final class InertChecker implements RunningChecker {

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }
}
