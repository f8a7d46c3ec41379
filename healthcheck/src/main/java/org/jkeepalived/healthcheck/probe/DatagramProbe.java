package org.jkeepalived.healthcheck.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * One datagram sent on a connected UDP socket, then the replies or the ICMP error until one settles the attempt or
 * the timeout does: the I/O of DNS_CHECK and UDP_CHECK.
 */
public final class DatagramProbe {

    /** How the exchange ended. */
    public sealed interface Result {
        /** A reply that {@link Listener#reply} took. */
        record Replied(byte[] reply) implements Result {
        }

        /** Nothing acceptable came back within the timeout. */
        record TimedOut() implements Result {
        }

        /**
         * The socket reported an error, an ICMP unreachable most often.
         *
         * @param errno   the error number when it is known (ECONNREFUSED for a closed port), else 0
         * @param message strerror's text
         */
        record ReceiveFailed(int errno, String message) implements Result {
        }

        /** The datagram could not be sent. */
        record SendFailed() implements Result {
        }

        /** connect() failed unreachable: keepalived's connect_fail. */
        record Unreachable() implements Result {
        }

        /** The socket could not be bound or marked. */
        record NotBound() implements Result {
        }
    }

    /** Which replies settle the attempt. */
    @FunctionalInterface
    public interface Listener {
        /** @return whether this reply ends the attempt; others are ignored and the wait goes on */
        boolean reply(byte[] datagram);
    }

    private static final int ECONNREFUSED = 111;

    private final CheckerEventLoop loop;

    public DatagramProbe(CheckerEventLoop loop) {
        this.loop = loop;
    }

    /**
     * Sends {@code payload}. Call on the event loop, where {@code done} runs. Closing the returned channel (null when
     * no socket could be made) abandons it.
     */
    public Channel probe(SocketTarget target, byte[] payload, Listener listener, Consumer<Result> done) {
        Exchange exchange = new Exchange(target.timeoutMicros(), payload, listener, done);
        Sockets.Connecting connecting = Sockets.connectUdp(loop, target, exchange);
        connecting.future().addListener(connected -> {
            if (!connected.isSuccess() && !connected.isCancelled()) {
                exchange.finish(switch (connecting.failure()) {
                    case FAILED, FAILED_AT_ONCE -> new Result.Unreachable();
                    case TIMED_OUT, ERROR -> new Result.NotBound();
                });
            }
        });
        return connecting.channel();
    }

    private static final class Exchange extends ChannelInboundHandlerAdapter {
        private final long timeoutMicros;
        private final byte[] payload;
        private final Listener listener;
        private final Consumer<Result> done;
        private ChannelHandlerContext context;
        private ScheduledFuture<?> timer;
        private boolean finished;

        Exchange(long timeoutMicros, byte[] payload, Listener listener, Consumer<Result> done) {
            this.timeoutMicros = timeoutMicros;
            this.payload = payload;
            this.listener = listener;
            this.done = done;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            context = ctx;
            timer = ctx.executor().schedule(() -> finish(new Result.TimedOut()), timeoutMicros,
                    TimeUnit.MICROSECONDS);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(payload)).addListener(sent -> {
                if (!sent.isSuccess()) {
                    finish(failureOf(sent.cause(), true));
                }
            });
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                ByteBuf content = message instanceof DatagramPacket packet ? packet.content() : (ByteBuf) message;
                if (!finished && listener.reply(ByteBufUtil.getBytes(content))) {
                    finish(new Result.Replied(ByteBufUtil.getBytes(content)));
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            finish(failureOf(cause, false));
        }

        private static Result failureOf(Throwable cause, boolean sending) {
            if (sending) {
                return new Result.SendFailed();
            }
            String message = String.valueOf(cause.getMessage());
            boolean refused = cause instanceof java.net.PortUnreachableException || message.contains("refused");
            return refused ? new Result.ReceiveFailed(ECONNREFUSED, "Connection refused")
                    : new Result.ReceiveFailed(0, message);
        }

        void finish(Result result) {
            if (finished) {
                return;
            }
            finished = true;
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
