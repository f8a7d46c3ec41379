package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;

/** Bytes from the kernel that do not parse as the struct they should be: where, and why. */
public final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public WireFormatException(int offset, String reason) {
        super("offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** Position in the buffer handed to the parser at which the bad field starts. */
    public int offset() {
        return offset;
    }

    /** Fails unless {@code bytes} bytes remain in {@code buffer} for {@code what}. */
    static void require(ByteBuffer buffer, int bytes, String what) {
        if (buffer.remaining() < bytes) {
            throw new WireFormatException(buffer.position(), what + ": " + buffer.remaining() + " bytes left (expected "
                    + bytes + ")");
        }
    }
}
