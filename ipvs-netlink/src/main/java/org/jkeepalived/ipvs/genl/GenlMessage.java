package org.jkeepalived.ipvs.genl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
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

    /** Whether the message at {@code buffer}'s position is one of netlink's own (NLMSG_ERROR, NLMSG_DONE...). */
    public static boolean isControlMessage(ByteBuffer buffer) {
        int typeOffset = buffer.position() + Integer.BYTES;
        return Short.toUnsignedInt(buffer.order(ByteOrder.nativeOrder()).getShort(typeOffset))
                < StructNlMsgHdr.NLMSG_MIN_TYPE;
    }

    /**
     * The message at {@code buffer}'s position, whose position then moves past it and its padding; offsets in errors
     * count from that position. libc's dispatch by type is not used: a family's dynamic id may equal an rtnetlink
     * message type.
     */
    public static GenlMessage parse(ByteBuffer buffer) {
        ByteBuffer messages = buffer.order(ByteOrder.nativeOrder());
        int start = messages.position();
        StructNlMsgHdr header = StructNlMsgHdr.parse(messages);
        long payloadBytes = Integer.toUnsignedLong(header.length()) - StructNlMsgHdr.BYTES;
        if (payloadBytes > messages.remaining()) {
            throw new WireFormatException(start, "nlmsg_len: " + Integer.toUnsignedString(header.length()) + " ("
                    + (messages.remaining() + StructNlMsgHdr.BYTES) + " bytes left)");
        }
        ByteBuffer payload = messages.slice(messages.position(), (int) payloadBytes).order(ByteOrder.nativeOrder());
        messages.position(Math.min(messages.limit(), start + align(header.length())));
        try {
            StructGenlMsgHdr genl = StructGenlMsgHdr.parse(payload);
            return new GenlMessage(header, genl, StructNlAttr.parseAll(payload));
        } catch (WireFormatException e) {
            throw new WireFormatException(start + StructNlMsgHdr.BYTES + e.offset(), "message type "
                    + header.type() + ": " + e.reason());
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
