package org.jkeepalived.healthcheck.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP_CHECK's dialogue as keepalived 2.2.7 holds it (check_smtp.c): read the banner (220), send HELO, read 250, send
 * QUIT, read any line. Each read and write has the connect timeout. A line is whatever one read brought once it
 * holds a newline; its status is the three digits at its start followed by a space or nothing.
 */
public final class SmtpProbe {
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.healthcheck");
    /** SMTP_BUFF_MAX, with a byte kept for the terminating NUL. */
    private static final int BUFFER_BYTES = 511;
    private static final int NO_STATUS = -1;

    /** How the dialogue ended. */
    public sealed interface Result {
        /** The server took HELO and QUIT. */
        record Succeeded() implements Result {
        }

        /** @param reason keepalived's text, without its "SMTP_CHECK " prefix */
        record Failed(String reason) implements Result {
        }

        /** The socket could not be bound or marked: keepalived reschedules without counting a failure. */
        record NotBound() implements Result {
        }
    }

    private enum Step { BANNER, HELO_REPLY, QUIT_REPLY, DONE }

    private final CheckerEventLoop loop;

    public SmtpProbe(CheckerEventLoop loop) {
        this.loop = loop;
    }

    /**
     * Holds one dialogue. Call on the event loop, where {@code done} runs. Closing the returned channel (null when no
     * socket could be made) abandons it.
     *
     * @param realServer the real server as inet_sockaddrtopair names it, for keepalived's unreachable message
     */
    public Channel probe(SocketTarget target, String heloName, String realServer, Consumer<Result> done) {
        String server = ProbeNames.pair(target.destination());
        Dialogue dialogue = new Dialogue(target.timeoutMicros(), heloName, server, done);
        Sockets.Connecting connecting = Sockets.connectTcp(loop, target, dialogue);
        connecting.future().addListener(connected -> {
            if (!connected.isSuccess() && !connected.isCancelled()) {
                dialogue.finish(switch (connecting.failure()) {
                    case TIMED_OUT -> new Result.Failed("Connection timeout to server " + server);
                    case FAILED -> new Result.Failed("Could not connect to server " + server);
                    case FAILED_AT_ONCE -> new Result.Failed("Network unreachable for server "
                            + ProbeNames.address(target.destination()) + " - real server " + realServer);
                    case ERROR -> new Result.NotBound();
                });
            }
        });
        return connecting.channel();
    }

    /** The dialogue on one channel. */
    private static final class Dialogue extends ChannelInboundHandlerAdapter {
        private final long timeoutMicros;
        private final String heloName;
        private final String server;
        private final Consumer<Result> done;
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private int buffered;
        private Step step = Step.BANNER;
        private ScheduledFuture<?> timer;
        private ChannelHandlerContext context;

        Dialogue(long timeoutMicros, String heloName, String server, Consumer<Result> done) {
            this.timeoutMicros = timeoutMicros;
            this.heloName = heloName;
            this.server = server;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            context = ctx;
            awaitLine();
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (step != Step.DONE) {
                    take((ByteBuf) message);
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                fail("Read failure from server " + server);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail("Read failure from server " + server);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail("Read failure from server " + server);
        }

        private void take(ByteBuf bytes) {
            while (bytes.isReadable() && step != Step.DONE) {
                if (buffered == BUFFER_BYTES) {
                    LOG.info("SMTP_CHECK Buffer overflow reading from server {}. Increase SMTP_BUFF_MAX in"
                            + " check_smtp.h", server);
                    buffered = 0;
                }
                int read = Math.min(bytes.readableBytes(), BUFFER_BYTES - buffered);
                bytes.readBytes(buffer, buffered, read);
                buffered += read;
                if (containsNewline()) {
                    lineArrived();
                    // keepalived starts each line afresh: what came after the newline in this read is dropped
                    return;
                }
            }
        }

        private boolean containsNewline() {
            for (int at = 0; at < buffered; at++) {
                if (buffer[at] == 0) {
                    return false;
                }
                if (buffer[at] == '\n') {
                    return true;
                }
            }
            return false;
        }

        private void lineArrived() {
            switch (step) {
                case BANNER -> {
                    if (status() != 220) {
                        fail("Bad greeting banner from server " + server);
                    } else {
                        send(Step.HELO_REPLY, "HELO " + heloName + "\r\n");
                    }
                }
                case HELO_REPLY -> {
                    if (status() != 250) {
                        fail("Bad HELO response from server " + server);
                    } else {
                        send(Step.QUIT_REPLY, "QUIT\r\n");
                    }
                }
                case QUIT_REPLY -> finish(new Result.Succeeded());
                case DONE -> {
                }
            }
        }

        /** smtp_get_status: strtoul over the line, which must stop after three characters at a space or the end. */
        private int status() {
            int at = 0;
            while (at < buffered && (buffer[at] == ' ' || (buffer[at] >= '\t' && buffer[at] <= '\r'))) {
                at++;
            }
            if (at < buffered && (buffer[at] == '+' || buffer[at] == '-')) {
                at++;
            }
            int firstDigit = at;
            long value = 0;
            while (at < buffered && buffer[at] >= '0' && buffer[at] <= '9') {
                value = value * 10 + buffer[at] - '0';
                at++;
            }
            boolean endsWell = at == buffered || buffer[at] == 0 || buffer[at] == ' ';
            if (at == firstDigit || at != 3 || !endsWell) {
                return NO_STATUS;
            }
            return buffer[0] == '-' ? NO_STATUS : (int) value;
        }

        private void send(Step nextStep, String line) {
            step = nextStep;
            armTimer("Write timeout to server " + server);
            context.writeAndFlush(Unpooled.copiedBuffer(line, StandardCharsets.US_ASCII)).addListener(sent -> {
                if (!sent.isSuccess()) {
                    fail("Write failure to server " + server);
                } else if (step == nextStep) {
                    awaitLine();
                }
            });
        }

        private void awaitLine() {
            buffered = 0;
            armTimer("Read timeout from server " + server);
        }

        private void armTimer(String reason) {
            if (timer != null) {
                timer.cancel(false);
            }
            timer = context.executor().schedule(() -> fail(reason), timeoutMicros, TimeUnit.MICROSECONDS);
        }

        private void fail(String reason) {
            finish(new Result.Failed(reason));
        }

        void finish(Result result) {
            if (step == Step.DONE) {
                return;
            }
            step = Step.DONE;
            if (timer != null) {
                timer.cancel(false);
            }
            if (context != null) {
                context.channel().close();
            }
            done.accept(result);
        }
    }
}
