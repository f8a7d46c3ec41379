package org.jkeepalived.ipvs.genl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;
import org.jkeepalived.libc.netlink.NetlinkDoneMessage;
import org.jkeepalived.libc.netlink.NetlinkErrorMessage;
import org.jkeepalived.libc.netlink.NetlinkExchange;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.UnknownNetlinkMessage;

/**
 * Request and reply over one NETLINK_GENERIC socket, on libc's {@link NetlinkExchange}. Each exchange sends one
 * request and collects the family messages that answer it until its acknowledgement, its error or the end of its
 * dump; a refusal becomes a {@link NativeIoException} carrying the kernel's errno. Owned by one thread.
 */
public final class GenlConnection implements AutoCloseable {

    private final NetlinkExchange exchange;

    /**
     * @param firstSequence the first request's sequence number (libnl uses the time; pass it in, or 1)
     */
    public GenlConnection(NetlinkSocket socket, int firstSequence, int replyTimeoutMillis) {
        this.exchange = new NetlinkExchange(socket, NetlinkSocket.NETLINK_GENERIC, firstSequence, replyTimeoutMillis);
    }

    /** A connection on a new NETLINK_GENERIC socket in the calling thread's network namespace. */
    public static GenlConnection open(int firstSequence, int replyTimeoutMillis) throws NativeIoException {
        return new GenlConnection(NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC), firstSequence,
                replyTimeoutMillis);
    }

    /** The sequence number the next request should carry; each call hands out a new one. */
    public int nextSequence() {
        return exchange.nextSequence();
    }

    /** The first of {@code count} consecutive sequence numbers, handed out together for one batch. */
    public int nextSequences(int count) {
        return exchange.nextSequences(count);
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
        int sequence = request.header().sequence();
        exchange.send(request.toBuffer(), sequence, call);
        List<GenlMessage> answers = new ArrayList<>();
        while (true) {
            for (NetlinkMessage message : exchange.receiveReplies(sequence, call)) {
                if (message instanceof UnknownNetlinkMessage familyMessage) {
                    answers.add(GenlMessage.of(familyMessage, 0));
                } else if (message instanceof NetlinkErrorMessage error) {
                    NetlinkExchange.failOnError(error, call, arguments);
                    return List.copyOf(answers);
                } else if (message instanceof NetlinkDoneMessage done) {
                    NetlinkExchange.failOnError(done, call, arguments);
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
        exchange.send(GenlMessage.datagram(requests), firstSequence, call);
        while (!pendingIndexBySequence.isEmpty()) {
            for (NetlinkMessage message : exchange.receiveOurs(firstSequence, call)) {
                if (message instanceof NetlinkErrorMessage error) {
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
        exchange.close();
    }
}
