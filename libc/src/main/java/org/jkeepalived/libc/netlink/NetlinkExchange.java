package org.jkeepalived.libc.netlink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;

/**
 * The request/reply plumbing every netlink client shares: sequence numbers, sending, waiting for the datagrams that
 * answer a request (same sequence number, our port id) up to a reply timeout, and turning the kernel's refusals into
 * a {@link NativeIoException} carrying its errno. What the answers mean is the client's. Owned by one thread.
 */
public final class NetlinkExchange implements AutoCloseable {

    /** Room for one datagram: the kernel fills dump datagrams up to about 32 KiB. */
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final NetlinkSocket socket;
    private final int protocol;
    private final int replyTimeoutMillis;
    private final ByteBuffer receiveBuffer =
            ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private int nextSequence;

    /**
     * @param protocol      the socket's netlink protocol, which decides how replies are parsed
     * @param firstSequence the first request's sequence number (iproute2 and libnl use the time; pass it in, or 1)
     */
    public NetlinkExchange(NetlinkSocket socket, int protocol, int firstSequence, int replyTimeoutMillis) {
        if (replyTimeoutMillis <= 0) {
            throw new IllegalArgumentException("replyTimeoutMillis: " + replyTimeoutMillis + " (expected 1 or more)");
        }
        this.socket = socket;
        this.protocol = protocol;
        this.nextSequence = firstSequence;
        this.replyTimeoutMillis = replyTimeoutMillis;
    }

    /** The sequence number the next request should carry; each call hands out a new one. */
    public int nextSequence() {
        return nextSequence++;
    }

    /** The first of {@code count} consecutive sequence numbers, handed out together for one batch. */
    public int nextSequences(int count) {
        int first = nextSequence;
        nextSequence += count;
        return first;
    }

    /** Sends {@code datagram}, one or more requests, the first numbered {@code sequence} (named in errors). */
    public void send(ByteBuffer datagram, int sequence, String call) throws IOException {
        if (!socket.send(datagram)) {
            throw new IOException(call + " seq " + sequence + ": netlink send buffer full");
        }
    }

    /** The messages of the next datagram that answer request {@code sequence}; waits for one up to the timeout. */
    public List<NetlinkMessage> receiveReplies(int sequence, String call) throws IOException {
        while (true) {
            List<NetlinkMessage> replies = NetlinkMessage.parseAll(receiveDatagram(sequence, call), protocol).stream()
                    .filter(reply -> reply.header().sequence() == sequence
                            && reply.header().portId() == socket.portId())
                    .toList();
            if (!replies.isEmpty()) {
                return replies;
            }
        }
    }

    /** Every message of the next datagram sent to our port, whatever request it answers; waits up to the timeout. */
    public List<NetlinkMessage> receiveOurs(int sequence, String call) throws IOException {
        return NetlinkMessage.parseAll(receiveDatagram(sequence, call), protocol).stream()
                .filter(reply -> reply.header().portId() == socket.portId())
                .toList();
    }

    /** Throws the kernel's refusal; an acknowledgement passes. */
    public static void failOnError(NetlinkErrorMessage error, String call, String arguments)
            throws NativeIoException {
        if (!error.isAck()) {
            String detail = error.extendedAckMessage().map(message -> arguments + ": " + message).orElse(arguments);
            throw new NativeIoException(call, detail, error.errno(), Native.errnoText(error.errno()));
        }
    }

    /** Throws the error a dump ended with; a dump done with status 0 passes. */
    public static void failOnError(NetlinkDoneMessage done, String call, String arguments) throws NativeIoException {
        if (done.status() < 0) {
            throw new NativeIoException(call, arguments, -done.status(), Native.errnoText(-done.status()));
        }
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }

    /** The next datagram, for request {@code sequence} (named in errors); waits for one up to the reply timeout. */
    private ByteBuffer receiveDatagram(int sequence, String call) throws IOException {
        while (true) {
            if (!socket.awaitReadable(replyTimeoutMillis)) {
                throw new IOException(call + " seq " + sequence + ": no reply from the kernel in "
                        + replyTimeoutMillis + " ms");
            }
            receiveBuffer.clear();
            if (socket.receive(receiveBuffer).isPresent()) {
                return receiveBuffer.flip();
            }
        }
    }
}
