package org.jkeepalived.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kernel's process events connector (linux/cn_proc.h) as keepalived 2.2.7's track_process reads it: an
 * AF_NETLINK NETLINK_CONNECTOR socket bound to the CN_IDX_PROC group that asked for PROC_CN_MCAST_LISTEN. The kernel
 * serves it only in its initial network namespace; elsewhere the listen request is refused (ECONNREFUSED), which
 * {@link #open} reports. Non-blocking; owned by one thread.
 */
public final class ProcessEventSocket implements AutoCloseable {

    public static final int ECONNREFUSED = 111;
    public static final int ENOBUFS = 105;

    private static final int NETLINK_CONNECTOR = 11;
    private static final int CN_IDX_PROC = 1;
    private static final int CN_VAL_PROC = 1;
    private static final int PROC_CN_MCAST_LISTEN = 1;
    private static final int PROC_CN_MCAST_IGNORE = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLMSG_HEADER_BYTES = 16;
    private static final int CN_MSG_BYTES = 20;
    private static final int CN_MSG_LEN_OFFSET = 16;
    private static final int EVENT_OFFSET = NLMSG_HEADER_BYTES + CN_MSG_BYTES;
    /** proc_event: what, cpu, timestamp_ns, then the union. */
    private static final int EVENT_DATA_OFFSET = EVENT_OFFSET + 16;
    private static final int COMM_BYTES = 16;
    private static final int RECEIVE_BUFFER_BYTES = 4096;

    private static final int PROC_EVENT_FORK = 0x1;
    private static final int PROC_EVENT_EXEC = 0x2;
    private static final int PROC_EVENT_COMM = 0x200;
    private static final int PROC_EVENT_EXIT = 0x80000000;

    private static final byte[] KERNEL = SocketAddresses.netlink(0, 0);

    private final NativeSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());

    /** One process event; only the process (thread group leader) events keepalived acts on. */
    public sealed interface ProcessEvent {
        /** A new process {@code childPid} forked from {@code parentPid}. */
        record Fork(int parentPid, int childPid) implements ProcessEvent {
        }

        /** Process {@code pid} executed a new program. */
        record Exec(int pid) implements ProcessEvent {
        }

        /** Process {@code pid} changed its name ({@code prctl(PR_SET_NAME)}). */
        record Comm(int pid, String comm) implements ProcessEvent {
        }

        /** Process {@code pid} ended. */
        record Exit(int pid) implements ProcessEvent {
        }
    }

    private ProcessEventSocket(NativeSocket socket) {
        this.socket = socket;
    }

    /** Opens the connector in the calling thread's network namespace and asks for the events. */
    public static ProcessEventSocket open() throws NativeIoException {
        NativeSocket socket = NativeSocket.open(Linux.AF_NETLINK, Linux.SOCK_DGRAM, NETLINK_CONNECTOR);
        try {
            socket.bind(SocketAddresses.netlink(0, CN_IDX_PROC), "NETLINK_CONNECTOR CN_IDX_PROC");
            ProcessEventSocket opened = new ProcessEventSocket(socket);
            opened.listen(PROC_CN_MCAST_LISTEN);
            return opened;
        } catch (NativeIoException | RuntimeException e) {
            NativeSocket.closeAfterFailure(socket, e);
            throw e;
        }
    }

    public int fd() {
        return socket.fd();
    }

    /** Waits up to {@code timeoutMillis} for an event; false on timeout. */
    public boolean awaitReadable(int timeoutMillis) throws NativeIoException {
        return socket.awaitReadable(timeoutMillis);
    }

    /**
     * The events queued now, in order. A {@link NativeIoException} with {@link #ENOBUFS} means events were lost:
     * the caller reads /proc again, as keepalived does.
     */
    public List<ProcessEvent> drain() throws NativeIoException {
        List<ProcessEvent> events = new ArrayList<>();
        while (true) {
            buffer.clear();
            Optional<NativeSocket.Received> received = socket.receive(buffer);
            if (received.isEmpty()) {
                return events;
            }
            if (received.get().length() >= EVENT_DATA_OFFSET) {
                decode(buffer.flip()).ifPresent(events::add);
            }
        }
    }

    /** One datagram's event: the kernel sends one proc_event per datagram. */
    static Optional<ProcessEvent> decode(ByteBuffer datagram) {
        ByteBuffer bytes = datagram.duplicate().order(ByteOrder.nativeOrder());
        if (bytes.remaining() < EVENT_DATA_OFFSET || bytes.getInt(NLMSG_HEADER_BYTES) != CN_IDX_PROC
                || bytes.getInt(NLMSG_HEADER_BYTES + 4) != CN_VAL_PROC) {
            return Optional.empty();
        }
        int what = bytes.getInt(EVENT_OFFSET);
        int data = EVENT_DATA_OFFSET;
        return switch (what) {
            case PROC_EVENT_FORK -> leader(bytes, data + 8)
                    ? Optional.of(new ProcessEvent.Fork(bytes.getInt(data + 4), bytes.getInt(data + 12)))
                    : Optional.empty();
            case PROC_EVENT_EXEC -> leader(bytes, data)
                    ? Optional.of(new ProcessEvent.Exec(bytes.getInt(data + 4))) : Optional.empty();
            case PROC_EVENT_COMM -> leader(bytes, data) && bytes.remaining() >= data + 8 + COMM_BYTES
                    ? Optional.of(new ProcessEvent.Comm(bytes.getInt(data + 4), comm(bytes, data + 8)))
                    : Optional.empty();
            case PROC_EVENT_EXIT -> leader(bytes, data)
                    ? Optional.of(new ProcessEvent.Exit(bytes.getInt(data + 4))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A pid/tgid pair at {@code offset} names a process, not one of its other threads. */
    private static boolean leader(ByteBuffer bytes, int offset) {
        return bytes.remaining() >= offset + 8 && bytes.getInt(offset) == bytes.getInt(offset + 4);
    }

    private static String comm(ByteBuffer bytes, int offset) {
        byte[] name = new byte[COMM_BYTES];
        bytes.get(offset, name);
        int length = 0;
        while (length < COMM_BYTES && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.ISO_8859_1);
    }

    private void listen(int operation) throws NativeIoException {
        int length = EVENT_OFFSET + Integer.BYTES;
        ByteBuffer request = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        request.putInt(length).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(0).putInt(0);
        request.putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(0).putInt(0);
        request.position(NLMSG_HEADER_BYTES + CN_MSG_LEN_OFFSET);
        request.putShort((short) Integer.BYTES).putShort((short) 0).putInt(operation);
        socket.send(request.flip(), KERNEL, new byte[0], 0, "PROC_CN_MCAST " + operation);
    }

    /** Tells the kernel to stop sending (PROC_CN_MCAST_IGNORE), then closes. */
    @Override
    public void close() throws NativeIoException {
        try {
            listen(PROC_CN_MCAST_IGNORE);
        } catch (NativeIoException e) {
            // only the kernel's count of listeners stays high; the socket goes anyway
        } finally {
            socket.close();
        }
    }
}
