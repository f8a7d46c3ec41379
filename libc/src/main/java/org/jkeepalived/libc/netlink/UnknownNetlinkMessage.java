package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.util.Objects;

/** A message of a type this library does not model, kept as bytes so it can be skipped or passed on. */
public record UnknownNetlinkMessage(StructNlMsgHdr header, byte[] payload) implements NetlinkMessage {

    public UnknownNetlinkMessage {
        Objects.requireNonNull(header, "header");
        payload = payload.clone();
    }

    static UnknownNetlinkMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return new UnknownNetlinkMessage(header, bytes);
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        buffer.put(payload);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
