package org.jkeepalived.ipvs.genl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.UnknownNetlinkMessage;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * A generic netlink message: {@code nlmsghdr} (its type is the family id), {@code genlmsghdr}, then the family's
 * top-level attributes in wire order. libc parses it as an {@link UnknownNetlinkMessage}; this reads its payload.
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

    /** The generic netlink message a libc-parsed message of the family's type carries. */
    public static GenlMessage of(UnknownNetlinkMessage message) {
        ByteBuffer payload = ByteBuffer.wrap(message.payload()).order(ByteOrder.nativeOrder());
        StructGenlMsgHdr genl = StructGenlMsgHdr.parse(payload);
        try {
            return new GenlMessage(message.header(), genl, StructNlAttr.parseAll(payload));
        } catch (WireFormatException e) {
            throw new WireFormatException(StructGenlMsgHdr.BYTES + e.offset(), e.reason());
        }
    }

    /** Parses one whole message (as a test vector holds it); offsets in errors count from its first byte. */
    public static GenlMessage parse(ByteBuffer buffer) {
        int start = buffer.position();
        NetlinkMessage message = NetlinkMessage.parse(buffer.order(ByteOrder.nativeOrder()));
        if (!(message instanceof UnknownNetlinkMessage generic)) {
            throw new WireFormatException(start, "message type " + message.header().type()
                    + ": a netlink control message, not a generic netlink one");
        }
        try {
            return of(generic);
        } catch (WireFormatException e) {
            throw new WireFormatException(start + StructNlMsgHdr.BYTES + e.offset(), "message type "
                    + generic.header().type() + ": " + e.reason());
        }
    }

    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        genl.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    /** The whole message as bytes in native order, ready to send. */
    public ByteBuffer toBuffer() {
        ByteBuffer buffer = ByteBuffer.allocate(header.length()).order(ByteOrder.nativeOrder());
        pack(buffer);
        return buffer.flip();
    }

    public int command() {
        return genl.command();
    }

    public boolean isRequest() {
        return (header.flags() & StructNlMsgHdr.NLM_F_REQUEST) != 0;
    }
}
