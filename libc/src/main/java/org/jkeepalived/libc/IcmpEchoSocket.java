package org.jkeepalived.libc;

import jnr.ffi.Pointer;

/**
 * The unprivileged ICMP echo socket keepalived's PING_CHECK uses: {@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}
 * or {@code socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6)}, non-blocking and close-on-exec. The kernel fills in the
 * echo identifier and checksum and hands back only the replies to this socket's identifier. It opens only when the
 * process's group is within {@code net.ipv4.ping_group_range}. Returned as a bare descriptor so that an event loop
 * (Netty's epoll datagram channel) can own it.
 */
public final class IcmpEchoSocket {

    private IcmpEchoSocket() {
    }

    /** Opens the socket in the calling thread's network namespace; the caller owns the descriptor. */
    public static int open(boolean ipv6) throws NativeIoException {
        int domain = ipv6 ? Linux.AF_INET6 : Linux.AF_INET;
        int protocol = ipv6 ? Linux.IPPROTO_ICMPV6 : Linux.IPPROTO_ICMP;
        return Native.check("socket", (ipv6 ? "AF_INET6" : "AF_INET") + ", SOCK_DGRAM, "
                + (ipv6 ? "IPPROTO_ICMPV6" : "IPPROTO_ICMP"), Native.libc().socket(domain,
                Linux.SOCK_DGRAM | Linux.SOCK_NONBLOCK | Linux.SOCK_CLOEXEC, protocol));
    }

    /** setsockopt(SO_RCVBUF). */
    public static void setReceiveBufferBytes(int fd, int bytes) throws NativeIoException {
        Pointer value = Native.allocate(Integer.BYTES);
        value.putInt(0, bytes);
        Native.check("setsockopt", "SO_RCVBUF " + bytes,
                Native.libc().setsockopt(fd, Linux.SOL_SOCKET, Linux.SO_RCVBUF, value, Integer.BYTES));
    }

    /** Closes a descriptor that no event loop has taken. */
    public static void close(int fd) throws NativeIoException {
        Native.check("close", "fd " + fd, Native.libc().close(fd));
    }
}
