package org.jkeepalived.libc;

/** The process's file creation mask, umask(2): one per process, shared by every thread. */
public final class FileCreationMask {

    private FileCreationMask() {
    }

    /** Sets the mask to {@code mask}'s permission bits; returns the mask it replaced. */
    public static int set(int mask) {
        Native.ensureAvailability();
        return Native.libc().umask(mask & 0777);
    }
}
