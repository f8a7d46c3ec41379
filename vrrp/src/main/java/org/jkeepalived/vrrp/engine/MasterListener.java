package org.jkeepalived.vrrp.engine;

/**
 * Told on the VRRP loop thread when an instance becomes master or leaves it, at the points where keepalived 2.2.7's
 * vrrp.c drives the IPVS sync daemon of {@code lvs_sync_daemon ... inst}: after a new master has set its addresses
 * and sent its notifications, and as a master that holds its addresses starts to leave (for BACKUP or FAULT). A
 * shutdown or a reload is neither. Implementations must not block for long: the loop waits for them.
 */
public interface MasterListener {

    /** Told nothing: the engine without a listener. */
    MasterListener NONE = new MasterListener() {
        @Override
        public void becameMaster(String instanceName) {
        }

        @Override
        public void leavingMaster(String instanceName) {
        }
    };

    void becameMaster(String instanceName);

    void leavingMaster(String instanceName);
}
