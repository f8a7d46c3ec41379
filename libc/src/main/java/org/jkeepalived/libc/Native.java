package org.jkeepalived.libc;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The availability probe for the native layer and the errno handling every facade shares. glibc is loaded once; on a
 * machine where it cannot be (not Linux on x86-64 or aarch64, jnr-ffi's stub missing) every facade refuses with
 * {@link #unavailabilityCause()} as the reason.
 */
public final class Native {

    /** What {@link #call} returns when the kernel said EAGAIN: nothing to read or no room to write now. */
    static final long NOTHING_NOW = -1;

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;

    /** The struct layouts and constants here are those of LP64 Linux on these two. */
    private static final Set<Platform.CPU> SUPPORTED_CPUS = EnumSet.of(Platform.CPU.X86_64, Platform.CPU.AARCH64);

    private static final LibC LIBC;
    private static final Runtime RUNTIME;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        LibC libc = null;
        Runtime runtime = null;
        Throwable cause = null;
        try {
            Platform platform = Platform.getNativePlatform();
            if (platform.getOS() != Platform.OS.LINUX || !SUPPORTED_CPUS.contains(platform.getCPU())) {
                throw new UnsupportedOperationException("jkeepalived needs Linux on x86-64 or aarch64, this is "
                        + platform.getOS() + " on " + platform.getCPU());
            }
            libc = LibraryLoader.create(LibC.class).load("c");
            runtime = Runtime.getRuntime(libc);
        } catch (Throwable e) {
            cause = e;
            libc = null;
            runtime = null;
        }
        LIBC = libc;
        RUNTIME = runtime;
        UNAVAILABILITY_CAUSE = cause;
    }

    private Native() {
    }

    public static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    /** Why glibc could not be bound; empty when {@link #isAvailable()}. */
    public static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(UNAVAILABILITY_CAUSE);
    }

    /** Throws {@link UnsatisfiedLinkError} (with the cause attached) unless {@link #isAvailable()}. */
    public static void ensureAvailability() {
        if (UNAVAILABILITY_CAUSE != null) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("glibc is not available through jnr-ffi: "
                    + UNAVAILABILITY_CAUSE.getMessage());
            error.initCause(UNAVAILABILITY_CAUSE);
            throw error;
        }
    }

    /** if_nametoindex(3) in the calling thread's network namespace. */
    public static int interfaceIndex(String interfaceName) throws NativeIoException {
        int index = libc().if_nametoindex(interfaceName);
        if (index == 0) {
            throw failure("if_nametoindex", interfaceName);
        }
        return index;
    }

    /** strerror(3): the C library's text for {@code errno}. */
    public static String errnoText(int errno) {
        return libc().strerror(errno);
    }

    static LibC libc() {
        ensureAvailability();
        return LIBC;
    }

    /** Zeroed native memory, freed when the returned pointer is collected. */
    static Pointer allocate(int bytes) {
        ensureAvailability();
        return Memory.allocateDirect(RUNTIME, bytes, true);
    }

    static NativeIoException failure(String call, String arguments) {
        return failure(call, arguments, RUNTIME.getLastError());
    }

    private static NativeIoException failure(String call, String arguments, int errno) {
        return new NativeIoException(call, arguments, errno, LIBC.strerror(errno));
    }

    /** Fails unless {@code result} is 0 or more. */
    static int check(String call, String arguments, int result) throws NativeIoException {
        if (result < 0) {
            throw failure(call, arguments);
        }
        return result;
    }

    /** Runs a call that may be interrupted or find nothing to do: retries EINTR, EAGAIN gives {@link #NOTHING_NOW}. */
    static long call(String call, String arguments, LongSupplier syscall) throws NativeIoException {
        while (true) {
            long result = syscall.getAsLong();
            if (result >= 0) {
                return result;
            }
            int errno = RUNTIME.getLastError();
            if (errno == EAGAIN) {
                return NOTHING_NOW;
            }
            if (errno != EINTR) {
                throw failure(call, arguments, errno);
            }
        }
    }
}
