package org.jkeepalived.healthcheck.probe;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.util.concurrent.Future;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.util.Locale;
import java.util.function.Supplier;
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

    /**
     * A connect under way, and whether connect() itself failed, which keepalived reports differently.
     *
     * @param channel the socket, or null when none could be made
     */
    record Connecting(Channel channel, Future<Void> future, boolean failedAtOnce) {

        /** Why the connect failed; call once the future has failed. */
        ConnectFailure failure() {
            ConnectFailure failure = classify(future.cause());
            return failure == ConnectFailure.FAILED && failedAtOnce ? ConnectFailure.FAILED_AT_ONCE : failure;
        }
    }

    /**
     * A TCP connect to the target, timed out by Netty after the target's timeout. Must be called on the event loop.
     *
     * <p>keepalived sets SO_LINGER 5 so that its blocking close() waits for the peer to take the FIN; the wire sees the
     * same FIN without it, as the kernel finishes the shutdown in the background. Here SO_LINGER would make Netty hand
     * every close to another thread, where it races the event loop's own epoll bookkeeping for the same socket
     * (epoll_ctl: ENOENT, reads of a closed descriptor), so our sockets do without it.
     */
    static Connecting connectTcp(CheckerEventLoop loop, SocketTarget target, ChannelHandler handler) {
        return connect(loop, target, handler, () -> {
            SocketChannel channel = loop.isEpoll() ? new EpollSocketChannel() : new NioSocketChannel();
            channel.config().setConnectTimeoutMillis(timeoutMillis(target.timeoutMicros()));
            channel.config().setAllowHalfClosure(true);
            return channel;
        });
    }

    /** A connected UDP socket to the target. Must be called on the event loop. */
    static Connecting connectUdp(CheckerEventLoop loop, SocketTarget target, ChannelHandler handler) {
        return connect(loop, target, handler,
                () -> loop.isEpoll() ? new EpollDatagramChannel() : new NioDatagramChannel());
    }

    /**
     * Makes the channel and connects it without a Bootstrap, which would cost every probe an options map, an
     * initializer handler and a resolver look-up. On the event loop, registration and connect() run at once, so a
     * connect failed when this returns failed in connect() itself.
     */
    private static Connecting connect(CheckerEventLoop loop, SocketTarget target, ChannelHandler handler,
                                      Supplier<Channel> socket) {
        Channel channel;
        try {
            channel = socket.get();
        } catch (ChannelException e) {
            return new Connecting(null, loop.group().next().newFailedFuture(e), false);
        }
        channel.pipeline().addLast(handler);
        loop.group().register(channel);
        if (target.fwmark() != 0) {
            try {
                if (!loop.isEpoll()) {
                    throw new ChannelException(new SocketException("SO_MARK needs the epoll transport"));
                }
                channel.config().setOption(SO_MARK, target.fwmark());
            } catch (ChannelException e) {
                channel.close();
                return new Connecting(channel, channel.newFailedFuture(e.getCause() == null ? e : e.getCause()), true);
            }
        }
        ChannelFuture connecting = channel.connect(target.destination(), target.bindTo());
        boolean failedAtOnce = connecting.isDone() && !connecting.isSuccess();
        connecting.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        return new Connecting(channel, connecting, failedAtOnce);
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
