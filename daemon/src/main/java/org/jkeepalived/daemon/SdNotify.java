package org.jkeepalived.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.UnixDatagramSocket;
import org.slf4j.Logger;

/**
 * systemd's {@code Type=notify} protocol, as keepalived 2.2.7's lib/systemd.c uses it: {@code READY=1} with
 * {@code MAINPID} once the config runs and again after each reload, {@code RELOADING=1} when a reload starts,
 * {@code STOPPING=1} when stopping, each one datagram to {@code $NOTIFY_SOCKET} (a path, or {@code @name} in the
 * abstract namespace). keepalived also insists that its parent be pid 1 and systemd; jkeepalived notifies whoever
 * set {@code $NOTIFY_SOCKET}, as libsystemd's sd_notify does, so a supervisor other than systemd can listen too.
 */
final class SdNotify implements Daemon.Lifecycle {
    static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

    private final String socketName;
    private final long pid;
    private final Logger log;

    SdNotify(String socketName, long pid, Logger log) {
        this.socketName = socketName;
        this.pid = pid;
        this.log = log;
    }

    /** Notifies the socket {@code $NOTIFY_SOCKET} names; nothing when it is unset or empty. */
    static Daemon.Lifecycle fromEnvironment(Map<String, String> environment, long pid, Logger log) {
        return Optional.ofNullable(environment.get(NOTIFY_SOCKET)).filter(name -> !name.isEmpty())
                .<Daemon.Lifecycle>map(name -> new SdNotify(name, pid, log)).orElse(Daemon.Lifecycle.NONE);
    }

    @Override
    public void ready() {
        send("READY=1\nMAINPID=" + pid);
    }

    @Override
    public void reloading() {
        send("RELOADING=1");
    }

    @Override
    public void stopping() {
        send("STOPPING=1");
    }

    private void send(String state) {
        try (UnixDatagramSocket socket = UnixDatagramSocket.open()) {
            if (!socket.send(state.getBytes(StandardCharsets.UTF_8), socketName)) {
                log.debug("sd_notify {}: the socket's queue is full", socketName);
            }
        } catch (NativeIoException | RuntimeException e) {
            log.debug("sd_notify {}: {}", socketName, e.getMessage());
        }
    }
}
