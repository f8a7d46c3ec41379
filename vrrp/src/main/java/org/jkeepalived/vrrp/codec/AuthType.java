package org.jkeepalived.vrrp.codec;

import java.util.Arrays;
import java.util.Optional;

/** The VRRPv2 authentication type, with its code on the wire (RFC 2338 §5.3.6, which keepalived still speaks). */
public enum AuthType {
    NONE(0),
    PASS(1),
    AH(2);

    /** Bytes of authentication data that trail a VRRPv2 IPv4 advert, and of the {@code auth_pass} key. */
    public static final int AUTH_DATA_BYTES = 8;

    private final int code;

    AuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this wire code; empty for a code keepalived 2.2.7 rejects as invalid. */
    static Optional<AuthType> ofCode(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst();
    }
}
