package org.jkeepalived.healthcheck.check;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import org.jkeepalived.config.lvs.SmtpCheck;
import org.jkeepalived.healthcheck.probe.ProbeNames;
import org.jkeepalived.healthcheck.probe.SmtpProbe;
import org.jkeepalived.healthcheck.probe.SocketTarget;

/** SMTP_CHECK: up while the server greets, takes HELO and answers QUIT. */
final class SmtpChecker extends LoopingChecker {
    private final SmtpProbe probe;
    private final SocketTarget socket;
    private final String heloName;
    private final String realServer;
    private final SmtpEpilog epilog;
    private Channel inFlight;

    SmtpChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, SmtpCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.probe = new SmtpProbe(context.loop());
        this.socket = CheckerContext.socketTarget(check.connection());
        this.heloName = check.heloName();
        this.realServer = ProbeNames.pair(new InetSocketAddress(target.realServer().endpoint().address(),
                target.realServer().endpoint().port()));
        this.epilog = new SmtpEpilog(check.timing(), CheckerNames.server(target), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        inFlight = probe.probe(socket, heloName, realServer, result -> conclude(decision(result)));
    }

    private Decision decision(SmtpProbe.Result result) {
        if (result instanceof SmtpProbe.Result.Failed failed) {
            return epilog.failed(failed.reason());
        }
        if (result instanceof SmtpProbe.Result.NotBound) {
            return epilog.roundRescheduled("SMTP_CHECK socket bind failed. Rescheduling.");
        }
        return epilog.succeeded();
    }

    @Override
    protected void abandon() {
        if (inFlight != null) {
            inFlight.close();
        }
    }
}
