package org.jkeepalived.config.vrrp;

/** The address family of a route, rule or address; keepalived settles an unspecified one on IPv4. */
public enum IpFamily {
    INET(32),
    INET6(128);

    private final int bits;

    IpFamily(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }
}
