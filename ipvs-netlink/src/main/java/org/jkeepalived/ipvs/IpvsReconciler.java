package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jkeepalived.config.lvs.Endpoint;
import org.jkeepalived.config.lvs.Forwarding;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerKey;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the checker pool's decisions to the kernel as keepalived 2.2.7's {@code ipvs_cmd} does, keyed by config
 * records. It remembers what it installed (services, and which servers are "set" in them) so that inhibited servers
 * are edited rather than re-added and {@link #removeAll} removes only what is ours. Kernel refusals are logged with
 * keepalived's wording ({@code IPVS cmd ... error: ...}) and reported as {@code false}, never thrown. A refused
 * EEXIST on an add or ENOENT on a delete counts as done, as in keepalived. Owned by the checkers' loop.
 */
public final class IpvsReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsReconciler.class);

    private final IpvsKernel kernel;
    private LvsConfig config;
    /** Kernel services we added, with how many virtual servers use each (groups may share entries). */
    private final Map<IpvsServiceKey, Integer> serviceUsers = new HashMap<>();
    /** Installed virtual servers, in installation order, by keepalived's identity. */
    private final Map<VirtualServerKey, VirtualServer> installed = new LinkedHashMap<>();
    /** Servers in a virtual server's pool (keepalived's {@code rs->set}), by virtual server and endpoint. */
    private final Map<VirtualServerKey, Map<Endpoint, Server>> setServers = new HashMap<>();

    /** A real or sorry server as a destination sees it. */
    private record Server(Endpoint endpoint, Forwarding forwarding, boolean inhibit, long upperThreshold,
                          long lowerThreshold) {

        static Server of(RealServer server) {
            return new Server(server.endpoint(), server.forwarding(), server.inhibitOnFailure(),
                    server.upperThreshold(), server.lowerThreshold());
        }

        static Server of(SorryServer server) {
            return new Server(server.endpoint(), server.forwarding(), server.inhibit(), 0, 0);
        }
    }

    /** @param config the configuration whose groups give the virtual servers' addresses */
    public IpvsReconciler(IpvsKernel kernel, LvsConfig config) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** keepalived's LVS_CMD_ADD: the virtual server's services, those not already ours. */
    public boolean installVirtualServer(VirtualServer virtualServer) {
        if (installed.containsKey(virtualServer.key())) {
            return true;
        }
        installed.put(virtualServer.key(), virtualServer);
        boolean done = true;
        for (IpvsService service : IpvsRules.services(virtualServer, config, IpvsRules.Purpose.SERVICE)) {
            int users = serviceUsers.merge(service.key(), 1, Integer::sum);
            if (users == 1) {
                done &= talk(IpvsOperation.ADD_SERVICE, service, null);
            }
        }
        return done;
    }

    /**
     * At a reload, once the virtual servers no longer configured are removed: {@code newConfig}'s groups give the
     * addresses of the virtual servers from now on.
     */
    public void useConfig(LvsConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }

    /**
     * keepalived's IP_VS_SO_SET_EDIT at a reload: an installed virtual server's services take its new scheduler,
     * flags and persistence in place, keeping their destinations and connections.
     */
    public boolean editVirtualServer(VirtualServer virtualServer) {
        if (installed.replace(virtualServer.key(), virtualServer) == null) {
            return true;
        }
        boolean done = true;
        for (IpvsService service : IpvsRules.services(virtualServer, config, IpvsRules.Purpose.SERVICE)) {
            done &= talk(IpvsOperation.EDIT_SERVICE, service, null);
        }
        return done;
    }

    /**
     * keepalived's LVS_CMD_ADD_DEST: puts {@code server} in the pool at {@code weight} (0 for a server installed
     * inhibited); an inhibited server already in the pool gets its weight back instead.
     */
    public boolean addRealServer(VirtualServer virtualServer, RealServer server, long weight) {
        return add(virtualServer, Server.of(server), weight);
    }

    /** keepalived's LVS_CMD_DEL_DEST: out of the pool, or down to weight 0 when {@code inhibit_on_failure}. */
    public boolean removeRealServer(VirtualServer virtualServer, RealServer server) {
        return remove(virtualServer, Server.of(server), false);
    }

    /**
     * keepalived's LVS_CMD_DEL_DEST with the server's inhibit cleared, as its {@code clear_service_rs} does on
     * shutdown: out of the pool even with {@code inhibit_on_failure}.
     */
    public boolean forceRemoveRealServer(VirtualServer virtualServer, RealServer server) {
        return remove(virtualServer, Server.of(server), true);
    }

    /** keepalived's LVS_CMD_EDIT_DEST for a changed effective weight; nothing for a server not in the pool. */
    public boolean setRealServerWeight(VirtualServer virtualServer, RealServer server, long weight) {
        Server real = Server.of(server);
        if (!isSet(virtualServer, real.endpoint())) {
            return true;
        }
        return destinations(virtualServer, real, weight, IpvsOperation.EDIT_DESTINATION);
    }

    /** The sorry server into the pool (weight 1, or 0 when installed inhibited at start: pass {@code enabled}). */
    public boolean addSorryServer(VirtualServer virtualServer, boolean enabled) {
        return virtualServer.sorryServer().map(sorry -> add(virtualServer, Server.of(sorry), enabled ? 1 : 0))
                .orElse(true);
    }

    /** The sorry server out of the pool even with {@code sorry_server_inhibit}, as keepalived's shutdown. */
    public boolean forceRemoveSorryServer(VirtualServer virtualServer) {
        return virtualServer.sorryServer().map(sorry -> remove(virtualServer, Server.of(sorry), true)).orElse(true);
    }

    public boolean removeSorryServer(VirtualServer virtualServer) {
        return virtualServer.sorryServer().map(sorry -> remove(virtualServer, Server.of(sorry), false)).orElse(true);
    }

    /**
     * keepalived's {@code clear_service_vs}: every server of ours removed (inhibited ones too), then the services no
     * other installed virtual server uses.
     */
    public boolean removeVirtualServer(VirtualServer virtualServer) {
        VirtualServer ours = installed.remove(virtualServer.key());
        if (ours == null) {
            return true;
        }
        boolean done = true;
        Map<Endpoint, Server> servers = setServers.getOrDefault(ours.key(), Map.of());
        for (Server server : List.copyOf(servers.values())) {
            done &= remove(ours, server, true);
        }
        setServers.remove(ours.key());
        for (IpvsService service : IpvsRules.services(ours, config, IpvsRules.Purpose.SERVICE)) {
            int users = serviceUsers.merge(service.key(), -1, Integer::sum);
            if (users <= 0) {
                serviceUsers.remove(service.key());
                done &= talk(IpvsOperation.DELETE_SERVICE, service, null);
            }
        }
        return done;
    }

    /**
     * On stop (unless {@code -I} / {@code --dont-release-ipvs}, where the caller does not call this): every virtual
     * server we installed, in installation order, as keepalived's {@code clear_services}.
     */
    public boolean removeAll() {
        boolean done = true;
        for (VirtualServer virtualServer : List.copyOf(installed.values())) {
            done &= removeVirtualServer(virtualServer);
        }
        return done;
    }

    /** {@code lvs_flush}: the whole table emptied, ours or not. */
    public boolean flush() {
        installed.clear();
        serviceUsers.clear();
        setServers.clear();
        try {
            kernel.flush();
            return true;
        } catch (IOException e) {
            LOG.info("{}", e.getMessage());
            return false;
        }
    }

    /** Whether the server at {@code endpoint} is in the virtual server's pool (keepalived's {@code rs->set}). */
    public boolean isSet(VirtualServer virtualServer, Endpoint endpoint) {
        return setServers.getOrDefault(virtualServer.key(), Map.of()).containsKey(endpoint);
    }

    private boolean add(VirtualServer virtualServer, Server server, long weight) {
        boolean set = isSet(virtualServer, server.endpoint());
        if (set && !server.inhibit()) {
            return true;
        }
        IpvsOperation operation = set ? IpvsOperation.EDIT_DESTINATION : IpvsOperation.ADD_DESTINATION;
        boolean done = destinations(virtualServer, server, weight, operation);
        setServers.computeIfAbsent(virtualServer.key(), key -> new LinkedHashMap<>()).put(server.endpoint(), server);
        return done;
    }

    private boolean remove(VirtualServer virtualServer, Server server, boolean force) {
        if (!isSet(virtualServer, server.endpoint())) {
            return true;
        }
        if (server.inhibit() && !force) {
            return destinations(virtualServer, server, 0, IpvsOperation.EDIT_DESTINATION);
        }
        boolean done = destinations(virtualServer, server, 0, IpvsOperation.DELETE_DESTINATION);
        Map<Endpoint, Server> servers = setServers.get(virtualServer.key());
        servers.remove(server.endpoint());
        return done;
    }

    /** One destination command in each of the virtual server's services; stops at the first refusal, as keepalived. */
    private boolean destinations(VirtualServer virtualServer, Server server, long weight, IpvsOperation operation) {
        for (IpvsService service : IpvsRules.services(virtualServer, config, IpvsRules.Purpose.DESTINATION)) {
            IpvsDestination destination = IpvsRules.destination(service, server.endpoint(), server.forwarding(),
                    weight, server.upperThreshold(), server.lowerThreshold());
            if (!talk(operation, service, destination)) {
                return false;
            }
        }
        return true;
    }

    /** keepalived's {@code ipvs_talk}: one command, its refusal logged; EDITDEST of a missing one becomes ADDDEST. */
    private boolean talk(IpvsOperation operation, IpvsService service, IpvsDestination destination) {
        try {
            send(operation, service, destination);
            return true;
        } catch (IpvsException e) {
            if (e.errno() == IpvsOperation.Errno.ENOENT && operation == IpvsOperation.EDIT_DESTINATION) {
                return talk(IpvsOperation.ADD_DESTINATION, service, destination);
            }
            LOG.info("{}", e.getMessage());
            return e.errno() == IpvsOperation.Errno.EEXIST && (operation == IpvsOperation.ADD_SERVICE
                    || operation == IpvsOperation.ADD_DESTINATION)
                    || e.errno() == IpvsOperation.Errno.ENOENT && (operation == IpvsOperation.DELETE_SERVICE
                    || operation == IpvsOperation.DELETE_DESTINATION);
        } catch (IOException e) {
            LOG.info("IPVS cmd {}({}) failed: {}", operation.socketOptionName(), operation.socketOption(),
                    e.getMessage());
            return false;
        }
    }

    private void send(IpvsOperation operation, IpvsService service, IpvsDestination destination)
            throws IOException {
        switch (operation) {
            case ADD_SERVICE -> kernel.addService(service);
            case EDIT_SERVICE -> kernel.updateService(service);
            case DELETE_SERVICE -> kernel.deleteService(service);
            case ADD_DESTINATION -> kernel.addDestination(service, destination);
            case EDIT_DESTINATION -> kernel.updateDestination(service, destination);
            case DELETE_DESTINATION -> kernel.deleteDestination(service, destination);
            default -> throw new IllegalArgumentException("operation: " + operation + " (expected a table edit)");
        }
    }
}
