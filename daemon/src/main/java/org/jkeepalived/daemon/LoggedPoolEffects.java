package org.jkeepalived.daemon;

import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.healthcheck.pool.ServerNames;
import org.slf4j.Logger;

/**
 * Pool decisions only logged: keepalived's log lines as keepalived writes them, and at debug level what was not done.
 * What keepalived's checker process does when IPVS could not be opened and it shuts its services down, and what
 * tests of the wiring use. Virtual servers are named by their config line.
 */
final class LoggedPoolEffects implements CheckerLauncher.Effects {
    private final Logger log;

    LoggedPoolEffects(Logger log) {
        this.log = log;
    }

    @Override
    public void addVirtualServer(VirtualServer virtualServer) {
        log.debug("IPVS not applied: add service {}", virtualServer.location());
    }

    @Override
    public void editVirtualServer(VirtualServer virtualServer) {
        log.debug("IPVS not applied: edit service {}", virtualServer.location());
    }

    @Override
    public void removeVirtualServer(VirtualServer virtualServer) {
        log.debug("IPVS not applied: remove service {}", virtualServer.location());
    }

    @Override
    public boolean addRealServer(VirtualServer virtualServer, RealServer realServer, int weight) {
        log.debug("IPVS not applied: add {} weight {} to service {}", ServerNames.server(realServer.endpoint(),
                virtualServer), weight, virtualServer.location());
        return true;
    }

    @Override
    public boolean setRealServerWeight(VirtualServer virtualServer, RealServer realServer, int weight) {
        log.debug("IPVS not applied: weight {} for {} of service {}", weight,
                ServerNames.server(realServer.endpoint(), virtualServer), virtualServer.location());
        return true;
    }

    @Override
    public boolean removeRealServer(VirtualServer virtualServer, RealServer realServer) {
        log.debug("IPVS not applied: remove {} from service {}", ServerNames.server(realServer.endpoint(),
                virtualServer), virtualServer.location());
        return true;
    }

    @Override
    public void addSorryServer(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        log.debug("IPVS not applied: add sorry server {} weight {} to service {}",
                ServerNames.server(sorryServer.endpoint(), virtualServer), weight, virtualServer.location());
    }

    @Override
    public void setSorryServerWeight(VirtualServer virtualServer, SorryServer sorryServer, int weight) {
        log.debug("IPVS not applied: weight {} for sorry server {} of service {}", weight,
                ServerNames.server(sorryServer.endpoint(), virtualServer), virtualServer.location());
    }

    @Override
    public void removeSorryServer(VirtualServer virtualServer, SorryServer sorryServer) {
        log.debug("IPVS not applied: remove sorry server {} from service {}",
                ServerNames.server(sorryServer.endpoint(), virtualServer), virtualServer.location());
    }

    @Override
    public void runScript(ScriptSpec script, boolean shuttingDown) {
        log.debug("Script not run: {}", script.commandLine());
    }

    @Override
    public void notifyFifo(String line) {
        log.debug("FIFO not written: {}", line);
    }

    @Override
    public void smtpAlert(String subject, String body) {
        log.debug("SMTP alert not sent: {} {}", subject, body);
    }

    @Override
    public void log(String line) {
        log.info(line);
    }

    @Override
    public void close() {
    }
}
