package org.jkeepalived.healthcheck.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** The one event loop the checkers run on: epoll where Netty's native transport loads, NIO otherwise. */
public final class CheckerEventLoop implements AutoCloseable {
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> socketChannelType;
    private final boolean epoll;

    private CheckerEventLoop(EventLoopGroup group, Class<? extends SocketChannel> socketChannelType, boolean epoll) {
        this.group = group;
        this.socketChannelType = socketChannelType;
        this.epoll = epoll;
    }

    /** One daemon thread, so that a command such as genhash ends when its main thread does. */
    public static CheckerEventLoop start() {
        DefaultThreadFactory threads = new DefaultThreadFactory("jkeepalived-checker", true);
        if (Epoll.isAvailable()) {
            return new CheckerEventLoop(new EpollEventLoopGroup(1, threads), EpollSocketChannel.class, true);
        }
        return new CheckerEventLoop(new NioEventLoopGroup(1, threads), NioSocketChannel.class, false);
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends SocketChannel> socketChannelType() {
        return socketChannelType;
    }

    /** SO_MARK (fwmark) can only be set through the epoll transport. */
    public boolean isEpoll() {
        return epoll;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
