package org.jkeepalived.ipvs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsServiceKey;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.jkeepalived.ipvs.codec.ServiceAttribute;

/**
 * An IPVS table in memory that refuses as the kernel does (EEXIST, ESRCH, ENOENT), for tests on a host without
 * ip_vs; {@link #table()} lists it as {@code ipvsadm -Ln} would, one line per service and destination.
 */
final class TableKernel implements IpvsKernel {

    private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsServiceKey, Map<String, IpvsDestination>> destinations = new LinkedHashMap<>();
    /** Running sync daemons by state, and every daemon command in order. */
    private final Map<Integer, IpvsDaemon> daemons = new LinkedHashMap<>();
    private final List<String> daemonCommands = new ArrayList<>();
    private IpvsTimeouts timeouts = new IpvsTimeouts(900, 120, 300);

    @Override
    public void addService(IpvsService service) throws IOException {
        if (services.putIfAbsent(service.key(), service) != null) {
            throw refusal(IpvsOperation.ADD_SERVICE, 17, service.key().describe());
        }
        destinations.put(service.key(), new LinkedHashMap<>());
    }

    @Override
    public void updateService(IpvsService service) throws IOException {
        requireService(IpvsOperation.EDIT_SERVICE, service.key(), service.key().describe());
        services.put(service.key(), service);
    }

    @Override
    public void deleteService(ServiceAttribute service) throws IOException {
        requireService(IpvsOperation.DELETE_SERVICE, service.key(), service.key().describe());
        services.remove(service.key());
        destinations.remove(service.key());
    }

    @Override
    public void addDestination(IpvsService service, IpvsDestination destination) throws IOException {
        String target = service.key().describe() + " -> " + destination.describe();
        requireService(IpvsOperation.ADD_DESTINATION, service.key(), target);
        if (destinations.get(service.key()).putIfAbsent(destination.describe(), destination) != null) {
            throw refusal(IpvsOperation.ADD_DESTINATION, 17, target);
        }
    }

    @Override
    public void updateDestination(IpvsService service, IpvsDestination destination) throws IOException {
        requireDestination(IpvsOperation.EDIT_DESTINATION, service, destination);
        destinations.get(service.key()).put(destination.describe(), destination);
    }

    @Override
    public void deleteDestination(IpvsService service, IpvsDestination destination) throws IOException {
        requireDestination(IpvsOperation.DELETE_DESTINATION, service, destination);
        destinations.get(service.key()).remove(destination.describe());
    }

    @Override
    public void flush() {
        services.clear();
        destinations.clear();
    }

    @Override
    public IpvsTimeouts timeouts() {
        return timeouts;
    }

    @Override
    public void setTimeouts(IpvsTimeouts wanted) {
        timeouts = new IpvsTimeouts(wanted.tcpSecs() != 0 ? wanted.tcpSecs() : timeouts.tcpSecs(),
                wanted.tcpFinSecs() != 0 ? wanted.tcpFinSecs() : timeouts.tcpFinSecs(),
                wanted.udpSecs() != 0 ? wanted.udpSecs() : timeouts.udpSecs());
    }

    @Override
    public void startDaemon(IpvsDaemon daemon) throws IOException {
        daemonCommands.add("start " + daemon.state() + " id " + daemon.syncId());
        if (daemons.putIfAbsent(daemon.state(), daemon) != null) {
            throw refusal(IpvsOperation.START_DAEMON, 17, "");
        }
    }

    @Override
    public void stopDaemon(IpvsDaemon daemon) throws IOException {
        daemonCommands.add("stop " + daemon.state());
        if (daemons.remove(daemon.state()) == null) {
            throw refusal(IpvsOperation.STOP_DAEMON, 3, "");
        }
    }

    Map<Integer, IpvsDaemon> daemons() {
        return Map.copyOf(daemons);
    }

    List<String> daemonCommands() {
        return List.copyOf(daemonCommands);
    }

    List<String> table() {
        List<String> lines = new ArrayList<>();
        services.forEach((key, service) -> {
            lines.add(key.describe() + " " + service.scheduler() + " flags " + service.flags().flags()
                    + (service.timeoutSecs() > 0 ? " persistent " + service.timeoutSecs() : ""));
            destinations.get(key).values().forEach(destination -> lines.add("  -> " + destination.describe()
                    + " fwd " + destination.forwardingMethod() + " weight " + destination.weight()));
        });
        return lines;
    }

    private void requireService(IpvsOperation operation, IpvsServiceKey key, String target) throws IpvsException {
        if (!services.containsKey(key)) {
            throw refusal(operation, 3, target);
        }
    }

    private void requireDestination(IpvsOperation operation, IpvsService service, IpvsDestination destination)
            throws IpvsException {
        String target = service.key().describe() + " -> " + destination.describe();
        requireService(operation, service.key(), target);
        if (!destinations.get(service.key()).containsKey(destination.describe())) {
            throw refusal(operation, 2, target);
        }
    }

    private static IpvsException refusal(IpvsOperation operation, int errno, String target) {
        String text = switch (errno) {
            case 2 -> "No such file or directory";
            case 3 -> "No such process";
            default -> "File exists";
        };
        return new IpvsException(operation, errno, text, target);
    }
}
