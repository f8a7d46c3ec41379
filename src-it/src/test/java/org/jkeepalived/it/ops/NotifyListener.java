package org.jkeepalived.it.ops;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.UnixDatagramSocket;

/**
 * systemd's side of sd_notify for a test where neither systemd nor the test JVM is: binds the datagram socket named by
 * its argument and prints each notification on a line of its own, its newlines as spaces ({@code READY=1 MAINPID=7}),
 * until it is killed.
 */
public final class NotifyListener {
    private static final int RECEIVE_TIMEOUT_MILLIS = 1000;

    private NotifyListener() {
    }

    public static void main(String[] args) throws NativeIoException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (UnixDatagramSocket socket = UnixDatagramSocket.bind(args[0])) {
            while (true) {
                Optional<byte[]> datagram = socket.receive(RECEIVE_TIMEOUT_MILLIS);
                datagram.ifPresent(payload -> out.println(
                        new String(payload, StandardCharsets.UTF_8).strip().replace('\n', ' ')));
            }
        }
    }
}
