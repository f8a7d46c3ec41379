package org.jkeepalived.healthcheck.check;

import java.util.Objects;

import org.jkeepalived.config.lvs.Checker;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;

/**
 * One checker of one real server of one virtual server: what a running checker probes and whom its verdicts concern.
 *
 * @param index the checker's position among its real server's checkers, which keeps two identical checkers apart
 */
public record CheckerTarget(VirtualServer virtualServer, RealServer realServer, Checker checker, int index) {

    public CheckerTarget {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(realServer, "realServer");
        Objects.requireNonNull(checker, "checker");
        if (index < 0 || index >= realServer.checkers().size()) {
            throw new IllegalArgumentException(
                    "index: " + index + " (expected 0.." + (realServer.checkers().size() - 1) + ")");
        }
    }
}
