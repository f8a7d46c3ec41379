package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.util.Objects;

/** NLMSG_DONE: the end of a dump, with the dump's status (0, or a negative errno when it was cut short). */
public record NetlinkDoneMessage(StructNlMsgHdr header, int status) implements NetlinkMessage {

    public NetlinkDoneMessage {
        Objects.requireNonNull(header, "header");
    }

    static NetlinkDoneMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        WireFormatException.require(payload, Integer.BYTES, "NLMSG_DONE status");
        return new NetlinkDoneMessage(header, payload.getInt());
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        buffer.putInt(status);
    }
}
