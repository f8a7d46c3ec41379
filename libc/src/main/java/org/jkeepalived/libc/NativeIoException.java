package org.jkeepalived.libc;

import java.io.IOException;

/**
 * A failed system call: names the call and the errno, as {@code sendto(..) failed: Operation not permitted (errno 1)};
 * where the arguments tell the operator more they replace the dots: {@code setsockopt(SO_BINDTODEVICE eth9) failed}.
 */
public final class NativeIoException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;

    public NativeIoException(String call, String arguments, int errno, String errnoText) {
        super(call + "(" + arguments + ") failed: " + errnoText + " (errno " + errno + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The system call's name, without parentheses. */
    public String call() {
        return call;
    }

    public int errno() {
        return errno;
    }
}
