package org.jkeepalived.healthcheck.check;

import io.netty.channel.Channel;
import org.jkeepalived.config.lvs.DnsCheck;
import org.jkeepalived.healthcheck.probe.DatagramProbe;
import org.jkeepalived.healthcheck.probe.DnsQuery;
import org.jkeepalived.healthcheck.probe.ProbeNames;
import org.jkeepalived.healthcheck.probe.SocketTarget;

/** DNS_CHECK: up while the server answers the query with rcode 0. */
final class DnsChecker extends LoopingChecker {
    private static final int ID_VALUES = 1 << 16;

    private final CheckerContext context;
    private final DatagramProbe probe;
    private final SocketTarget socket;
    private final int type;
    private final String name;
    private final DnsEpilog epilog;
    private Channel inFlight;

    DnsChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, DnsCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.context = context;
        this.probe = new DatagramProbe(context.loop());
        this.socket = CheckerContext.socketTarget(check.connection());
        this.type = DnsQuery.typeNumber(check.type());
        this.name = check.name();
        this.epilog = new DnsEpilog(check.timing(), CheckerNames.server(target), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        byte[] query = DnsQuery.build(context.random().nextInt(ID_VALUES), type, name);
        inFlight = probe.probe(socket, query,
                reply -> !(DnsQuery.read(query, reply) instanceof DnsQuery.Answer.Ignored),
                result -> conclude(decision(query, result)));
    }

    private Decision decision(byte[] query, DatagramProbe.Result result) {
        if (result instanceof DatagramProbe.Result.Replied replied) {
            return DnsQuery.read(query, replied.reply()) instanceof DnsQuery.Answer.Failed failed
                    ? epilog.failed("read error occurred. (rcode = " + failed.rcode() + ")") : epilog.succeeded();
        }
        if (result instanceof DatagramProbe.Result.ReceiveFailed failed) {
            return epilog.failed("failed to read socket; errno " + failed.errno() + " (" + failed.message() + ")");
        }
        if (result instanceof DatagramProbe.Result.SendFailed) {
            return epilog.failed("failed to write socket.");
        }
        if (result instanceof DatagramProbe.Result.Unreachable) {
            return epilog.failed("network unreachable for " + ProbeNames.pair(socket.destination()));
        }
        if (result instanceof DatagramProbe.Result.NotBound) {
            return epilog.rescheduled(epilog.line("UDP socket bind failed. Rescheduling."));
        }
        return epilog.failed("read timeout from socket");
    }

    @Override
    protected void abandon() {
        if (inFlight != null) {
            inFlight.close();
        }
    }
}
