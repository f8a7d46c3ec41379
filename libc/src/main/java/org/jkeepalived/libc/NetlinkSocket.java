package org.jkeepalived.libc;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * An AF_NETLINK socket (NETLINK_ROUTE for addresses and links, NETLINK_GENERIC for IPVS), bound with a port id the
 * kernel chooses, with extended acknowledgements on. Non-blocking; poll {@link #fd()} from an event loop. Owned by
 * one thread.
 */
public final class NetlinkSocket implements AutoCloseable {

    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_GENERIC = 16;

    private static final byte[] KERNEL = SocketAddresses.netlink(0, 0);

    private final NativeSocket socket;
    private final int portId;

    private NetlinkSocket(NativeSocket socket, int portId) {
        this.socket = socket;
        this.portId = portId;
    }

    /** Opens and binds a socket of {@code protocol} in the calling thread's network namespace. */
    public static NetlinkSocket open(int protocol) throws NativeIoException {
        NativeSocket socket = NativeSocket.open(Linux.AF_NETLINK, Linux.SOCK_RAW, protocol);
        try {
            // Extended acks carry the kernel's reason for a refusal ("ipv6: address already assigned").
            socket.setIntOption(Linux.SOL_NETLINK, Linux.NETLINK_EXT_ACK, "NETLINK_EXT_ACK", 1);
            socket.bind(SocketAddresses.netlink(0, 0), "AF_NETLINK protocol " + protocol);
            return new NetlinkSocket(socket, SocketAddresses.decodeNetlinkPortId(socket.localAddress()));
        } catch (NativeIoException | RuntimeException e) {
            NativeSocket.closeAfterFailure(socket, e);
            throw e;
        }
    }

    /** The port id the kernel gave us: the {@code nlmsg_pid} of its replies to us. */
    public int portId() {
        return portId;
    }

    public int fd() {
        return socket.fd();
    }

    /** Subscribes to a multicast group (rtnetlink.h RTNLGRP_*, e.g. RTNLGRP_LINK = 1) for notifications. */
    public void joinGroup(int group) throws NativeIoException {
        socket.setIntOption(Linux.SOL_NETLINK, Linux.NETLINK_ADD_MEMBERSHIP, "NETLINK_ADD_MEMBERSHIP", group);
    }

    /**
     * Sends {@code messages}' remaining bytes to the kernel as one datagram.
     *
     * @return false when the send buffer is full (EAGAIN) and nothing was sent
     */
    public boolean send(ByteBuffer messages) throws NativeIoException {
        return socket.send(messages, KERNEL, new byte[0], 0, "netlink port " + portId);
    }

    /**
     * Reads one datagram of netlink messages into {@code into}; its position advances by the bytes stored. A datagram
     * longer than the room left is an error: netlink does not resend the rest.
     *
     * @return the datagram's length, or empty when nothing is queued
     */
    public Optional<Integer> receive(ByteBuffer into) throws NativeIoException {
        int room = into.remaining();
        Optional<NativeSocket.Received> datagram = socket.receive(into);
        if (datagram.isPresent() && datagram.get().truncated()) {
            throw new IllegalStateException("netlink datagram: " + datagram.get().length() + " bytes (room for "
                    + room + ")");
        }
        return datagram.map(NativeSocket.Received::length);
    }

    /** Waits up to {@code timeoutMillis} for a datagram; false on timeout. */
    public boolean awaitReadable(int timeoutMillis) throws NativeIoException {
        return socket.awaitReadable(timeoutMillis);
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }
}
