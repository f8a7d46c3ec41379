package org.jkeepalived.libc.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;

/**
 * Request and reply over one NETLINK_ROUTE socket: add and remove addresses (acknowledged), dump addresses and links.
 * Each call waits for its own reply, matched by sequence number, up to {@code replyTimeoutMillis}; messages of other
 * sequence numbers are skipped. Owned by one thread; not for a socket that also receives notifications.
 */
public final class RtnetlinkClient implements AutoCloseable {

    /** Room for one datagram: the kernel fills dump datagrams up to about 32 KiB. */
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final NetlinkSocket socket;
    private final int replyTimeoutMillis;
    private final ByteBuffer receiveBuffer =
            ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private int nextSequence;

    /**
     * @param firstSequence the first request's sequence number (iproute2 uses the time; pass it in, or 1)
     */
    public RtnetlinkClient(NetlinkSocket socket, int firstSequence, int replyTimeoutMillis) {
        if (replyTimeoutMillis <= 0) {
            throw new IllegalArgumentException("replyTimeoutMillis: " + replyTimeoutMillis + " (expected 1 or more)");
        }
        this.socket = socket;
        this.nextSequence = firstSequence;
        this.replyTimeoutMillis = replyTimeoutMillis;
    }

    /** A client on a new NETLINK_ROUTE socket in the calling thread's network namespace. */
    public static RtnetlinkClient open(int replyTimeoutMillis) throws NativeIoException {
        return new RtnetlinkClient(NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE), 1, replyTimeoutMillis);
    }

    /** RTM_NEWADDR with NLM_F_CREATE | NLM_F_EXCL: fails with EEXIST when the address is already there. */
    public void addAddress(InterfaceAddress address) throws IOException {
        acknowledged(RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_NEWADDR, nextSequence++, address),
                "RTM_NEWADDR", address.toString());
    }

    /** RTM_DELADDR: fails with EADDRNOTAVAIL when the address is not there. */
    public void deleteAddress(InterfaceAddress address) throws IOException {
        acknowledged(RtnlAddressMessage.addressRequest(RtnlAddressMessage.RTM_DELADDR, nextSequence++, address),
                "RTM_DELADDR", address.toString());
    }

    /** Every address of {@code family} (RtnlAddressMessage.AF_INET, AF_INET6 or AF_UNSPEC). */
    public List<RtnlAddressMessage> dumpAddresses(int family) throws IOException {
        return dump(RtnlAddressMessage.dumpRequest(nextSequence++, family), RtnlAddressMessage.class, "RTM_GETADDR");
    }

    public List<RtnlLinkMessage> dumpLinks() throws IOException {
        return dump(RtnlLinkMessage.dumpRequest(nextSequence++), RtnlLinkMessage.class, "RTM_GETLINK");
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }

    private void acknowledged(NetlinkMessage request, String call, String arguments) throws IOException {
        send(request, call);
        while (true) {
            for (NetlinkMessage reply : receiveReplies(request, call)) {
                if (reply instanceof NetlinkErrorMessage error) {
                    failOnError(error, call, arguments);
                    return;
                }
            }
        }
    }

    private <T extends NetlinkMessage> List<T> dump(NetlinkMessage request, Class<T> type, String call)
            throws IOException {
        send(request, call);
        List<T> results = new ArrayList<>();
        while (true) {
            for (NetlinkMessage reply : receiveReplies(request, call)) {
                if (reply instanceof NetlinkDoneMessage done) {
                    if (done.status() < 0) {
                        throw new NativeIoException(call, "dump", -done.status(), Native.errnoText(-done.status()));
                    }
                    return List.copyOf(results);
                }
                if (reply instanceof NetlinkErrorMessage error) {
                    failOnError(error, call, "dump");
                } else if (type.isInstance(reply)) {
                    results.add(type.cast(reply));
                }
            }
        }
    }

    private void send(NetlinkMessage request, String call) throws IOException {
        if (!socket.send(request.toBuffer())) {
            throw new IOException(call + " seq " + request.header().sequence() + ": netlink send buffer full");
        }
    }

    /** The messages of the next datagram that answer {@code request}; waits for one up to the reply timeout. */
    private List<NetlinkMessage> receiveReplies(NetlinkMessage request, String call) throws IOException {
        int sequence = request.header().sequence();
        while (true) {
            if (!socket.awaitReadable(replyTimeoutMillis)) {
                throw new IOException(call + " seq " + sequence + ": no reply from the kernel in "
                        + replyTimeoutMillis + " ms");
            }
            receiveBuffer.clear();
            if (socket.receive(receiveBuffer).isEmpty()) {
                continue;
            }
            List<NetlinkMessage> replies = NetlinkMessage.parseAll(receiveBuffer.flip()).stream()
                    .filter(reply -> reply.header().sequence() == sequence
                            && reply.header().portId() == socket.portId())
                    .toList();
            if (!replies.isEmpty()) {
                return replies;
            }
        }
    }

    private static void failOnError(NetlinkErrorMessage error, String call, String arguments)
            throws NativeIoException {
        if (!error.isAck()) {
            String detail = error.extendedAckMessage().map(message -> arguments + ": " + message).orElse(arguments);
            throw new NativeIoException(call, detail, error.errno(), Native.errnoText(error.errno()));
        }
    }
}
