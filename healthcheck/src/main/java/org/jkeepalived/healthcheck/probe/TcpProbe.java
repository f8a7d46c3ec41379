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
     * The connection is closed as soon as it is made, before Netty would start reading it: reading stays off, or the
     * read that channelActive starts would find the socket already taken out of epoll (epoll_ctl: ENOENT).
     */
    private static final class NothingRead extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    public TcpProbe(CheckerEventLoop loop) {
        this.loop = loop;
    }

    /** Connects once; {@code done} runs on the event loop. Closing the returned channel abandons the attempt. */
    public Channel probe(SocketTarget target, Consumer<Result> done) {
        Sockets.Connecting connecting = Sockets.connectTcp(loop, target, new NothingRead());
        connecting.future().addListener(connected -> {
            if (connected.isSuccess()) {
                connecting.channel().close();
                done.accept(Result.CONNECTED);
            } else if (!connected.isCancelled()) {
                done.accept(switch (connecting.failure()) {
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
