package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * linux/netlink.h {@code struct nlmsgerr}: {@code int error} (0 for an ACK, else a negative errno) and the header of
 * the request it answers (followed by the request's payload unless NLM_F_CAPPED).
 */
public record StructNlMsgErr(int error, StructNlMsgHdr request) {

    public static final int BYTES = Integer.BYTES + StructNlMsgHdr.BYTES;

    public StructNlMsgErr {
        Objects.requireNonNull(request, "request");
        if (error > 0) {
            throw new IllegalArgumentException("error: " + error + " (expected 0 or a negative errno)");
        }
    }

    public static StructNlMsgErr parse(ByteBuffer buffer) {
        WireFormatException.require(buffer, BYTES, "nlmsgerr");
        int start = buffer.position();
        int error = buffer.getInt();
        if (error > 0) {
            throw new WireFormatException(start, "error: " + error + " (expected 0 or a negative errno)");
        }
        return new StructNlMsgErr(error, StructNlMsgHdr.parse(buffer));
    }

    public void pack(ByteBuffer buffer) {
        buffer.putInt(error);
        request.pack(buffer);
    }
}
