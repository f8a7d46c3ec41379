package org.jkeepalived.healthcheck.check;

import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.jkeepalived.config.lvs.UdpCheck;
import org.jkeepalived.healthcheck.probe.DatagramProbe;
import org.jkeepalived.healthcheck.probe.SocketTarget;

/**
 * UDP_CHECK: up while a datagram draws no ICMP error, or with require_reply, while a reply comes (matching the
 * pattern when one is given).
 */
final class UdpChecker extends LoopingChecker {
    /** set_buf: keepalived's default payload is this text repeated over UDP_BUFSIZE (32) bytes. */
    private static final String DEFAULT_PAYLOAD_TEXT = "keepalived check - ";
    private static final int DEFAULT_PAYLOAD_BYTES = 32;

    private final DatagramProbe probe;
    private final SocketTarget socket;
    private final byte[] payload;
    private final UdpCheck check;
    private final Optional<ReplyPattern> pattern;
    private final ReachEpilog epilog;
    private Channel inFlight;

    UdpChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, UdpCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.probe = new DatagramProbe(context.loop());
        this.socket = CheckerContext.socketTarget(check.connection());
        this.payload = check.payloadHex().map(hex -> HexFormat.of().parseHex(hex))
                .orElseGet(UdpChecker::defaultPayload);
        this.check = check;
        this.pattern = check.requireReply() ? check.replyPattern().map(ReplyPattern::of) : Optional.empty();
        this.epilog = new ReachEpilog(ReachEpilog.Kind.UDP, check.timing(), CheckerNames.server(target),
                CheckerNames.virtualServer(target.virtualServer()), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        inFlight = probe.probe(socket, payload, reply -> true, result -> conclude(decision(result)));
    }

    private Decision decision(DatagramProbe.Result result) {
        if (result instanceof DatagramProbe.Result.Replied replied) {
            return pattern.isPresent() && !pattern.get().matches(replied.reply(), check)
                    ? epilog.replyMismatched() : epilog.succeeded();
        }
        if (result instanceof DatagramProbe.Result.TimedOut) {
            // silence is success unless a reply is required
            return check.requireReply() ? epilog.failed(true) : epilog.succeeded();
        }
        if (result instanceof DatagramProbe.Result.ReceiveFailed) {
            return epilog.failed(false);
        }
        return epilog.notSent();
    }

    @Override
    protected void abandon() {
        if (inFlight != null) {
            inFlight.close();
        }
    }

    static byte[] defaultPayload() {
        byte[] text = DEFAULT_PAYLOAD_TEXT.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[DEFAULT_PAYLOAD_BYTES];
        for (int at = 0; at < payload.length; at++) {
            payload[at] = text[at % text.length];
        }
        return payload;
    }

    /** require_reply's hex, where X matches any nibble (keepalived's reply_data and reply_mask). */
    record ReplyPattern(byte[] data, byte[] mask) {

        static ReplyPattern of(String hex) {
            int length = hex.length() / 2;
            byte[] data = new byte[length];
            byte[] mask = new byte[length];
            for (int at = 0; at < length * 2; at++) {
                char nibble = hex.charAt(at);
                int shift = at % 2 == 0 ? 4 : 0;
                if (nibble == 'X' || nibble == 'x') {
                    mask[at / 2] |= (byte) (0xf << shift);
                } else {
                    data[at / 2] |= (byte) (Character.digit(nibble, 16) << shift);
                }
            }
            return new ReplyPattern(data, mask);
        }

        /** check_udp_reply: the length within bounds, and the bytes both have equal outside the mask. */
        boolean matches(byte[] reply, UdpCheck check) {
            if (reply.length < check.minReplyLength() || reply.length > check.maxReplyLength()) {
                return false;
            }
            int compared = Math.min(reply.length, data.length);
            for (int at = 0; at < compared; at++) {
                if (((reply[at] ^ data[at]) & ~mask[at] & 0xff) != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
