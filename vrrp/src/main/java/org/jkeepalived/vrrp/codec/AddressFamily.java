package org.jkeepalived.vrrp.codec;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The IP family an instance runs on; it fixes the size of the addresses an advert carries. */
public enum AddressFamily {
    IPV4(4, 4),
    IPV6(6, 16);

    private final int ipVersion;
    private final int addressLengthBytes;

    AddressFamily(int ipVersion, int addressLengthBytes) {
        this.ipVersion = ipVersion;
        this.addressLengthBytes = addressLengthBytes;
    }

    /** 4 or 6, as keepalived prints it in {@code IPv%d}. */
    public int ipVersion() {
        return ipVersion;
    }

    public int addressLengthBytes() {
        return addressLengthBytes;
    }

    public boolean holds(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }
}
