package org.jkeepalived.libc;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A raw IP protocol 112 (or 51, AH) socket pair on one interface, opened as keepalived 2.2.7 opens its own: a send
 * socket that queues nothing (zero receive buffer, reject-all BPF filter) and a read socket joined to the group or
 * bound to the unicast source. IPv4 is sent with IP_HDRINCL, so the packet handed to {@link #send} starts with the IPv4
 * header the codec built; IPv6 is sent as the bare VRRP packet with the kernel filling in the checksum (IPV6_CHECKSUM
 * at offset 6), which it also verifies on receipt. Both descriptors are non-blocking; poll {@link #receiveFd()} from an
 * event loop. Owned by one thread.
 */
public final class VrrpSocket implements AutoCloseable {

    public static final int IPPROTO_VRRP = 112;
    /** IPsec AH: VRRPv2 adverts with {@code auth_type AH} travel as IP protocol 51 around the VRRP packet. */
    public static final int IPPROTO_AH = 51;

    /** IPTOS_PREC_INTERNETCONTROL, and for IPv6 traffic class 0xc0 (DSCP CS6), as keepalived marks its adverts. */
    private static final int NETWORK_CONTROL_TOS = 0xc0;
    private static final int MULTICAST_HOPS = 255;
    private static final int VRRP_CHECKSUM_OFFSET = 6;
    private static final int IPV4_TTL_OFFSET = 8;
    private static final int IPV4_DESTINATION_OFFSET = 16;
    private static final int IPV4_MIN_HEADER_BYTES = 20;

    private final VrrpSocketConfig config;
    private final int interfaceIndex;
    private final NativeSocket sendSocket;
    private final NativeSocket readSocket;

    private VrrpSocket(VrrpSocketConfig config, int interfaceIndex, NativeSocket sendSocket, NativeSocket readSocket) {
        this.config = config;
        this.interfaceIndex = interfaceIndex;
        this.sendSocket = sendSocket;
        this.readSocket = readSocket;
    }

    /** Opens both sockets in the calling thread's network namespace. */
    public static VrrpSocket open(VrrpSocketConfig config) throws NativeIoException {
        int interfaceIndex = config.interfaceName().isEmpty() ? 0 : Native.interfaceIndex(config.interfaceName());
        int family = config.isIpv6() ? Linux.AF_INET6 : Linux.AF_INET;
        NativeSocket sendSocket = NativeSocket.open(family, Linux.SOCK_RAW, config.ipProtocol());
        NativeSocket readSocket = null;
        try {
            configureSendSocket(sendSocket, config, interfaceIndex);
            readSocket = NativeSocket.open(family, Linux.SOCK_RAW, config.ipProtocol());
            configureReadSocket(readSocket, config, interfaceIndex);
            return new VrrpSocket(config, interfaceIndex, sendSocket, readSocket);
        } catch (NativeIoException | RuntimeException e) {
            NativeSocket.closeAfterFailure(readSocket, e);
            NativeSocket.closeAfterFailure(sendSocket, e);
            throw e;
        }
    }

    private static void configureSendSocket(NativeSocket socket, VrrpSocketConfig config, int interfaceIndex)
            throws NativeIoException {
        boolean multicast = config.multicastGroup().isPresent();
        socket.setIntOption(Linux.SOL_SOCKET, Linux.SO_RCVBUF, "SO_RCVBUF", 0);
        disableUnrequestedMulticast(socket, config);
        if (config.isIpv6()) {
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_CHECKSUM, "IPV6_CHECKSUM", VRRP_CHECKSUM_OFFSET);
            if (multicast) {
                socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_MULTICAST_HOPS, "IPV6_MULTICAST_HOPS",
                        MULTICAST_HOPS);
            }
        } else {
            socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_HDRINCL, "IP_HDRINCL", 1);
            if (multicast) {
                // Under IP_HDRINCL the codec's header carries the TTL; set anyway so a kernel-built header would agree.
                socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_MULTICAST_TTL, "IP_MULTICAST_TTL", MULTICAST_HOPS);
            }
        }
        bindToDevice(socket, config.interfaceName());
        if (multicast) {
            if (config.isIpv6()) {
                socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_MULTICAST_IF, "IPV6_MULTICAST_IF",
                        interfaceIndex);
                socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_MULTICAST_LOOP, "IPV6_MULTICAST_LOOP", 0);
            } else {
                socket.setOption(Linux.IPPROTO_IP, Linux.IP_MULTICAST_IF, "IP_MULTICAST_IF " + config.interfaceName(),
                        ipMreqn(null, interfaceIndex));
                socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_MULTICAST_LOOP, "IP_MULTICAST_LOOP", 0);
            }
        }
        if (config.isIpv6()) {
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_TCLASS, "IPV6_TCLASS", NETWORK_CONTROL_TOS);
        } else {
            socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_TOS, "IP_TOS", NETWORK_CONTROL_TOS);
        }
        socket.attachRejectAllFilter();
    }

    private static void configureReadSocket(NativeSocket socket, VrrpSocketConfig config, int interfaceIndex)
            throws NativeIoException {
        if (config.receiveBufferBytes() > 0) {
            socket.setIntOption(Linux.SOL_SOCKET, Linux.SO_RCVBUF, "SO_RCVBUF", config.receiveBufferBytes());
        }
        disableUnrequestedMulticast(socket, config);
        if (config.multicastGroup().isPresent()) {
            InetAddress group = config.multicastGroup().get();
            if (config.isIpv6()) {
                byte[] ipv6Mreq = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                        .put(group.getAddress()).putInt(interfaceIndex).array();
                socket.setOption(Linux.IPPROTO_IPV6, Linux.IPV6_ADD_MEMBERSHIP,
                        "IPV6_ADD_MEMBERSHIP " + group.getHostAddress() + " " + config.interfaceName(), ipv6Mreq);
            } else {
                socket.setOption(Linux.IPPROTO_IP, Linux.IP_ADD_MEMBERSHIP,
                        "IP_ADD_MEMBERSHIP " + group.getHostAddress() + " " + config.interfaceName(),
                        ipMreqn(group, interfaceIndex));
            }
            // Bound to the group, the socket does not see unicast VRRP (keepalived's reason for the bind).
            socket.bind(SocketAddresses.ip(group, scopeId(group, interfaceIndex)), group.getHostAddress());
        } else {
            InetAddress local = config.localAddress();
            socket.bind(SocketAddresses.ip(local, scopeId(local, interfaceIndex)), local.getHostAddress());
        }
        if (config.isIpv6()) {
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_RECVHOPLIMIT, "IPV6_RECVHOPLIMIT", 1);
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 1);
        } else {
            socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_PKTINFO, "IP_PKTINFO", 1);
        }
        bindToDevice(socket, config.interfaceName());
        if (config.isIpv6()) {
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_CHECKSUM, "IPV6_CHECKSUM", VRRP_CHECKSUM_OFFSET);
        }
    }

    /** IP(V6)_MULTICAST_ALL off: only the groups this socket joined are delivered to it. */
    private static void disableUnrequestedMulticast(NativeSocket socket, VrrpSocketConfig config)
            throws NativeIoException {
        if (config.isIpv6()) {
            socket.setIntOption(Linux.IPPROTO_IPV6, Linux.IPV6_MULTICAST_ALL, "IPV6_MULTICAST_ALL", 0);
        } else {
            socket.setIntOption(Linux.IPPROTO_IP, Linux.IP_MULTICAST_ALL, "IP_MULTICAST_ALL", 0);
        }
    }

    private static void bindToDevice(NativeSocket socket, String interfaceName) throws NativeIoException {
        if (interfaceName.isEmpty()) {
            return;
        }
        byte[] name = (interfaceName + "\0").getBytes(StandardCharsets.US_ASCII);
        socket.setOption(Linux.SOL_SOCKET, Linux.SO_BINDTODEVICE, "SO_BINDTODEVICE " + interfaceName, name);
    }

    /** struct ip_mreqn: {@code struct in_addr imr_multiaddr, imr_address; int imr_ifindex;}. */
    private static byte[] ipMreqn(InetAddress group, int interfaceIndex) {
        ByteBuffer mreqn = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        mreqn.put(group == null ? new byte[4] : group.getAddress()).putInt(0).putInt(interfaceIndex);
        return mreqn.array();
    }

    /** Link-local and interface-local IPv6 addresses only mean something with the interface as scope. */
    private static int scopeId(InetAddress address, int interfaceIndex) {
        boolean scoped = SocketAddresses.isIpv6(address)
                && (address.isLinkLocalAddress() || address.isMCLinkLocal() || address.isMCNodeLocal());
        return scoped ? interfaceIndex : 0;
    }

    /** The descriptor to poll for adverts. */
    public int receiveFd() {
        return readSocket.fd();
    }

    public int sendFd() {
        return sendSocket.fd();
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    public VrrpSocketConfig config() {
        return config;
    }

    /**
     * Sends one advert to {@code destination}: the multicast group (sent with MSG_DONTROUTE, as keepalived does) or a
     * unicast peer. IPv4 packets start with the IPv4 header; IPv6 packets go out from the configured local address.
     *
     * @return false when the send buffer is full (EAGAIN) and the advert was not sent
     */
    public boolean send(ByteBuffer packet, InetAddress destination) throws NativeIoException {
        return send(packet, destination, config.unicastHopLimit());
    }

    /**
     * {@link #send(ByteBuffer, InetAddress)} with the hop limit of one instance's IPv6 unicast adverts (keepalived's
     * {@code unicast_ttl}, which instances sharing a socket may set apart); empty for the system's default.
     */
    public boolean send(ByteBuffer packet, InetAddress destination, OptionalInt unicastHopLimit)
            throws NativeIoException {
        if (SocketAddresses.isIpv6(destination) != config.isIpv6()) {
            throw new IllegalArgumentException("destination: " + destination.getHostAddress()
                    + " (expected the family of " + config.localAddress().getHostAddress() + ")");
        }
        boolean multicast = destination.isMulticastAddress();
        byte[] control = new byte[0];
        if (config.isIpv6()) {
            control = ControlMessages.ipv6PacketInfo(config.localAddress(), interfaceIndex);
            if (!multicast && unicastHopLimit.isPresent()) {
                control = concat(control, ControlMessages.ipv6HopLimit(unicastHopLimit.getAsInt()));
            }
        }
        return sendSocket.send(packet, SocketAddresses.ip(destination, scopeId(destination, interfaceIndex)), control,
                multicast ? Linux.MSG_DONTROUTE : 0, destination.getHostAddress());
    }

    /**
     * Reads one queued datagram into {@code into} (its position advances by the bytes stored).
     *
     * @return empty when nothing is queued
     */
    public Optional<ReceivedVrrpPacket> receive(ByteBuffer into) throws NativeIoException {
        int start = into.position();
        Optional<NativeSocket.Received> datagram = readSocket.receive(into);
        if (datagram.isEmpty()) {
            return Optional.empty();
        }
        NativeSocket.Received received = datagram.get();
        ControlMessages.PacketInfo info = ControlMessages.parse(received.control());
        InetAddress source = SocketAddresses.decodeIp(received.senderAddress());
        int stored = into.position() - start;
        int hopLimit = config.isIpv6() ? info.hopLimit().orElse(0)
                : stored > IPV4_TTL_OFFSET ? Byte.toUnsignedInt(into.get(start + IPV4_TTL_OFFSET)) : 0;
        InetAddress destination = info.destination() != null ? info.destination()
                : !config.isIpv6() && stored >= IPV4_MIN_HEADER_BYTES
                        ? headerDestination(into, start) : config.multicastGroup().orElse(config.localAddress());
        int arrivalIndex = info.interfaceIndex() != 0 ? info.interfaceIndex() : interfaceIndex;
        return Optional.of(new ReceivedVrrpPacket(source, destination, hopLimit, arrivalIndex, received.length(),
                received.truncated()));
    }

    /** Waits up to {@code timeoutMillis} for an advert to read; false on timeout. */
    public boolean awaitReadable(int timeoutMillis) throws NativeIoException {
        return readSocket.awaitReadable(timeoutMillis);
    }

    @Override
    public void close() throws NativeIoException {
        try {
            readSocket.close();
        } finally {
            sendSocket.close();
        }
    }

    private static InetAddress headerDestination(ByteBuffer packet, int headerStart) {
        byte[] address = new byte[4];
        packet.get(headerStart + IPV4_DESTINATION_OFFSET, address);
        return SocketAddresses.fromBytes(address);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
