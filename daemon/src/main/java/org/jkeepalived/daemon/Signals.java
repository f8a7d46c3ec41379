package org.jkeepalived.daemon;

import java.lang.reflect.Field;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.SignalDisposition;
import org.slf4j.Logger;
import sun.misc.Signal;

/**
 * The one place that touches the JVM's signal handling: turns keepalived's signals into requests the daemon's main
 * thread takes in order: SIGTERM and SIGINT (STOP), SIGHUP (RELOAD), SIGUSR1, SIGUSR2, SIGRTMAX-1 and SIGRTMIN+2
 * (the dumps).
 */
final class Signals {
    /** SIGRTMIN+2 with glibc (keepalived's SIGJSON). */
    static final int SIGJSON = 36;
    /** SIGRTMAX-1 with glibc (keepalived's SIGSTATS_CLEAR). */
    static final int SIGSTATS_CLEAR = 63;

    private final BlockingQueue<DaemonRequest> requests = new LinkedBlockingQueue<>();

    /** Installs the handlers; from now on these signals no longer end the JVM. */
    static Signals install(Logger log) {
        Signals signals = new Signals();
        signals.handle("TERM", DaemonRequest.STOP, log);
        signals.handle("INT", DaemonRequest.STOP, log);
        signals.handle("HUP", DaemonRequest.RELOAD, log);
        signals.handle("USR1", DaemonRequest.DUMP_DATA, log);
        signals.handle("USR2", DaemonRequest.DUMP_STATS, log);
        signals.handleRealtime(SIGJSON, DaemonRequest.DUMP_JSON, log);
        signals.handleRealtime(SIGSTATS_CLEAR, DaemonRequest.DUMP_STATS_CLEAR, log);
        return signals;
    }

    DaemonRequest next() throws InterruptedException {
        return requests.take();
    }

    private void handle(String name, DaemonRequest request, Logger log) {
        Signal signal = new Signal(name);
        try {
            SignalDisposition.restoreDefault(signal.getNumber());
        } catch (NativeIoException e) {
            log.info("Signal {} keeps its inherited action: {}", name, e.getMessage());
        }
        Signal.handle(signal, received -> requests.add(request));
    }

    /**
     * The JVM knows real-time signals only by number, and its Signal class only by name: a Signal made for SIGUSR1
     * is renumbered before it is registered, which needs {@code --add-opens java.base/jdk.internal.misc=ALL-UNNAMED}
     * (bin/keepalived passes it). Without it the signal keeps its default action, and that is logged.
     */
    private void handleRealtime(int number, DaemonRequest request, Logger log) {
        try {
            Signal signal = new Signal("USR1");
            Field wrapped = Signal.class.getDeclaredField("iSignal");
            wrapped.setAccessible(true);
            Object internal = wrapped.get(signal);
            Field numberField = internal.getClass().getDeclaredField("number");
            numberField.setAccessible(true);
            numberField.setInt(internal, number);
            Signal.handle(signal, received -> requests.add(request));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.info("Signal {} ({}) cannot be handled in this JVM: {}", number, request, e.toString());
        }
    }
}
