package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.libc.netlink.RtnetlinkClient;

/** What the engine's loop lends the effects of every instance: its shared sockets, queues, runners and log. */
interface EngineIo {

    /** A buffer for one outgoing advert, reused from advert to advert. */
    ByteBuffer sendBuffer();

    RtnetlinkClient rtnetlink();

    Optional<LinkState> link(String interfaceName);

    /**
     * Sends a gratuitous ARP (IPv4) or unsolicited neighbour advertisement (IPv6) for {@code address} on
     * {@code device} now, or after the ones of its kind queued before it on that device.
     */
    void queueGratuitousUpdate(String owner, String device, InetAddress address);

    /** Drops the gratuitous ARPs and NAs {@code owner} queued that are not sent yet. */
    void cancelGratuitousUpdates(String owner);

    void runNotifyScript(List<String> argv, ScriptIdentity runAs, long timeoutMicros);

    void writeNotifyFifo(String line);

    void log(String line);

    /** Logs only with {@code --log-detail}. */
    void logDetail(String line);

    MasterListener masterListener();

    AlertListener alertListener();
}
