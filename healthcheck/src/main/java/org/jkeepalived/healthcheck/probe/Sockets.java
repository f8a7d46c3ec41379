package org.jkeepalived.healthcheck.probe;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Locale;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/** Socket set-up shared by the probes, with keepalived's socket options. */
final class Sockets {
    /** setsockopt(SOL_SOCKET, SO_MARK), Linux's numbers on x86_64 and aarch64. */
    private static final IntegerUnixChannelOption SO_MARK = new IntegerUnixChannelOption("SO_MARK", 1, 36);
    private static final int MICROS_PER_MILLI = 1000;

    /** How keepalived classes the end of a connect (socket_bind_connect and socket_state). */
    enum ConnectFailure {
        /** The connect did not complete within the timeout. */
        TIMED_OUT,
        /** Refused, reset or unreachable after connect() said "in progress" (socket_state's connect_fail). */
        FAILED,
        /** connect() itself failed refused, reset or unreachable (socket_bind_connect's connect_fail). */
        FAILED_AT_ONCE,
        /** Binding, marking or any other error: keepalived's connect_error. */
        ERROR
    }

    private Sockets() {
    }

    /** A connect under way, and whether connect() itself failed, which keepalived reports differently. */
    record Connecting(ChannelFuture future, ConnectWatch watch) {

        Channel channel() {
            return future.channel();
        }

        /**
         * What the probe hands its caller to close when abandoning the attempt: null when no socket could be made
         * (too many open files, say), as Netty's stand-in channel for it refuses to be closed.
         */
        Channel abandonable() {
            return !future.isDone() || future.channel().isRegistered() ? future.channel() : null;
        }

        /** Why the connect failed; call once the future has failed. */
        ConnectFailure failure() {
            ConnectFailure failure = classify(future.cause());
            return failure == ConnectFailure.FAILED && watch.failedAtOnce ? ConnectFailure.FAILED_AT_ONCE : failure;
        }
    }

    /** Sees whether the connect promise failed within connect() itself. */
    static final class ConnectWatch extends ChannelOutboundHandlerAdapter {
        private boolean failedAtOnce;

        @Override
        public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local,
                            ChannelPromise promise) throws Exception {
            super.connect(ctx, remote, local, promise);
            failedAtOnce = promise.isDone() && !promise.isSuccess();
        }
    }

    /**
     * A TCP connect to the target, timed out by Netty after the target's timeout.
     *
     * <p>keepalived sets SO_LINGER 5 so that its blocking close() waits for the peer to take the FIN; the wire sees the
     * same FIN without it, as the kernel finishes the shutdown in the background. Here SO_LINGER would make Netty hand
     * every close to another thread, where it races the event loop's own epoll bookkeeping for the same socket
     * (epoll_ctl: ENOENT, reads of a closed descriptor), so our sockets do without it.
     */
    static Connecting connectTcp(CheckerEventLoop loop, SocketTarget target, ChannelHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(loop.group()).channel(loop.socketChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis(target.timeoutMicros()))
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true);
        return connect(bootstrap, loop, target, handler);
    }

    /** A connected UDP socket to the target. */
    static Connecting connectUdp(CheckerEventLoop loop, SocketTarget target, ChannelHandler handler) {
        Bootstrap bootstrap = new Bootstrap().group(loop.group())
                .channel(loop.isEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class);
        return connect(bootstrap, loop, target, handler);
    }

    private static Connecting connect(Bootstrap bootstrap, CheckerEventLoop loop, SocketTarget target,
                                      ChannelHandler handler) {
        ConnectWatch watch = new ConnectWatch();
        bootstrap.handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(watch, handler);
            }
        });
        if (target.fwmark() != 0) {
            if (!loop.isEpoll()) {
                ChannelFuture registered = bootstrap.register();
                return new Connecting(registered.channel().newFailedFuture(
                        new SocketException("SO_MARK needs the epoll transport")), watch);
            }
            bootstrap.option(SO_MARK, target.fwmark());
        }
        ChannelFuture future = target.bindTo() == null ? bootstrap.connect(target.destination())
                : bootstrap.connect(target.destination(), target.bindTo());
        return new Connecting(future, watch);
    }

    /** Netty counts its connect timeout in whole milliseconds, 0 meaning none: round up. */
    static int timeoutMillis(long timeoutMicros) {
        long millis = (timeoutMicros + MICROS_PER_MILLI - 1) / MICROS_PER_MILLI;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }

    private static ConnectFailure classify(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return ConnectFailure.TIMED_OUT;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof BindException || message.startsWith("bind(")) {
            return ConnectFailure.ERROR;
        }
        if (message.contains("timed out")) {
            return ConnectFailure.TIMED_OUT;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof PortUnreachableException || message.contains("refused")
                || message.contains("unreachable") || message.contains("reset") || message.contains("is down")
                || message.contains("abort")) {
            return ConnectFailure.FAILED;
        }
        return ConnectFailure.ERROR;
    }
}
