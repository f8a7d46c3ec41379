package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
 * EEXIST on an add or ENOENT on a delete counts as done, as in keepalived. A sorry server that is also one of the
 * real servers (keepalived's {@code s_svr_duplicates_rs}) has its own place in the pool, as in keepalived, and is
 * never installed or removed on its own behalf at start and stop. Owned by the checkers' loop.
 */
public final class IpvsReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsReconciler.class);

    private final IpvsKernel kernel;
    private LvsConfig config;
    /** Kernel services we added, with how many virtual servers use each (groups may share entries). */
    private final Map<IpvsServiceKey, Integer> serviceUsers = new HashMap<>();
    /** Installed virtual servers, in installation order, by keepalived's identity. */
    private final Map<VirtualServerKey, Installed> installed = new LinkedHashMap<>();
    /** Servers in a virtual server's pool (keepalived's {@code rs->set}), by virtual server and place. */
    private final Map<VirtualServerKey, Map<Slot, Server>> setServers = new HashMap<>();
    /** The commands {@link #inOneBatch} holds while its decisions run. */
    private Optional<List<IpvsCommand>> heldCommands = Optional.empty();

    /** A virtual server as installed, with its kernel services for service and for destination commands. */
    private record Installed(VirtualServer virtualServer, List<IpvsService> services,
                             List<IpvsService> destinationServices) {
    }

    /** A place in a pool: a real server, or the sorry server (which may share a real server's endpoint). */
    private record Slot(Endpoint endpoint, boolean sorry) {
    }

    /** A real or sorry server as a destination sees it, with the weight last sent for it. */
    private record Server(Slot slot, Forwarding forwarding, boolean inhibit, long upperThreshold,
                          long lowerThreshold, long weight) {

        static Server of(RealServer server) {
            return new Server(new Slot(server.endpoint(), false), server.forwarding(), server.inhibitOnFailure(),
                    server.upperThreshold(), server.lowerThreshold(), 0);
        }

        static Server of(SorryServer server) {
            return new Server(new Slot(server.endpoint(), true), server.forwarding(), server.inhibit(), 0, 0, 0);
        }

        Server weighing(long newWeight) {
            return new Server(slot, forwarding, inhibit, upperThreshold, lowerThreshold, newWeight);
        }
    }

    /** @param config the configuration whose groups give the virtual servers' addresses */
    public IpvsReconciler(IpvsKernel kernel, LvsConfig config) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * On reload, before {@link #updateVirtualServer} and the installs of added virtual servers: the new
     * configuration's groups. Virtual servers already installed keep the services they were installed with.
     */
    public void useConfig(LvsConfig newConfig) {
        this.config = Objects.requireNonNull(newConfig, "newConfig");
    }

    /**
     * Runs {@code decisions} (installs and additions, as at start-up) with their table commands held, then sends
     * them together through {@link IpvsKernel#apply}, in order, without a round trip each. Inside, every operation
     * reports success and a destination command does not stop at a refused service; the refusals are logged
     * afterwards in keepalived's words, and the result says whether every command was done. Decisions that need an
     * answer at once (the pool's, once running) go one at a time, outside.
     */
    public boolean inOneBatch(Runnable decisions) {
        if (heldCommands.isPresent()) {
            throw new IllegalStateException("inOneBatch: already batching");
        }
        List<IpvsCommand> commands = new ArrayList<>();
        heldCommands = Optional.of(commands);
        try {
            decisions.run();
        } finally {
            heldCommands = Optional.empty();
        }
        if (commands.isEmpty()) {
            return true;
        }
        List<Optional<IpvsException>> outcomes;
        try {
            outcomes = kernel.apply(commands);
        } catch (IOException e) {
            logFailure(commands.get(0).operation(), e);
            return false;
        }
        boolean done = true;
        for (int index = 0; index < commands.size(); index++) {
            IpvsCommand command = commands.get(index);
            done &= outcomes.get(index).map(refusal -> refused(command, refusal)).orElse(true);
        }
        return done;
    }

    /** keepalived's LVS_CMD_ADD: the virtual server's services, those not already ours. */
    public boolean installVirtualServer(VirtualServer virtualServer) {
        if (installed.containsKey(virtualServer.key())) {
            return true;
        }
        Installed entry = new Installed(virtualServer,
                IpvsRules.services(virtualServer, config, IpvsRules.Purpose.SERVICE),
                IpvsRules.services(virtualServer, config, IpvsRules.Purpose.DESTINATION));
        installed.put(virtualServer.key(), entry);
        boolean done = true;
        for (IpvsService service : entry.services()) {
            done &= addService(service);
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
        if (!isSet(virtualServer, real.slot())) {
            return true;
        }
        pool(virtualServer).put(real.slot(), real.weighing(weight));
        return destinations(virtualServer, real, weight, IpvsOperation.EDIT_DESTINATION);
    }

    /**
     * The sorry server into the pool: weight 1, or 0 when installed inhibited at start (pass {@code enabled} false).
     * At start, a sorry server that is also a real server only takes its place: the real server's destination is it.
     */
    public boolean addSorryServer(VirtualServer virtualServer, boolean enabled) {
        return virtualServer.sorryServer().map(sorry -> {
            Server server = Server.of(sorry);
            if (!enabled && duplicatesRealServer(virtualServer) && !isSet(virtualServer, server.slot())) {
                pool(virtualServer).put(server.slot(), server);
                return true;
            }
            return add(virtualServer, server, enabled ? 1 : 0);
        }).orElse(true);
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
        return removeVirtualServer(virtualServer, LvsGlobals.FlushOnStop.NONE);
    }

    /**
     * On stop (unless {@code -I} / {@code --dont-release-ipvs}, where the caller does not call this): every virtual
     * server we installed, in installation order, as keepalived's {@code clear_services}.
     */
    public boolean removeAll() {
        return removeAll(LvsGlobals.FlushOnStop.NONE);
    }

    /**
     * keepalived's {@code clear_services} under {@code lvs_flush_on_stop}: NONE removes our servers then our
     * services, VIRTUAL_SERVERS deletes our services alone (the kernel drops their destinations), FULL flushes the
     * whole table.
     */
    public boolean removeAll(LvsGlobals.FlushOnStop flushOnStop) {
        if (flushOnStop == LvsGlobals.FlushOnStop.FULL) {
            return flush();
        }
        boolean done = true;
        for (Installed entry : List.copyOf(installed.values())) {
            done &= removeVirtualServer(entry.virtualServer(), flushOnStop);
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

    /**
     * On reload, keepalived's {@code clear_diff_services} for a virtual server in both configs (same key) whose
     * service settings changed, edited in place: group entries gone are emptied of our servers and deleted, new
     * entries are added with the servers already in the pool; if the scheduler, its flags, persistence or
     * granularity changed the remaining services are edited (IP_VS_SO_SET_EDIT), keeping their destinations and
     * connections. Real servers are the pool model's: it removes, edits and adds them through the other operations.
     * Call {@link #useConfig} first. Not installed yet: installed.
     */
    public boolean editVirtualServer(VirtualServer changed) {
        Installed old = installed.get(changed.key());
        if (old == null) {
            return installVirtualServer(changed);
        }
        Installed now = new Installed(changed, IpvsRules.services(changed, config, IpvsRules.Purpose.SERVICE),
                IpvsRules.services(changed, config, IpvsRules.Purpose.DESTINATION));
        boolean done = true;
        Set<IpvsServiceKey> newKeys = keys(now.services());
        Set<IpvsServiceKey> oldKeys = keys(old.services());
        Map<Slot, Server> pool = setServers.getOrDefault(changed.key(), Map.of());
        for (int index = 0; index < old.services().size(); index++) {
            IpvsService service = old.services().get(index);
            if (!newKeys.contains(service.key())) {
                for (Server server : pool.values()) {
                    done &= talk(IpvsOperation.DELETE_DESTINATION, service,
                            destination(old.destinationServices().get(index), server, 0));
                }
                done &= releaseService(service);
            }
        }
        for (int index = 0; index < now.services().size(); index++) {
            IpvsService service = now.services().get(index);
            if (oldKeys.contains(service.key())) {
                if (!old.services().contains(service)) {
                    done &= talk(IpvsOperation.EDIT_SERVICE, service, null);
                }
                continue;
            }
            done &= addService(service);
            for (Server server : pool.values()) {
                done &= talk(IpvsOperation.ADD_DESTINATION, now.destinationServices().get(index),
                        destination(now.destinationServices().get(index), server, server.weight()));
            }
        }
        installed.put(changed.key(), now);
        return done;
    }

    /** Whether the real server at {@code endpoint} is in the virtual server's pool (keepalived's {@code rs->set}). */
    public boolean isSet(VirtualServer virtualServer, Endpoint endpoint) {
        return isSet(virtualServer, new Slot(endpoint, false));
    }

    /** Whether the sorry server is in the virtual server's pool. */
    public boolean isSorryServerSet(VirtualServer virtualServer) {
        return virtualServer.sorryServer().map(sorry -> isSet(virtualServer, new Slot(sorry.endpoint(), true)))
                .orElse(false);
    }

    private boolean removeVirtualServer(VirtualServer virtualServer, LvsGlobals.FlushOnStop flushOnStop) {
        Installed ours = installed.get(virtualServer.key());
        if (ours == null) {
            return true;
        }
        boolean done = true;
        if (flushOnStop == LvsGlobals.FlushOnStop.NONE) {
            for (Server server : List.copyOf(setServers.getOrDefault(virtualServer.key(), Map.of()).values())) {
                done &= server.slot().sorry() && duplicatesRealServer(ours.virtualServer())
                        || remove(ours.virtualServer(), server, true);
            }
        }
        installed.remove(virtualServer.key());
        setServers.remove(virtualServer.key());
        for (IpvsService service : ours.services()) {
            done &= releaseService(service);
        }
        return done;
    }

    private boolean addService(IpvsService service) {
        int users = serviceUsers.merge(service.key(), 1, Integer::sum);
        return users > 1 || talk(IpvsOperation.ADD_SERVICE, service, null);
    }

    /** One user fewer; the service deleted when it was the last. */
    private boolean releaseService(IpvsService service) {
        int users = serviceUsers.merge(service.key(), -1, Integer::sum);
        if (users > 0) {
            return true;
        }
        serviceUsers.remove(service.key());
        return talk(IpvsOperation.DELETE_SERVICE, service, null);
    }

    private static boolean duplicatesRealServer(VirtualServer virtualServer) {
        return virtualServer.sorryServer().map(sorry -> virtualServer.realServers().stream()
                .anyMatch(real -> real.endpoint().equals(sorry.endpoint()))).orElse(false);
    }

    private boolean isSet(VirtualServer virtualServer, Slot slot) {
        return setServers.getOrDefault(virtualServer.key(), Map.of()).containsKey(slot);
    }

    private Map<Slot, Server> pool(VirtualServer virtualServer) {
        return setServers.computeIfAbsent(virtualServer.key(), key -> new LinkedHashMap<>());
    }

    private boolean add(VirtualServer virtualServer, Server server, long weight) {
        boolean set = isSet(virtualServer, server.slot());
        if (set && !server.inhibit()) {
            return true;
        }
        IpvsOperation operation = set ? IpvsOperation.EDIT_DESTINATION : IpvsOperation.ADD_DESTINATION;
        boolean done = destinations(virtualServer, server, weight, operation);
        pool(virtualServer).put(server.slot(), server.weighing(weight));
        return done;
    }

    private boolean remove(VirtualServer virtualServer, Server server, boolean force) {
        if (!isSet(virtualServer, server.slot())) {
            return true;
        }
        if (server.inhibit() && !force) {
            pool(virtualServer).put(server.slot(), server.weighing(0));
            return destinations(virtualServer, server, 0, IpvsOperation.EDIT_DESTINATION);
        }
        boolean done = destinations(virtualServer, server, 0, IpvsOperation.DELETE_DESTINATION);
        pool(virtualServer).remove(server.slot());
        return done;
    }

    /** One destination command in each of the virtual server's services; stops at the first refusal, as keepalived. */
    private boolean destinations(VirtualServer virtualServer, Server server, long weight, IpvsOperation operation) {
        Installed entry = installed.get(virtualServer.key());
        List<IpvsService> services = entry != null ? entry.destinationServices()
                : IpvsRules.services(virtualServer, config, IpvsRules.Purpose.DESTINATION);
        for (IpvsService service : services) {
            if (!talk(operation, service, destination(service, server, weight))) {
                return false;
            }
        }
        return true;
    }

    private static IpvsDestination destination(IpvsService service, Server server, long weight) {
        return IpvsRules.destination(service, server.slot().endpoint(), server.forwarding(), weight,
                server.upperThreshold(), server.lowerThreshold());
    }

    private static Set<IpvsServiceKey> keys(List<IpvsService> services) {
        return services.stream().map(IpvsService::key).collect(Collectors.toSet());
    }

    /**
     * keepalived's {@code ipvs_talk}: one command, its refusal logged; EDITDEST of a missing one becomes ADDDEST.
     * While {@link #inOneBatch} runs, the command is held and counts as done.
     */
    private boolean talk(IpvsOperation operation, IpvsService service, IpvsDestination destination) {
        IpvsCommand command = destination == null ? IpvsCommand.ofService(operation, service)
                : IpvsCommand.ofDestination(operation, service, destination);
        if (heldCommands.isPresent()) {
            heldCommands.get().add(command);
            return true;
        }
        try {
            command.sendTo(kernel);
            return true;
        } catch (IpvsException e) {
            return refused(command, e);
        } catch (IOException e) {
            logFailure(operation, e);
            return false;
        }
    }

    /** A refusal logged as keepalived logs it; whether the command counts as done all the same. */
    private boolean refused(IpvsCommand command, IpvsException refusal) {
        IpvsOperation operation = command.operation();
        if (refusal.errno() == IpvsOperation.Errno.ENOENT && operation == IpvsOperation.EDIT_DESTINATION) {
            return talk(IpvsOperation.ADD_DESTINATION, command.service(), command.destination().orElseThrow());
        }
        LOG.info("{}", refusal.getMessage());
        return refusal.errno() == IpvsOperation.Errno.EEXIST && (operation == IpvsOperation.ADD_SERVICE
                || operation == IpvsOperation.ADD_DESTINATION)
                || refusal.errno() == IpvsOperation.Errno.ENOENT && (operation == IpvsOperation.DELETE_SERVICE
                || operation == IpvsOperation.DELETE_DESTINATION);
    }

    private static void logFailure(IpvsOperation operation, IOException failure) {
        LOG.info("IPVS cmd {}({}) failed: {}", operation.socketOptionName(), operation.socketOption(),
                failure.getMessage());
    }
}
