package org.jkeepalived.libc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.Pointer;

/**
 * An inotify(7) descriptor, non-blocking and close-on-exec, as keepalived's track files use one: watches on
 * directories, and the events of the files in them (with their names). One thread at a time may wait on it.
 */
public final class Inotify implements AutoCloseable {
    public static final int IN_CLOSE_WRITE = 0x8;
    public static final int IN_MOVED_FROM = 0x40;
    public static final int IN_MOVED_TO = 0x80;
    public static final int IN_DELETE = 0x200;
    public static final int IN_ISDIR = 0x40000000;
    private static final int IN_NONBLOCK = 04000;
    private static final int IN_CLOEXEC = 02000000;
    /** struct inotify_event before its name: wd, mask, cookie, len. */
    private static final int EVENT_HEADER_BYTES = 16;
    /** Room for many events with names up to NAME_MAX. */
    private static final int BUFFER_BYTES = 16 * (EVENT_HEADER_BYTES + 256);

    /** One event: the watch it came from, its mask, and the name of the file within the watched directory. */
    public record Event(int watch, int mask, String name) {
    }

    private final int fd;
    private final Pointer pollFd = Native.allocate(8);
    private final Pointer buffer = Native.allocate(BUFFER_BYTES);
    private boolean closed;

    private Inotify(int fd) {
        this.fd = fd;
    }

    public static Inotify open() throws NativeIoException {
        Native.ensureAvailability();
        return new Inotify(Native.check("inotify_init1", "IN_NONBLOCK|IN_CLOEXEC",
                Native.libc().inotify_init1(IN_NONBLOCK | IN_CLOEXEC)));
    }

    /** The descriptor, for an event loop that polls it with others; {@link #await} with 0 then reads its events. */
    public int fd() {
        return fd;
    }

    /** inotify_add_watch(2); returns the watch descriptor events carry. */
    public int watch(String path, int mask) throws NativeIoException {
        return Native.check("inotify_add_watch", path, Native.libc().inotify_add_watch(fd, path, mask));
    }

    /** Waits up to {@code timeoutMillis} for events, and returns all there are (none when the time passed first). */
    public List<Event> await(int timeoutMillis) throws NativeIoException {
        pollFd.putInt(0, fd);
        pollFd.putShort(4, (short) Linux.POLLIN);
        pollFd.putShort(6, (short) 0);
        List<Event> events = new ArrayList<>();
        if (Native.call("poll", "fd " + fd, () -> Native.libc().poll(pollFd, 1, timeoutMillis)) <= 0) {
            return events;
        }
        long bytes;
        while ((bytes = Native.call("read", "fd " + fd, () -> Native.libc().read(fd, buffer, BUFFER_BYTES))) > 0) {
            for (int at = 0; at + EVENT_HEADER_BYTES <= bytes; ) {
                int nameBytes = buffer.getInt(at + 12);
                byte[] name = new byte[nameBytes];
                buffer.get(at + EVENT_HEADER_BYTES, name, 0, nameBytes);
                int end = 0;
                while (end < nameBytes && name[end] != 0) {
                    end++;
                }
                events.add(new Event(buffer.getInt(at), buffer.getInt(at + 4),
                        new String(name, 0, end, StandardCharsets.UTF_8)));
                at += EVENT_HEADER_BYTES + nameBytes;
            }
        }
        return events;
    }

    @Override
    public void close() throws NativeIoException {
        if (!closed) {
            closed = true;
            Native.check("close", "fd " + fd, Native.libc().close(fd));
        }
    }
}
