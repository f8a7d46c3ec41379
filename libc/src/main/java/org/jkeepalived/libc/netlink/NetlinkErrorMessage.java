package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * NLMSG_ERROR: an ACK ({@code error} 0) or a failure (negative errno) answering a request. The echoed request's payload
 * (absent when NLM_F_CAPPED) is kept as bytes; with NLM_F_ACK_TLVS, extended-ack attributes follow it
 * (NLMSGERR_ATTR_MSG carries the kernel's explanation, e.g. {@code ipv6: address already assigned}).
 */
public record NetlinkErrorMessage(StructNlMsgHdr header, StructNlMsgErr error, byte[] echoedPayload,
        List<StructNlAttr> extendedAck) implements NetlinkMessage {

    public static final int NLMSGERR_ATTR_MSG = 1;

    public NetlinkErrorMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(error, "error");
        echoedPayload = echoedPayload.clone();
        extendedAck = List.copyOf(extendedAck);
    }

    static NetlinkErrorMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        StructNlMsgErr error = StructNlMsgErr.parse(payload);
        int echoedBytes = (header.flags() & StructNlMsgHdr.NLM_F_CAPPED) != 0 ? 0
                : Math.min(payload.remaining(), error.request().length() - StructNlMsgHdr.BYTES);
        byte[] echoed = new byte[Math.max(0, echoedBytes)];
        payload.get(echoed);
        payload.position(Math.min(payload.limit(), payload.position() + StructNlAttr.align(echoed.length)
                - echoed.length));
        List<StructNlAttr> extendedAck = (header.flags() & StructNlMsgHdr.NLM_F_ACK_TLVS) != 0
                ? StructNlAttr.parseAll(payload) : List.of();
        return new NetlinkErrorMessage(header, error, echoed, extendedAck);
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        error.pack(buffer);
        buffer.put(echoedPayload);
        for (int pad = echoedPayload.length; pad < StructNlAttr.align(echoedPayload.length); pad++) {
            buffer.put((byte) 0);
        }
        extendedAck.forEach(attribute -> attribute.pack(buffer));
    }

    @Override
    public byte[] echoedPayload() {
        return echoedPayload.clone();
    }

    public boolean isAck() {
        return error.error() == 0;
    }

    /** The positive errno of a failure (0 for an ACK). */
    public int errno() {
        return -error.error();
    }

    public Optional<String> extendedAckMessage() {
        return StructNlAttr.find(extendedAck, NLMSGERR_ATTR_MSG).map(StructNlAttr::valueAsString);
    }
}
