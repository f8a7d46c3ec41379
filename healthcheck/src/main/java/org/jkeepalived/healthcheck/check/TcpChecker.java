package org.jkeepalived.healthcheck.check;

import io.netty.channel.Channel;
import org.jkeepalived.config.lvs.TcpCheck;
import org.jkeepalived.healthcheck.probe.SocketTarget;
import org.jkeepalived.healthcheck.probe.TcpProbe;

/** TCP_CHECK: up while a connection can be made. */
final class TcpChecker extends LoopingChecker {
    private final TcpProbe probe;
    private final SocketTarget socket;
    private final TcpEpilog epilog;
    private Channel inFlight;

    TcpChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, TcpCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.probe = new TcpProbe(context.loop());
        this.socket = CheckerContext.socketTarget(check.connection());
        this.epilog = new TcpEpilog(check.timing(), CheckerNames.server(target), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        inFlight = probe.probe(socket, result -> conclude(switch (result) {
            case CONNECTED -> epilog.attempted(TcpEpilog.Outcome.CONNECTED);
            case TIMED_OUT -> epilog.attempted(TcpEpilog.Outcome.TIMED_OUT);
            case FAILED -> epilog.attempted(TcpEpilog.Outcome.FAILED);
            case FAILED_AT_ONCE -> epilog.attempted(TcpEpilog.Outcome.CONNECT_FAILED);
            case NOT_BOUND -> epilog.rescheduled("TCP socket bind failed. Rescheduling.");
        }));
    }

    @Override
    protected void abandon() {
        if (inFlight != null) {
            inFlight.close();
        }
    }
}
