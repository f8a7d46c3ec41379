package org.jkeepalived.ipvs.genl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;
import org.jkeepalived.libc.netlink.NetlinkDoneMessage;
import org.jkeepalived.libc.netlink.NetlinkErrorMessage;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.UnknownNetlinkMessage;

/**
 * Request and reply over one NETLINK_GENERIC socket. Each exchange sends one request and collects the messages that
 * answer it (same sequence number, our port id) until its acknowledgement, its error or the end of its dump; a
 * refusal becomes a {@link NativeIoException} carrying the kernel's errno. Owned by one thread.
 */
public final class GenlConnection implements AutoCloseable {

    /** Room for one datagram: the kernel fills dump datagrams up to about 32 KiB. */
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final NetlinkSocket socket;
    private final int replyTimeoutMillis;
    private final ByteBuffer receiveBuffer =
            ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());
    private int nextSequence;

    /**
     * @param firstSequence the first request's sequence number (libnl uses the time; pass it in, or 1)
     */
    public GenlConnection(NetlinkSocket socket, int firstSequence, int replyTimeoutMillis) {
        if (replyTimeoutMillis <= 0) {
            throw new IllegalArgumentException("replyTimeoutMillis: " + replyTimeoutMillis + " (expected 1 or more)");
        }
        this.socket = socket;
        this.nextSequence = firstSequence;
        this.replyTimeoutMillis = replyTimeoutMillis;
    }

    /** A connection on a new NETLINK_GENERIC socket in the calling thread's network namespace. */
    public static GenlConnection open(int firstSequence, int replyTimeoutMillis) throws NativeIoException {
        return new GenlConnection(NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC), firstSequence,
                replyTimeoutMillis);
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

    /** The id of the generic netlink family {@code name} (ENOENT when its module is not loaded). */
    public int resolveFamily(String name) throws IOException {
        List<GenlMessage> replies = exchange(GenlController.familyRequest(nextSequence(), name),
                "CTRL_CMD_GETFAMILY", name);
        if (replies.isEmpty()) {
            throw new IOException("CTRL_CMD_GETFAMILY " + name + ": acknowledged without a family");
        }
        return GenlController.familyId(replies.get(0));
    }

    /**
     * Sends {@code request} and returns the family messages answering it, in order.
     *
     * @param call      names the request in errors, e.g. {@code IPVS_CMD_NEW_SERVICE}
     * @param arguments what it was about, for errors
     */
    public List<GenlMessage> exchange(GenlMessage request, String call, String arguments) throws IOException {
        if (!socket.send(request.toBuffer())) {
            throw new IOException(call + " seq " + request.header().sequence() + ": netlink send buffer full");
        }
        int sequence = request.header().sequence();
        List<GenlMessage> answers = new ArrayList<>();
        while (true) {
            ByteBuffer datagram = receiveDatagram(sequence, call);
            for (NetlinkMessage message : NetlinkMessage.parseAll(datagram, NetlinkSocket.NETLINK_GENERIC)) {
                if (!answers(message.header(), sequence)) {
                    continue;
                }
                if (message instanceof UnknownNetlinkMessage familyMessage) {
                    answers.add(GenlMessage.of(familyMessage, 0));
                } else if (message instanceof NetlinkErrorMessage error) {
                    if (!error.isAck()) {
                        String detail = error.extendedAckMessage().map(text -> arguments + ": " + text)
                                .orElse(arguments);
                        throw new NativeIoException(call, detail, error.errno(), Native.errnoText(error.errno()));
                    }
                    return List.copyOf(answers);
                } else if (message instanceof NetlinkDoneMessage done) {
                    if (done.status() < 0) {
                        throw new NativeIoException(call, arguments, -done.status(),
                                Native.errnoText(-done.status()));
                    }
                    return List.copyOf(answers);
                }
            }
        }
    }

    /**
     * Sends {@code requests} (each with NLM_F_ACK and its own sequence number) in one datagram, which the kernel
     * works through in order, then collects every acknowledgement. Keep a batch small enough for its acks (a
     * refusal's echoes the request) to fit the socket's receive buffer.
     *
     * @param call names the batch in errors
     * @return per request, in order, the kernel's errno: 0 when it was acknowledged
     */
    public int[] acknowledgeAll(List<GenlMessage> requests, String call) throws IOException {
        Map<Integer, Integer> pendingIndexBySequence = new HashMap<>();
        for (int index = 0; index < requests.size(); index++) {
            pendingIndexBySequence.put(requests.get(index).header().sequence(), index);
        }
        if (pendingIndexBySequence.size() != requests.size()) {
            throw new IllegalArgumentException("requests: " + requests.size() + " with "
                    + pendingIndexBySequence.size() + " distinct sequence numbers (expected one each)");
        }
        int[] errnos = new int[requests.size()];
        if (requests.isEmpty()) {
            return errnos;
        }
        int firstSequence = requests.get(0).header().sequence();
        if (!socket.send(GenlMessage.datagram(requests))) {
            throw new IOException(call + " seq " + firstSequence + ": netlink send buffer full");
        }
        while (!pendingIndexBySequence.isEmpty()) {
            ByteBuffer datagram = receiveDatagram(firstSequence, call);
            for (NetlinkMessage message : NetlinkMessage.parseAll(datagram, NetlinkSocket.NETLINK_GENERIC)) {
                if (message instanceof NetlinkErrorMessage error && message.header().portId() == socket.portId()) {
                    Integer index = pendingIndexBySequence.remove(message.header().sequence());
                    if (index != null) {
                        errnos[index] = error.isAck() ? 0 : error.errno();
                    }
                }
            }
        }
        return errnos;
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }

    private boolean answers(StructNlMsgHdr header, int sequence) {
        return header.sequence() == sequence && header.portId() == socket.portId();
    }

    /** The next datagram; waits for one up to the reply timeout. */
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
