package org.jkeepalived.healthcheck.pool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.lvs.Endpoint;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptSpec;

/** Every effect as one line, in order; real servers named by address and port. */
final class RecordingEffects implements PoolEffects {
    final List<String> events = new ArrayList<>();
    /** Real servers (address:port) whose IPVS commands the kernel refuses. */
    final Set<String> refused = new HashSet<>();
    /** What {@link #flushingOnStop} answers. */
    boolean flushingOnStop;

    /** The events so far, and forgets them. */
    List<String> drain() {
        List<String> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    List<String> logLines() {
        return events.stream().filter(e -> e.startsWith("log ")).map(e -> e.substring(4)).toList();
    }

    @Override
    public boolean flushingOnStop() {
        return flushingOnStop;
    }

    @Override
    public void addVirtualServer(VirtualServer virtualServer) {
        events.add("ipvs add-service");
    }

    @Override
    public void editVirtualServer(VirtualServer virtualServer) {
        events.add("ipvs edit-service " + virtualServer.scheduler());
    }

    @Override
    public void configReplaced(LvsConfig lvs) {
        events.add("config replaced");
    }

    @Override
    public void removeVirtualServer(VirtualServer virtualServer) {
        events.add("ipvs remove-service");
    }

    @Override
    public boolean addRealServer(VirtualServer virtualServer, RealServer realServer, int weight) {
        return record("ipvs add " + name(realServer.endpoint()) + " weight " + weight, realServer);
    }

    @Override
    public boolean setRealServerWeight(VirtualServer virtualServer, RealServer realServer, int weight) {
        return record("ipvs weight " + name(realServer.endpoint()) + " " + weight, realServer);
    }

    @Override
    public boolean removeRealServer(VirtualServer virtualServer, RealServer realServer) {
        return record("ipvs remove " + name(realServer.endpoint()), realServer);
    }

    @Override
    public void addSorryServer(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        events.add("ipvs add sorry " + name(sorryServer.endpoint()) + " weight " + weight);
    }

    @Override
    public void setSorryServerWeight(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        events.add("ipvs weight sorry " + name(sorryServer.endpoint()) + " " + weight);
    }

    @Override
    public void removeSorryServer(VirtualServer virtualServer, SorryServer sorryServer) {
        events.add("ipvs remove sorry " + name(sorryServer.endpoint()));
    }

    @Override
    public void runScript(ScriptSpec script, boolean shuttingDown) {
        events.add("script " + script.commandLine() + (shuttingDown ? " (shutting down)" : ""));
    }

    @Override
    public void notifyFifo(String line) {
        events.add("fifo " + line);
    }

    @Override
    public void smtpAlert(String subject, String body) {
        events.add("smtp " + subject + " / " + body);
    }

    @Override
    public void log(String line) {
        events.add("log " + line);
    }

    private boolean record(String event, RealServer realServer) {
        boolean accepted = !refused.contains(name(realServer.endpoint()));
        events.add(event + (accepted ? "" : " (refused)"));
        return accepted;
    }

    private static String name(Endpoint endpoint) {
        return IpAddresses.format(endpoint.address()) + ":" + endpoint.port();
    }
}
