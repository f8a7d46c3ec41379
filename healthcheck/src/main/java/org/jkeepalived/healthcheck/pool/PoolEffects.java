package org.jkeepalived.healthcheck.pool;

import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SorryServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * What the pool model decides, in the order keepalived 2.2.7 does it. Every call comes from the checker event loop
 * thread. The destination calls are keepalived's {@code ipvs_cmd}s after its inhibit translation: an IPVS applier
 * sends each as one command for the virtual server (every address and fwmark of a group), treating "already exists"
 * on an add and "not found" on a removal as success, as keepalived's {@code ipvs_talk} does.
 */
public interface PoolEffects {

    /**
     * Runs {@code decisions}, the pools' start-up, at once. An IPVS applier may hold their table commands and send
     * them together (many requests to a netlink datagram), each still answered and any refusal logged in keepalived's
     * words; inside, every add then reports success, as none can be answered before the batch goes.
     */
    default void batched(Runnable decisions) {
        decisions.run();
    }

    /** {@code IP_VS_SO_SET_ADD}: the virtual service, with its scheduler and persistence. */
    void addVirtualServer(VirtualServer virtualServer);

    /**
     * {@code IP_VS_SO_SET_EDIT}: at a reload, the running service takes the new scheduler, flags and persistence
     * without losing its connections.
     */
    void editVirtualServer(VirtualServer virtualServer);

    /**
     * At a reload, once the virtual servers no longer configured have been removed and before new ones are added:
     * from now on virtual servers come from {@code lvs}, whose groups give their addresses.
     */
    default void configReplaced(LvsConfig lvs) {
    }

    /** {@code IP_VS_SO_SET_DEL}. */
    void removeVirtualServer(VirtualServer virtualServer);

    /**
     * Whether this stop leaves the table to one sweep ({@code lvs_flush_on_stop}): keepalived 2.2.7's
     * {@code clear_service_vs} then neither removes nor logs the real servers one by one.
     */
    default boolean flushingOnStop() {
        return false;
    }

    /**
     * {@code IP_VS_SO_SET_ADDDEST}.
     *
     * @return false when the kernel refused, which keeps the real server in its previous state
     */
    boolean addRealServer(VirtualServer virtualServer, RealServer realServer, int weight);

    /** {@code IP_VS_SO_SET_EDITDEST}: a new weight (0 when inhibited on failure). */
    boolean setRealServerWeight(VirtualServer virtualServer, RealServer realServer, int weight);

    /** {@code IP_VS_SO_SET_DELDEST}. */
    boolean removeRealServer(VirtualServer virtualServer, RealServer realServer);

    void addSorryServer(VirtualServer virtualServer, SorryServer sorryServer, int weight);

    /** The sorry server with {@code sorry_server_inhibit}: weight 0 while the quorum is up, 1 while it is lost. */
    void setSorryServerWeight(VirtualServer virtualServer, SorryServer sorryServer, int weight);

    void removeSorryServer(VirtualServer virtualServer, SorryServer sorryServer);

    /**
     * A {@code notify_up}, {@code notify_down}, {@code quorum_up} or {@code quorum_down} script. keepalived runs
     * scripts during shutdown ({@code omega}) with a one second timeout.
     */
    void runScript(ScriptSpec script, boolean shuttingDown);

    /** A line for {@code notify_fifo} and {@code lvs_notify_fifo}, without its newline: {@code VS [..]:tcp:80 UP}. */
    void notifyFifo(String line);

    /**
     * An {@code smtp_alert} mail; keepalived sends it only when {@code notification_email} and {@code smtp_server}
     * are set, and prefixes the subject with {@code [router_id] }.
     */
    void smtpAlert(String subject, String body);

    /** A line keepalived's checker process logs at LOG_INFO, in its words. */
    void log(String line);
}
