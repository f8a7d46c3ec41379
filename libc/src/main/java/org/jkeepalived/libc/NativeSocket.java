package org.jkeepalived.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import jnr.ffi.Pointer;

/**
 * One non-blocking, close-on-exec socket and the native memory its calls use. Owned by one thread (an event loop):
 * the scratch memory is reused from call to call.
 */
final class NativeSocket implements AutoCloseable {

    /** struct msghdr on LP64: name, namelen, iov, iovlen, control, controllen, flags. */
    private static final int MSGHDR_BYTES = 56;
    private static final int MSG_NAMELEN_OFFSET = 8;
    private static final int MSG_IOV_OFFSET = 16;
    private static final int MSG_IOVLEN_OFFSET = 24;
    private static final int MSG_CONTROL_OFFSET = 32;
    private static final int MSG_CONTROLLEN_OFFSET = 40;
    private static final int MSG_FLAGS_OFFSET = 48;
    private static final int IOVEC_BYTES = 16;
    private static final int CONTROL_CAPACITY_BYTES = 256;
    /** struct pollfd: {@code int fd; short events; short revents;}. */
    private static final int POLLFD_BYTES = 8;
    private static final int INITIAL_DATA_CAPACITY_BYTES = 2048;
    /** struct sock_filter {@code BPF_RET | BPF_K} with k = 0: accept no byte of any packet. */
    private static final short BPF_RET_K = 0x06;
    /** struct sock_fprog: {@code unsigned short len;} then, aligned, {@code struct sock_filter *filter;}. */
    private static final int SOCK_FPROG_BYTES = 16;
    private static final int SOCK_FILTER_BYTES = 8;

    /** One datagram taken by {@link #receive}: its length before truncation, the sender's sockaddr, the cmsgs. */
    record Received(int length, boolean truncated, ByteBuffer senderAddress, ByteBuffer control) {
    }

    private final int fd;
    private final Pointer message = Native.allocate(MSGHDR_BYTES);
    private final Pointer iovec = Native.allocate(IOVEC_BYTES);
    private final Pointer name = Native.allocate(SocketAddresses.SOCKADDR_STORAGE_BYTES);
    private final Pointer control = Native.allocate(CONTROL_CAPACITY_BYTES);
    private final Pointer pollFd = Native.allocate(POLLFD_BYTES);
    private Pointer data = Native.allocate(INITIAL_DATA_CAPACITY_BYTES);
    private boolean closed;

    private NativeSocket(int fd) {
        this.fd = fd;
    }

    static NativeSocket open(int domain, int type, int protocol) throws NativeIoException {
        int fd = Native.check("socket", domain + ", " + type + ", " + protocol,
                Native.libc().socket(domain, type | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, protocol));
        return new NativeSocket(fd);
    }

    int fd() {
        return fd;
    }

    void setIntOption(int level, int option, String optionName, int value) throws NativeIoException {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(value);
        setOption(level, option, optionName + " " + value, bytes.array());
    }

    void setOption(int level, int option, String description, byte[] value) throws NativeIoException {
        Pointer memory = copyIn(value);
        Native.check("setsockopt", description,
                Native.libc().setsockopt(fd, level, option, memory, value.length));
    }

    /** A classic BPF program that drops everything, so a send-only socket queues nothing (keepalived does this). */
    void attachRejectAllFilter() throws NativeIoException {
        Pointer filter = Native.allocate(SOCK_FILTER_BYTES);
        filter.putShort(0, BPF_RET_K);
        Pointer program = Native.allocate(SOCK_FPROG_BYTES);
        program.putShort(0, (short) 1);
        program.putAddress(8, filter.address());
        Native.check("setsockopt", "SO_ATTACH_FILTER",
                Native.libc().setsockopt(fd, Linux.SOL_SOCKET, Linux.SO_ATTACH_FILTER, program, SOCK_FPROG_BYTES));
    }

    void bind(byte[] socketAddress, String description) throws NativeIoException {
        Native.check("bind", description, Native.libc().bind(fd, copyIn(socketAddress), socketAddress.length));
    }

    /** The sockaddr the kernel bound us to. */
    ByteBuffer localAddress() throws NativeIoException {
        Pointer length = Native.allocate(Integer.BYTES);
        length.putInt(0, SocketAddresses.SOCKADDR_STORAGE_BYTES);
        Native.check("getsockname", "", Native.libc().getsockname(fd, name, length));
        return copyOut(name, length.getInt(0));
    }

    /**
     * sendmsg(2) of {@code payload}'s remaining bytes; the position advances by what was sent.
     *
     * @return false when the send buffer is full (EAGAIN) and nothing was sent
     */
    boolean send(ByteBuffer payload, byte[] destination, byte[] controlMessages, int flags, String description)
            throws NativeIoException {
        int length = payload.remaining();
        ensureDataCapacity(length);
        byte[] bytes = new byte[length];
        payload.duplicate().get(bytes);
        data.put(0, bytes, 0, length);
        name.put(0, destination, 0, destination.length);
        control.put(0, controlMessages, 0, controlMessages.length);
        prepareMessage(length, destination.length, controlMessages.length);
        long sent = Native.call("sendmsg", description, () -> Native.libc().sendmsg(fd, message, flags));
        if (sent == Native.NOTHING_NOW) {
            return false;
        }
        payload.position(payload.position() + (int) sent);
        return true;
    }

    /**
     * recvmsg(2) into {@code into}'s remaining space; the position advances by what was stored.
     *
     * @return empty when nothing is queued (EAGAIN)
     */
    Optional<Received> receive(ByteBuffer into) throws NativeIoException {
        int capacity = into.remaining();
        ensureDataCapacity(capacity);
        prepareMessage(capacity, SocketAddresses.SOCKADDR_STORAGE_BYTES, CONTROL_CAPACITY_BYTES);
        long length = Native.call("recvmsg", "fd " + fd,
                () -> Native.libc().recvmsg(fd, message, Linux.MSG_TRUNC));
        if (length == Native.NOTHING_NOW) {
            return Optional.empty();
        }
        int stored = (int) Math.min(length, capacity);
        byte[] bytes = new byte[stored];
        data.get(0, bytes, 0, stored);
        into.put(bytes);
        int flags = message.getInt(MSG_FLAGS_OFFSET);
        return Optional.of(new Received((int) length, (flags & Linux.MSG_TRUNC) != 0,
                copyOut(name, message.getInt(MSG_NAMELEN_OFFSET)),
                copyOut(control, (int) message.getLong(MSG_CONTROLLEN_OFFSET))));
    }

    /** poll(2) for input; false when {@code timeoutMillis} passed first. */
    boolean awaitReadable(int timeoutMillis) throws NativeIoException {
        pollFd.putInt(0, fd);
        pollFd.putShort(4, (short) Linux.POLLIN);
        pollFd.putShort(6, (short) 0);
        long ready = Native.call("poll", "fd " + fd, () -> Native.libc().poll(pollFd, 1, timeoutMillis));
        return ready > 0;
    }

    @Override
    public void close() throws NativeIoException {
        if (!closed) {
            closed = true;
            Native.check("close", "fd " + fd, Native.libc().close(fd));
        }
    }

    /** Closes a half-configured socket, keeping any failure to close as suppressed by the one that got us here. */
    static void closeAfterFailure(AutoCloseable socket, Exception primary) {
        if (socket != null) {
            try {
                socket.close();
            } catch (Exception e) {
                primary.addSuppressed(e);
            }
        }
    }

    private void prepareMessage(int dataBytes, int nameBytes, int controlBytes) {
        iovec.putAddress(0, data.address());
        iovec.putLong(8, dataBytes);
        message.putAddress(0, nameBytes == 0 ? 0 : name.address());
        message.putInt(MSG_NAMELEN_OFFSET, nameBytes);
        message.putAddress(MSG_IOV_OFFSET, iovec.address());
        message.putLong(MSG_IOVLEN_OFFSET, 1);
        message.putAddress(MSG_CONTROL_OFFSET, controlBytes == 0 ? 0 : control.address());
        message.putLong(MSG_CONTROLLEN_OFFSET, controlBytes);
        message.putInt(MSG_FLAGS_OFFSET, 0);
    }

    private void ensureDataCapacity(int bytes) {
        if (data.size() < bytes) {
            data = Native.allocate(bytes);
        }
    }

    private static Pointer copyIn(byte[] bytes) {
        Pointer memory = Native.allocate(bytes.length);
        memory.put(0, bytes, 0, bytes.length);
        return memory;
    }

    private static ByteBuffer copyOut(Pointer memory, int length) {
        byte[] bytes = new byte[length];
        memory.get(0, bytes, 0, length);
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }
}
