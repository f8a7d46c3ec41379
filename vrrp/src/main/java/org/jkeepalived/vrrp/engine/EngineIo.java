package org.jkeepalived.vrrp.engine;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.libc.netlink.RtnetlinkClient;

/** What the engine's loop lends the effects of every instance: its shared sockets, queues, runners and log. */
interface EngineIo {

    /** A buffer for one outgoing advert, reused from advert to advert. */
    ByteBuffer sendBuffer();

    RtnetlinkClient rtnetlink();

    Optional<LinkState> link(String interfaceName);

    /** Sends a gratuitous ARP for {@code address} on {@code device} now or after the ones queued before it. */
    void queueGratuitousArp(String owner, String device, Inet4Address address);

    /** Drops the gratuitous ARPs {@code owner} queued that are not sent yet. */
    void cancelGratuitousArps(String owner);

    void runNotifyScript(List<String> argv, long timeoutMicros);

    void writeNotifyFifo(String line);

    void log(String line);

    /** Logs only with {@code --log-detail}. */
    void logDetail(String line);
}
