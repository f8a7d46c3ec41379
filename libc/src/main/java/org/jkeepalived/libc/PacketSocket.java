package org.jkeepalived.libc;

import java.nio.ByteBuffer;

/**
 * An AF_PACKET / SOCK_DGRAM socket for sending link-layer payloads (gratuitous ARP, unsolicited NA) on one interface:
 * the kernel adds the Ethernet header from the destination MAC and EtherType given per frame. Opened with protocol 0,
 * it receives nothing. Non-blocking; owned by one thread.
 */
public final class PacketSocket implements AutoCloseable {

    public static final int ETH_P_ARP = 0x0806;
    public static final int ETH_P_IPV6 = 0x86DD;
    public static final byte[] BROADCAST_MAC = {-1, -1, -1, -1, -1, -1};

    private final String interfaceName;
    private final int interfaceIndex;
    private final NativeSocket socket;

    private PacketSocket(String interfaceName, int interfaceIndex, NativeSocket socket) {
        this.interfaceName = interfaceName;
        this.interfaceIndex = interfaceIndex;
        this.socket = socket;
    }

    /** Opens the socket for {@code interfaceName} in the calling thread's network namespace. */
    public static PacketSocket open(String interfaceName) throws NativeIoException {
        int interfaceIndex = Native.interfaceIndex(interfaceName);
        return new PacketSocket(interfaceName, interfaceIndex, NativeSocket.open(Linux.AF_PACKET, Linux.SOCK_DGRAM, 0));
    }

    /**
     * Sends {@code payload}'s remaining bytes (an ARP packet, say) in one frame to {@code destinationMac}.
     *
     * @return false when the send buffer is full (EAGAIN) and nothing was sent
     */
    public boolean send(ByteBuffer payload, int etherType, byte[] destinationMac) throws NativeIoException {
        return socket.send(payload, SocketAddresses.link(interfaceIndex, etherType, destinationMac), new byte[0], 0,
                interfaceName);
    }

    public int fd() {
        return socket.fd();
    }

    public int interfaceIndex() {
        return interfaceIndex;
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }
}
