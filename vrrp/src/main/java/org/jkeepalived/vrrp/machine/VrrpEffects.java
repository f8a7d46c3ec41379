package org.jkeepalived.vrrp.machine;

import java.util.List;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * Everything a VRRP instance or sync group does to the world. The state machines call these in keepalived 2.2.7's
 * order and never block on them; implementations do the I/O (raw sockets, rtnetlink, AF_PACKET, fork/exec, FIFOs,
 * the log) and must not call back into the machine.
 */
public interface VrrpEffects {

    /** No timeout for a notify script: keepalived lets it run. */
    long NO_TIMEOUT = 0;

    /** Sends one advertisement carrying {@code priority} to the multicast group or to each unicast peer. */
    void sendAdvert(int priority);

    /**
     * A master heard an advert it wins over: with {@code auth_type AH} keepalived moves its AH sequence counter to
     * one past that advert's (logging {@code IPSEC-AH : Syncing seq_num}) before it answers. Nothing without AH.
     */
    void syncAuthSequenceAfterLowerPriority();

    /** Adds the virtual and excluded virtual addresses (and the accept-mode firewall rules). */
    void addVirtualAddresses();

    void addVirtualRoutes();

    void addVirtualRules();

    void removeVirtualRules();

    void removeVirtualRoutes();

    /** Removes the virtual and excluded virtual addresses (and the accept-mode firewall rules). */
    void removeVirtualAddresses();

    /**
     * Sends {@code rounds} rounds of gratuitous ARPs (IPv4) or unsolicited neighbour advertisements (IPv6), one for
     * each virtual and excluded address a round, spaced by the interface's {@code garp_interval} /
     * {@code gna_interval} as keepalived's ARP queue does.
     */
    void sendGratuitousUpdates(int rounds);

    /** Drops the gratuitous ARPs / NAs still queued by {@link #sendGratuitousUpdates} (keepalived's
     * {@code vrrp_remove_delayed_arp} when the addresses go). */
    void cancelQueuedGratuitousUpdates();

    /**
     * Runs a notify script without waiting for it.
     *
     * @param argv          the script's words followed by any arguments keepalived appends
     * @param timeoutMicros kill it after this long; {@link #NO_TIMEOUT} for none
     */
    void runNotifyScript(ScriptSpec script, List<String> argv, long timeoutMicros);

    /** Writes one line, newline included, to the {@code notify_fifo} and {@code vrrp_notify_fifo} if configured. */
    void writeNotifyFifo(String line);

    /** Logs one line at INFO in keepalived's words. */
    void log(String line);

    /** The instance has become master, its addresses set and its notifications sent (keepalived's LVS hook). */
    default void becameMaster() {
    }

    /** The instance, a master holding its addresses, starts to leave master (keepalived's LVS hook). */
    default void leavingMaster() {
    }

    /**
     * The instance or group has sent its notifications for {@code state} (keepalived's {@code smtp_alert} hook).
     *
     * @param type {@code INSTANCE} or {@code GROUP}
     */
    default void notified(String type, String name, String state) {
    }
}
