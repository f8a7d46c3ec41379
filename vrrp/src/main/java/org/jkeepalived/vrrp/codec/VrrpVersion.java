package org.jkeepalived.vrrp.codec;

/** VRRPv2 (RFC 3768) or VRRPv3 (RFC 5798): the high nibble of an advert's first byte. */
public enum VrrpVersion {
    V2(2),
    V3(3);

    private final int number;

    VrrpVersion(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
