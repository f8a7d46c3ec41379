package org.jkeepalived.libc;

import jnr.ffi.Pointer;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The glibc calls jkeepalived makes, bound through jnr-ffi. Buffers and structs are passed as native memory
 * ({@link Pointer}) laid out by the facades, so no jnr Struct mapping is involved. Public only because jnr-ffi
 * implements it from another class loader: call the facades ({@link VrrpSocket}, {@link NetlinkSocket}, ...), which
 * check errno, instead.
 */
public interface LibC {

    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer address, int addressLength);

    int getsockname(int fd, Pointer address, Pointer addressLength);

    int setsockopt(int fd, int level, int option, Pointer value, int valueLength);

    @ssize_t
    long sendto(int fd, Pointer buffer, @size_t long length, int flags, Pointer address, int addressLength);

    @ssize_t
    long sendmsg(int fd, Pointer message, int flags);

    @ssize_t
    long recvmsg(int fd, Pointer message, int flags);

    int poll(Pointer pollFds, long count, int timeoutMillis);

    @ssize_t
    long read(int fd, Pointer buffer, @size_t long count);

    int inotify_init1(int flags);

    int inotify_add_watch(int fd, String path, int mask);

    int close(int fd);

    int open(String path, int flags);

    int setns(int fd, int namespaceType);

    int if_nametoindex(String name);

    String strerror(int errno);

    int umask(int mask);

    /** signal(2): the handler as an address, SIG_DFL being 0; returns the previous one, SIG_ERR (-1) on failure. */
    long signal(int signal, long handler);
}
