package org.jkeepalived.daemon;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import sun.misc.Signal;

/**
 * The one place that touches sun.misc.Signal: turns SIGTERM and SIGINT (keepalived's STOP) and SIGHUP (RELOAD)
 * into requests the daemon's main thread takes in order.
 */
final class Signals {
    private final BlockingQueue<DaemonRequest> requests = new LinkedBlockingQueue<>();

    /** Installs the handlers; from now on these signals no longer end the JVM. */
    static Signals install() {
        Signals signals = new Signals();
        Signal.handle(new Signal("TERM"), signal -> signals.requests.add(DaemonRequest.STOP));
        Signal.handle(new Signal("INT"), signal -> signals.requests.add(DaemonRequest.STOP));
        Signal.handle(new Signal("HUP"), signal -> signals.requests.add(DaemonRequest.RELOAD));
        return signals;
    }

    DaemonRequest next() throws InterruptedException {
        return requests.take();
    }
}
