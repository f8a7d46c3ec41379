package org.jkeepalived.libc;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How one VRRP socket pair is opened, after keepalived's {@code open_vrrp_send_socket} / {@code open_vrrp_read_socket}.
 *
 * @param interfaceName      the interface both sockets are bound to (SO_BINDTODEVICE); empty for a unicast pair on no
 *                           interface (keepalived's unicast instance without {@code interface})
 * @param localAddress       keepalived's {@code saddr}: the IPv6 source put in IPV6_PKTINFO, and for unicast the
 *                           address the read socket is bound to; its family is the sockets' family
 * @param multicastGroup     the group joined and bound to (224.0.0.18, ff02::12 or {@code mcast_dst_address}); empty
 *                           for unicast, where the read socket is bound to {@code localAddress} instead
 * @param receiveBufferBytes SO_RCVBUF of the read socket; 0 leaves the kernel's default (keepalived's default too)
 * @param unicastHopLimit    keepalived's {@code unicast_ttl}, sent as IPV6_HOPLIMIT on IPv6 unicast adverts
 * @param ipProtocol         {@link VrrpSocket#IPPROTO_VRRP}, or {@link VrrpSocket#IPPROTO_AH} (IPv4 only) for
 *                           {@code auth_type AH}, whose adverts are AH packets carrying VRRP: keepalived's sockpool
 *                           opens such instances' sockets with that protocol, and a VRRP socket never sees them
 */
public record VrrpSocketConfig(String interfaceName, InetAddress localAddress, Optional<InetAddress> multicastGroup,
        int receiveBufferBytes, OptionalInt unicastHopLimit, int ipProtocol) {

    /** The VRRP multicast groups of RFC 5798 §5.1.1.2 and §5.1.2.2. */
    public static final InetAddress IPV4_GROUP = SocketAddresses.fromBytes(new byte[] {(byte) 224, 0, 0, 18});
    public static final InetAddress IPV6_GROUP = SocketAddresses.fromBytes(
            new byte[] {(byte) 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12});

    private static final int MAX_HOP_LIMIT = 255;

    public VrrpSocketConfig {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(multicastGroup, "multicastGroup");
        Objects.requireNonNull(unicastHopLimit, "unicastHopLimit");
        if (interfaceName.isEmpty() && multicastGroup.isPresent()) {
            throw new IllegalArgumentException("interfaceName: empty (a multicast group needs an interface)");
        }
        multicastGroup.ifPresent(group -> {
            if (!group.isMulticastAddress()) {
                throw new IllegalArgumentException("multicastGroup: " + group.getHostAddress() + " (not multicast)");
            }
            if (group.getClass() != localAddress.getClass()) {
                throw new IllegalArgumentException("multicastGroup: " + group.getHostAddress()
                        + " (expected the family of localAddress " + localAddress.getHostAddress() + ")");
            }
        });
        if (receiveBufferBytes < 0) {
            throw new IllegalArgumentException("receiveBufferBytes: " + receiveBufferBytes + " (expected 0 or more)");
        }
        if (ipProtocol != VrrpSocket.IPPROTO_VRRP && ipProtocol != VrrpSocket.IPPROTO_AH) {
            throw new IllegalArgumentException("ipProtocol: " + ipProtocol + " (expected " + VrrpSocket.IPPROTO_VRRP
                    + " or " + VrrpSocket.IPPROTO_AH + ")");
        }
        if (ipProtocol == VrrpSocket.IPPROTO_AH && SocketAddresses.isIpv6(localAddress)) {
            throw new IllegalArgumentException("ipProtocol: " + ipProtocol + " (AH is IPv4 only)");
        }
        unicastHopLimit.ifPresent(hops -> {
            if (hops < 0 || hops > MAX_HOP_LIMIT) {
                throw new IllegalArgumentException("unicastHopLimit: " + hops + " (expected 0.." + MAX_HOP_LIMIT + ")");
            }
        });
    }

    /** VRRP (not AH) sockets. */
    public VrrpSocketConfig(String interfaceName, InetAddress localAddress, Optional<InetAddress> multicastGroup,
                            int receiveBufferBytes, OptionalInt unicastHopLimit) {
        this(interfaceName, localAddress, multicastGroup, receiveBufferBytes, unicastHopLimit,
                VrrpSocket.IPPROTO_VRRP);
    }

    /** Multicast adverts to the standard group of {@code localAddress}'s family, with kernel default buffers. */
    public static VrrpSocketConfig multicast(String interfaceName, InetAddress localAddress) {
        InetAddress group = SocketAddresses.isIpv6(localAddress) ? IPV6_GROUP : IPV4_GROUP;
        return new VrrpSocketConfig(interfaceName, localAddress, Optional.of(group), 0, OptionalInt.empty());
    }

    /** Unicast adverts from {@code localAddress} ({@code unicast_src_ip}). */
    public static VrrpSocketConfig unicast(String interfaceName, InetAddress localAddress) {
        return new VrrpSocketConfig(interfaceName, localAddress, Optional.empty(), 0, OptionalInt.empty());
    }

    public boolean isIpv6() {
        return SocketAddresses.isIpv6(localAddress);
    }
}
