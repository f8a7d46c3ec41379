package org.jkeepalived.healthcheck.pool;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;

/** keepalived's {@code real_server_t} state: a real server of one pool. Owned by the checker event loop thread. */
final class PoolRealServer extends Destination {
    final RealServer config;
    final List<PoolChecker> checkers = new ArrayList<>();
    private final VirtualServer virtualServer;
    private final PoolEffects effects;
    /** keepalived's {@code num_failed_checkers}. */
    int failedCheckers;
    /** keepalived's {@code reloaded}: it was in the pool before a reload, whose state it took over. */
    boolean reloaded;
    /** keepalived's {@code peffective_weight}: the effective weight before the reload. */
    long previousEffectiveWeight;

    PoolRealServer(RealServer config, VirtualServer virtualServer, PoolEffects effects) {
        super(ServerNames.server(config.endpoint(), virtualServer), config.inhibitOnFailure(), config.weight());
        this.config = config;
        this.virtualServer = virtualServer;
        this.effects = effects;
    }

    @Override
    boolean failing() {
        return failedCheckers > 0;
    }

    @Override
    boolean add(int weight) {
        return effects.addRealServer(virtualServer, config, weight);
    }

    @Override
    boolean edit(int weight) {
        return effects.setRealServerWeight(virtualServer, config, weight);
    }

    @Override
    boolean delete() {
        return effects.removeRealServer(virtualServer, config);
    }
}
