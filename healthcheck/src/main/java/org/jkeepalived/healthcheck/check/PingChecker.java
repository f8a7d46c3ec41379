package org.jkeepalived.healthcheck.check;

import org.jkeepalived.config.lvs.PingCheck;
import org.jkeepalived.healthcheck.probe.PingProbe;

/** PING_CHECK: up while the server answers an echo request within the connect timeout. */
final class PingChecker extends LoopingChecker {
    private final PingProbe probe;
    private final PingCheck check;
    private final ReachEpilog epilog;
    private long attempts;

    PingChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, PingCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.probe = new PingProbe(context.blocking());
        this.check = check;
        this.epilog = new ReachEpilog(ReachEpilog.Kind.ICMP, check.timing(), CheckerNames.server(target),
                CheckerNames.virtualServer(target.virtualServer()), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        long attempt = ++attempts;
        probe.probe(check.connection().destination(), check.connection().connectTimeoutMicros())
                .thenAccept(answered -> loop.execute(() -> {
                    if (attempt == attempts) {
                        conclude(answered ? epilog.succeeded() : epilog.failed(true));
                    }
                }));
    }

    @Override
    protected void abandon() {
        attempts++;
    }
}
