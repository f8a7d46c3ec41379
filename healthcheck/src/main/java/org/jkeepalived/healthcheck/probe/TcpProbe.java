package org.jkeepalived.healthcheck.probe;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.Consumer;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/** TCP_CHECK's probe: a connection is made and closed at once. */
public final class TcpProbe {

    /** How the connect ended. */
    public enum Result {
        CONNECTED,
        TIMED_OUT,
        /** Refused, reset or unreachable once the connect was under way. */
        FAILED,
        /** connect() itself failed refused, reset or unreachable: keepalived logs nothing of its own then. */
        FAILED_AT_ONCE,
        /** The socket could not be bound or marked: keepalived reschedules without counting a failure. */
        NOT_BOUND
    }

    private final CheckerEventLoop loop;

    /**
     * The probe's handler, last in its pipeline: it hands over the outcome once, and any exception Netty raises
     * before then is the attempt failing. Reading stays off: a TCP_CHECK never reads what it connects to.
     */
    private static final class Attempt extends ChannelInboundHandlerAdapter {
        private final Consumer<Result> done;
        private boolean concluded;

        Attempt(Consumer<Result> done) {
            this.done = done;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
            conclude(Result.FAILED);
        }

        void conclude(Result result) {
            if (!concluded) {
                concluded = true;
                done.accept(result);
            }
        }
    }

    public TcpProbe(CheckerEventLoop loop) {
        this.loop = loop;
    }

    /**
     * Connects once. Call on the event loop, where {@code done} runs. Closing the returned channel (null when no
     * socket could be made) abandons the attempt.
     */
    public Channel probe(SocketTarget target, Consumer<Result> done) {
        Attempt attempt = new Attempt(done);
        Sockets.Connecting connecting = Sockets.connectTcp(loop, target, attempt);
        connecting.future().addListener(connected -> {
            if (connected.isSuccess()) {
                connecting.channel().close();
                attempt.conclude(Result.CONNECTED);
            } else if (!connected.isCancelled()) {
                attempt.conclude(switch (connecting.failure()) {
                    case TIMED_OUT -> Result.TIMED_OUT;
                    case FAILED -> Result.FAILED;
                    case FAILED_AT_ONCE -> Result.FAILED_AT_ONCE;
                    case ERROR -> Result.NOT_BOUND;
                });
            }
        });
        return connecting.channel();
    }
}
