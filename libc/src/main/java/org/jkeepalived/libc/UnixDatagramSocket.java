package org.jkeepalived.libc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An AF_UNIX SOCK_DGRAM socket, which Java 17's channels lack: what syslog(3) writes to /dev/log and sd_notify(3) to
 * {@code $NOTIFY_SOCKET}. A name starting with {@code @} is in the abstract namespace, as systemd spells those. Not
 * thread-safe: callers that share one serialise their calls.
 */
public final class UnixDatagramSocket implements AutoCloseable {

    /** sizeof(struct sockaddr_un): the family, then {@code sun_path[108]}. */
    private static final int SOCKADDR_UN_BYTES = 110;
    private static final int SUN_PATH_OFFSET = 2;
    private static final int SUN_PATH_BYTES = SOCKADDR_UN_BYTES - SUN_PATH_OFFSET;
    private static final String ABSTRACT_PREFIX = "@";
    private static final int RECEIVE_CAPACITY_BYTES = 64 * 1024;

    private final NativeSocket socket;

    private UnixDatagramSocket(NativeSocket socket) {
        this.socket = socket;
    }

    /** An unbound socket, for sending. */
    public static UnixDatagramSocket open() throws NativeIoException {
        Native.ensureAvailability();
        return new UnixDatagramSocket(NativeSocket.open(Linux.AF_UNIX, Linux.SOCK_DGRAM, 0));
    }

    /** A socket bound to {@code name} (a path, which must not exist yet, or {@code @abstract}), for receiving. */
    public static UnixDatagramSocket bind(String name) throws NativeIoException {
        UnixDatagramSocket opened = open();
        try {
            opened.socket.bind(socketAddress(name), name);
        } catch (NativeIoException | RuntimeException e) {
            NativeSocket.closeAfterFailure(opened, e);
            throw e;
        }
        return opened;
    }

    /**
     * Sends {@code payload} as one datagram to the socket named {@code destination}.
     *
     * @return false when the receiver's queue is full (EAGAIN) and nothing was sent
     */
    public boolean send(byte[] payload, String destination) throws NativeIoException {
        return socket.send(ByteBuffer.wrap(payload), socketAddress(destination), new byte[0], 0,
                "to " + destination);
    }

    /** The next datagram, waiting up to {@code timeoutMillis}; empty when none came. */
    public Optional<byte[]> receive(int timeoutMillis) throws NativeIoException {
        if (!socket.awaitReadable(timeoutMillis)) {
            return Optional.empty();
        }
        ByteBuffer into = ByteBuffer.allocate(RECEIVE_CAPACITY_BYTES);
        Optional<NativeSocket.Received> received = socket.receive(into);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        byte[] datagram = new byte[into.flip().remaining()];
        into.get(datagram);
        return Optional.of(datagram);
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }

    /**
     * struct sockaddr_un: a path ends with its NUL; an abstract name starts with a NUL and its length is the
     * address length, as the kernel compares it.
     */
    static byte[] socketAddress(String name) {
        boolean abstractName = name.startsWith(ABSTRACT_PREFIX);
        byte[] path = (abstractName ? name.substring(ABSTRACT_PREFIX.length()) : name)
                .getBytes(StandardCharsets.UTF_8);
        int pathBytes = path.length + 1;
        if (path.length == 0 || pathBytes > SUN_PATH_BYTES) {
            throw new IllegalArgumentException("unix socket name: " + name + " (expected 1.."
                    + (SUN_PATH_BYTES - 1) + " bytes)");
        }
        byte[] sockaddr = new byte[SUN_PATH_OFFSET + pathBytes];
        sockaddr[0] = (byte) Linux.AF_UNIX;
        System.arraycopy(path, 0, sockaddr, SUN_PATH_OFFSET + (abstractName ? 1 : 0), path.length);
        return sockaddr;
    }
}
