package org.jkeepalived.vrrp.engine;

import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;

/**
 * The event loop's system calls: poll(2) over many descriptors and an eventfd(2) that other threads write to wake
 * the loop. The libc module's sockets each poll only their own descriptor; the loop needs all of them at once.
 * Every failure names its call, as the libc module's facades do.
 */
final class LoopNative {

    /** What jnr-ffi binds; public because its class loader implements it. */
    public interface LoopLibC {
        int poll(Pointer pollFds, long count, int timeoutMillis);

        int eventfd(int initialValue, int flags);

        @jnr.ffi.types.ssize_t
        long read(int fd, Pointer buffer, @jnr.ffi.types.size_t long count);

        @jnr.ffi.types.ssize_t
        long write(int fd, Pointer buffer, @jnr.ffi.types.size_t long count);

        int close(int fd);
    }

    private static final int POLLFD_BYTES = 8;
    private static final short POLLIN = 0x1;
    private static final int EFD_CLOEXEC = 02000000;
    private static final int EFD_NONBLOCK = 04000;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int COUNTER_BYTES = 8;

    private static final LoopLibC LIBC;
    private static final Runtime RUNTIME;

    static {
        Native.ensureAvailability();
        LIBC = LibraryLoader.create(LoopLibC.class).load("c");
        RUNTIME = Runtime.getRuntime(LIBC);
    }

    private LoopNative() {
    }

    /**
     * poll(2) for input on {@code fds}; EINTR counts as nothing ready.
     *
     * @return for each descriptor, whether it is readable (or in error, which a read then reports)
     */
    static boolean[] pollReadable(List<Integer> fds, int timeoutMillis) throws NativeIoException {
        Pointer pollFds = Memory.allocateDirect(RUNTIME, Math.max(1, fds.size()) * POLLFD_BYTES, true);
        for (int i = 0; i < fds.size(); i++) {
            pollFds.putInt((long) i * POLLFD_BYTES, fds.get(i));
            pollFds.putShort((long) i * POLLFD_BYTES + 4, POLLIN);
        }
        boolean[] readable = new boolean[fds.size()];
        int ready = LIBC.poll(pollFds, fds.size(), timeoutMillis);
        if (ready < 0) {
            int errno = RUNTIME.getLastError();
            if (errno == EINTR) {
                return readable;
            }
            throw new NativeIoException("poll", fds.size() + " fds", errno, Native.errnoText(errno));
        }
        for (int i = 0; i < fds.size(); i++) {
            readable[i] = pollFds.getShort((long) i * POLLFD_BYTES + 6) != 0;
        }
        return readable;
    }

    /** A non-blocking eventfd with counter 0. */
    static int openEventFd() throws NativeIoException {
        int fd = LIBC.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) {
            int errno = RUNTIME.getLastError();
            throw new NativeIoException("eventfd", "0, EFD_CLOEXEC|EFD_NONBLOCK", errno, Native.errnoText(errno));
        }
        return fd;
    }

    /** Adds one to the eventfd's counter, making it readable. */
    static void signalEventFd(int fd) throws NativeIoException {
        Pointer one = Memory.allocateDirect(RUNTIME, COUNTER_BYTES, true);
        one.putLong(0, 1);
        if (LIBC.write(fd, one, COUNTER_BYTES) < 0) {
            int errno = RUNTIME.getLastError();
            if (errno != EAGAIN) {
                throw new NativeIoException("write", "eventfd " + fd, errno, Native.errnoText(errno));
            }
        }
    }

    /** Resets the eventfd's counter; nothing to read is no error. */
    static void drainEventFd(int fd) throws NativeIoException {
        Pointer counter = Memory.allocateDirect(RUNTIME, COUNTER_BYTES, true);
        if (LIBC.read(fd, counter, COUNTER_BYTES) < 0) {
            int errno = RUNTIME.getLastError();
            if (errno != EAGAIN) {
                throw new NativeIoException("read", "eventfd " + fd, errno, Native.errnoText(errno));
            }
        }
    }

    static void close(int fd) throws NativeIoException {
        if (LIBC.close(fd) < 0) {
            int errno = RUNTIME.getLastError();
            throw new NativeIoException("close", "fd " + fd, errno, Native.errnoText(errno));
        }
    }
}
