package org.jkeepalived.healthcheck.pool;

import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;

/** keepalived's sorry server, a {@code real_server_t} of weight 1 without checkers. */
final class PoolSorryServer extends Destination {
    final SorryServer config;
    private final VirtualServer virtualServer;
    private final PoolEffects effects;

    PoolSorryServer(SorryServer config, VirtualServer virtualServer, PoolEffects effects) {
        super(ServerNames.server(config.endpoint(), virtualServer), config.inhibit(), 1);
        this.config = config;
        this.virtualServer = virtualServer;
        this.effects = effects;
    }

    @Override
    boolean failing() {
        return false;
    }

    @Override
    boolean add(int weight) {
        effects.addSorryServer(virtualServer, config, weight);
        return true;
    }

    @Override
    boolean edit(int weight) {
        effects.setSorryServerWeight(virtualServer, config, weight);
        return true;
    }

    @Override
    boolean delete() {
        effects.removeSorryServer(virtualServer, config);
        return true;
    }
}
