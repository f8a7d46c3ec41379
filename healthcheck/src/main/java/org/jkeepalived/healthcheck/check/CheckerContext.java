package org.jkeepalived.healthcheck.check;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.jkeepalived.config.lvs.ConnectionOptions;
import org.jkeepalived.healthcheck.http.HttpGetClient;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.jkeepalived.healthcheck.probe.PingProbe;
import org.jkeepalived.healthcheck.probe.SocketTarget;
import org.jkeepalived.healthcheck.script.ScriptLauncher;

/** What every checker of one factory shares: the loop, the randomness, the clock and the clients. */
record CheckerContext(CheckerEventLoop loop, EventLoop eventLoop, boolean logAllFailures, RandomGenerator random,
                      LongSupplier nanoClock, long bootstrapDelayMicros, HttpGetClient httpClient,
                      ScriptLauncher scripts, String scriptSearchPath, PingProbe ping) {

    /**
     * register_checkers_thread: keepalived starts each checker after BOOTSTRAP_DELAY and a random part of its
     * warmup, so that checks of one server do not all come at once.
     */
    long firstDelayMicros(CheckerTiming timing) {
        long warmup = timing.warmupMicros() == 0 ? 0 : random.nextLong(timing.warmupMicros());
        return bootstrapDelayMicros + warmup;
    }

    /** connect_ip/connect_port, bindto/bind_port, fwmark and connect_timeout as a probe takes them. */
    static SocketTarget socketTarget(ConnectionOptions options) {
        InetSocketAddress destination = new InetSocketAddress(options.destination(), options.destinationPort());
        InetSocketAddress bindTo = options.bindTo().map(address -> new InetSocketAddress(address, options.bindPort()))
                .orElse(options.bindPort() == 0 ? null
                        : new InetSocketAddress(anyAddressLike(options.destination()), options.bindPort()));
        return new SocketTarget(destination, bindTo, (int) options.fwmark(), options.connectTimeoutMicros());
    }

    private static InetAddress anyAddressLike(InetAddress address) {
        return new InetSocketAddress(address instanceof java.net.Inet6Address ? "::" : "0.0.0.0", 0).getAddress();
    }
}
