package org.jkeepalived.ipvs.genl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

import org.jkeepalived.libc.NetlinkSocket;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.UnknownNetlinkMessage;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * A generic netlink message: {@code nlmsghdr} (its type is the family id), {@code genlmsghdr}, then the family's
 * top-level attributes in wire order.
 */
public record GenlMessage(StructNlMsgHdr header, StructGenlMsgHdr genl, List<StructNlAttr> attributes) {

    public GenlMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(genl, "genl");
        attributes = List.copyOf(attributes);
    }

    /** A request to {@code familyId} with {@code nlmsg_len} computed and {@code nlmsg_pid} 0 (the kernel fills it). */
    public static GenlMessage request(int familyId, int flags, int sequence, StructGenlMsgHdr genl,
            List<StructNlAttr> attributes) {
        int length = StructNlMsgHdr.BYTES + StructGenlMsgHdr.BYTES + StructNlAttr.alignedLength(attributes);
        return new GenlMessage(new StructNlMsgHdr(length, familyId, flags, sequence, 0), genl, attributes);
    }

    /**
     * The message at {@code buffer}'s position (as a test vector holds it), framed by libc's parser for a
     * NETLINK_GENERIC socket; the position then moves past it and its padding. Offsets in errors count from that
     * position.
     */
    public static GenlMessage parse(ByteBuffer buffer) {
        int start = buffer.position();
        NetlinkMessage message = NetlinkMessage.parse(buffer.order(ByteOrder.nativeOrder()),
                NetlinkSocket.NETLINK_GENERIC);
        if (!(message instanceof UnknownNetlinkMessage familyMessage)) {
            throw new WireFormatException(start, "message type " + message.header().type()
                    + ": netlink's own, not a family's");
        }
        return of(familyMessage, start);
    }

    /**
     * The family message libc's parser kept as bytes ({@code NetlinkMessage.parse} for a NETLINK_GENERIC socket
     * gives netlink's own messages typed and every family's as {@link UnknownNetlinkMessage}).
     *
     * @param start where the message began, for offsets in errors
     */
    public static GenlMessage of(UnknownNetlinkMessage message, int start) {
        ByteBuffer payload = ByteBuffer.wrap(message.payload()).order(ByteOrder.nativeOrder());
        try {
            StructGenlMsgHdr genl = StructGenlMsgHdr.parse(payload);
            return new GenlMessage(message.header(), genl, StructNlAttr.parseAll(payload));
        } catch (WireFormatException e) {
            throw new WireFormatException(start + StructNlMsgHdr.BYTES + e.offset(), "message type "
                    + message.header().type() + ": " + e.reason());
        }
    }

    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        genl.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    /** The whole message as bytes in native order, ready to send. */
    public ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(align(header.length())).order(ByteOrder.nativeOrder());
        pack(buffer);
        return buffer.flip();
    }

    /** Several messages back to back, each at its aligned length, as one datagram. */
    public static ByteBuffer datagram(List<GenlMessage> messages) {
        int length = messages.stream().mapToInt(message -> align(message.header().length())).sum();
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        for (GenlMessage message : messages) {
            message.pack(buffer);
            buffer.position(align(buffer.position()));
        }
        return buffer.flip();
    }

    public int command() {
        return genl.command();
    }

    public boolean isRequest() {
        return (header.flags() & StructNlMsgHdr.NLM_F_REQUEST) != 0;
    }

    private static int align(int length) {
        return (length + 3) & -4;
    }
}
