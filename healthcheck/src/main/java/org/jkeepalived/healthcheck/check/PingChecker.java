package org.jkeepalived.healthcheck.check;

import io.netty.channel.Channel;
import java.net.Inet6Address;
import org.jkeepalived.config.lvs.PingCheck;
import org.jkeepalived.healthcheck.probe.PingProbe;

/** PING_CHECK: up while the server answers an echo request within the connect timeout. */
final class PingChecker extends LoopingChecker {
    private final PingProbe probe;
    private final PingCheck check;
    private final ReachEpilog epilog;
    /** "" or "v6", as keepalived words its ICMP messages. */
    private final String version;
    private Channel inFlight;

    PingChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, PingCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.probe = context.ping();
        this.check = check;
        this.version = check.connection().destination() instanceof Inet6Address ? "v6" : "";
        this.epilog = new ReachEpilog(ReachEpilog.Kind.ICMP, check.timing(), CheckerNames.server(target),
                CheckerNames.virtualServer(target.virtualServer()), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        inFlight = probe.probe(check.connection().destination(), check.connection().connectTimeoutMicros(),
                result -> conclude(decision(result)));
    }

    /** icmp_connect_thread, ping_it, recv_it and icmp_check_thread with their messages. */
    private Decision decision(PingProbe.Result result) {
        if (result instanceof PingProbe.Result.Replied) {
            return epilog.succeeded();
        }
        if (result instanceof PingProbe.Result.TimedOut) {
            return epilog.failed(true);
        }
        if (result instanceof PingProbe.Result.NotOpened) {
            return epilog.rescheduled("ICMP" + version + " connect fail to create socket. Rescheduling.");
        }
        if (result instanceof PingProbe.Result.SendFailed sendFailed) {
            epilog.log(version.isEmpty() ? "send ICMP packet fail"
                    : "send ICMPv6 packet fail - errno " + sendFailed.errno());
            return epilog.notSent();
        }
        if (result instanceof PingProbe.Result.ShortReply shortReply) {
            epilog.log("Error, got short ICMP" + version + " packet, " + shortReply.length() + " bytes");
        } else {
            PingProbe.Result.UnexpectedType unexpected = (PingProbe.Result.UnexpectedType) result;
            epilog.log("Got ICMP" + version + " packet with type 0x" + Integer.toHexString(unexpected.type()));
        }
        return epilog.failed(false);
    }

    @Override
    protected void abandon() {
        if (inFlight != null) {
            inFlight.close();
        }
    }
}
