package org.jkeepalived.libc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The calling thread moved into another network namespace with setns(2), and moved back by {@link #close()}. Network
 * namespaces are per thread, and a socket keeps the namespace it was created in, so sockets opened between the two
 * stay in the entered namespace after the thread has left it. Must be closed on the thread that entered.
 */
public final class NetworkNamespace implements AutoCloseable {

    /** Where {@code ip netns add NAME} keeps its namespaces. */
    public static final Path NAMED_NAMESPACES = Path.of("/run/netns");

    private static final String OWN_NAMESPACE = "/proc/thread-self/ns/net";

    private final Thread owner;
    private final int originalFd;
    private boolean closed;

    private NetworkNamespace(Thread owner, int originalFd) {
        this.owner = owner;
        this.originalFd = originalFd;
    }

    /** Work to do inside a namespace, typically opening sockets that then stay in it. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws IOException;
    }

    /** Runs {@code call} on this thread inside the namespace {@code ip netns add name} made, then comes back. */
    public static <T> T callIn(String name, Call<T> call) throws IOException {
        NetworkNamespace entered = enter(name);
        try {
            return call.call();
        } finally {
            entered.close();
        }
    }

    /** Enters the namespace {@code ip netns add name} made. */
    public static NetworkNamespace enter(String name) throws NativeIoException {
        return enter(NAMED_NAMESPACES.resolve(name));
    }

    /** Enters the namespace whose nsfs file is {@code namespaceFile} (a /run/netns entry or /proc/PID/ns/net). */
    public static NetworkNamespace enter(Path namespaceFile) throws NativeIoException {
        int originalFd = openReadOnly(OWN_NAMESPACE);
        try {
            int targetFd = openReadOnly(namespaceFile.toString());
            try {
                Native.check("setns", namespaceFile.toString(),
                        Native.libc().setns(targetFd, Linux.CLONE_NEWNET));
            } finally {
                Native.libc().close(targetFd);
            }
        } catch (NativeIoException | RuntimeException e) {
            Native.libc().close(originalFd);
            throw e;
        }
        return new NetworkNamespace(Thread.currentThread(), originalFd);
    }

    /** Returns the thread to the namespace it was in before {@link #enter}. */
    @Override
    public void close() throws NativeIoException {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("closed on thread " + Thread.currentThread().getName()
                    + " (entered on " + owner.getName() + ")");
        }
        closed = true;
        try {
            Native.check("setns", OWN_NAMESPACE, Native.libc().setns(originalFd, Linux.CLONE_NEWNET));
        } finally {
            Native.libc().close(originalFd);
        }
    }

    private static int openReadOnly(String path) throws NativeIoException {
        return Native.check("open", path, Native.libc().open(path, Linux.O_RDONLY | Linux.O_CLOEXEC));
    }
}
