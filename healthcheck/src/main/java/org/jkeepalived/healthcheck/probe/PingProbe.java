package org.jkeepalived.healthcheck.probe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Errors;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.jkeepalived.libc.IcmpEchoSocket;
import org.jkeepalived.libc.Native;
import org.jkeepalived.libc.NativeIoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PING_CHECK's echo request, as keepalived 2.2.7 sends it (check_ping.c): a fresh unprivileged ICMP datagram socket
 * per attempt with a 128 KiB receive buffer, one echo request of an 8-byte header (identifier left to the kernel,
 * sequence number from one counter shared by every PING_CHECK, in host byte order as keepalived stores it) and 128
 * bytes of "keepalived check - " repeated, then the first datagram back or the timeout. The socket lives on the
 * checker event loop through Netty's epoll datagram channel; without the epoll transport no socket can be opened.
 * keepalived does not connect its socket; ours is connected to the destination, because Netty's epoll channel drops
 * datagrams that an unconnected socket receives from port 0, which every ICMP reply comes from. A connected socket
 * also reports the ICMP errors that concern it, which an unconnected one never sees: they are ignored, so that the
 * attempt ends with the timeout as keepalived's does.
 */
public final class PingProbe {
    /** ICMP_BUFSIZE. */
    public static final int PAYLOAD_BYTES = 128;
    /** struct icmphdr and struct icmp6_hdr. */
    public static final int HEADER_BYTES = 8;
    private static final int RECEIVE_BUFFER_BYTES = 128 * 1024;
    private static final int ICMP_ECHO = 8;
    private static final int ICMP_ECHOREPLY = 0;
    private static final int ICMP6_ECHO_REQUEST = 128;
    private static final int ICMP6_ECHO_REPLY = 129;
    private static final String FILL = "keepalived check - ";
    private static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.healthcheck");

    /** How one echo request ended. */
    public sealed interface Result {
        /** An echo reply came back. */
        record Replied() implements Result {
        }

        /** Nothing came back within the timeout. */
        record TimedOut() implements Result {
        }

        /** socket() failed (ping_group_range excludes us, or no epoll transport). */
        record NotOpened() implements Result {
        }

        /** sendto() failed with {@code errno} (0 when the transport did not say). */
        record SendFailed(int errno) implements Result {
        }

        /** A datagram shorter than an ICMP header came back. */
        record ShortReply(int length) implements Result {
        }

        /** An ICMP message other than an echo reply came back. */
        record UnexpectedType(int type) implements Result {
        }
    }

    private final CheckerEventLoop loop;
    private final EventLoop eventLoop;
    /** keepalived's static seq_no, which wraps at 16 bits. */
    private int sequence;

    public PingProbe(CheckerEventLoop loop, EventLoop eventLoop) {
        this.loop = loop;
        this.eventLoop = eventLoop;
    }

    /** The echo request as keepalived sends it: header, then the payload. */
    public static byte[] echoRequest(boolean ipv6, int sequence) {
        ByteBuf packet = Unpooled.buffer(HEADER_BYTES + PAYLOAD_BYTES);
        packet.writeByte(ipv6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO).writeByte(0).writeShort(0).writeShort(0);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            packet.writeShortLE(sequence);
        } else {
            packet.writeShort(sequence);
        }
        byte[] fill = FILL.getBytes(StandardCharsets.US_ASCII);
        for (int written = 0; written < PAYLOAD_BYTES; written += fill.length) {
            packet.writeBytes(fill, 0, Math.min(fill.length, PAYLOAD_BYTES - written));
        }
        return packet.array();
    }

    /**
     * Sends one echo request to {@code destination}; {@code done} runs on the event loop. Must be called on the event
     * loop. Closing the returned channel (null when no socket opened) abandons the attempt.
     */
    public Channel probe(InetAddress destination, long timeoutMicros, Consumer<Result> done) {
        boolean ipv6 = destination instanceof Inet6Address;
        int fd;
        try {
            if (!loop.isEpoll()) {
                done.accept(new Result.NotOpened());
                return null;
            }
            fd = IcmpEchoSocket.open(ipv6);
        } catch (NativeIoException e) {
            done.accept(new Result.NotOpened());
            return null;
        }
        try {
            IcmpEchoSocket.setReceiveBufferBytes(fd, RECEIVE_BUFFER_BYTES);
        } catch (NativeIoException e) {
            LOG.info("setsockopt SO_RCVBUF for socket {} failed ({}) - {}", fd, e.errno(),
                    Native.errnoText(e.errno()));
        }
        byte[] request = echoRequest(ipv6, sequence);
        sequence = (sequence + 1) & 0xffff;
        Channel channel = new EpollDatagramChannel(fd);
        Exchange exchange = new Exchange(channel, ipv6, done);
        channel.pipeline().addLast(exchange);
        eventLoop.register(channel).addListener(registered -> {
            if (!registered.isSuccess()) {
                exchange.finish(new Result.SendFailed(0));
                return;
            }
            exchange.timer = eventLoop.schedule(() -> exchange.finish(new Result.TimedOut()), timeoutMicros,
                    TimeUnit.MICROSECONDS);
            // where keepalived's sendto would fail (no route, say), the connect does, with the same errno
            channel.connect(new InetSocketAddress(destination, 0)).addListener(connected -> {
                if (!connected.isSuccess()) {
                    exchange.finish(new Result.SendFailed(errno(connected.cause())));
                }
            });
            channel.writeAndFlush(Unpooled.wrappedBuffer(request)).addListener(sent -> {
                if (!sent.isSuccess()) {
                    exchange.finish(new Result.SendFailed(errno(sent.cause())));
                }
            });
        });
        return channel;
    }

    /** Netty's native exceptions carry the negated errno. */
    private static int errno(Throwable cause) {
        return cause instanceof Errors.NativeIoException nativeFailure ? -nativeFailure.expectedErr() : 0;
    }

    private static final class Exchange extends ChannelInboundHandlerAdapter {
        private final Channel channel;
        private final boolean ipv6;
        private final Consumer<Result> done;
        private ScheduledFuture<?> timer;
        private boolean finished;

        Exchange(Channel channel, boolean ipv6, Consumer<Result> done) {
            this.channel = channel;
            this.ipv6 = ipv6;
            this.done = done;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                ByteBuf reply = message instanceof DatagramPacket packet ? packet.content() : (ByteBuf) message;
                if (reply.readableBytes() < HEADER_BYTES) {
                    finish(new Result.ShortReply(reply.readableBytes()));
                    return;
                }
                int type = reply.getUnsignedByte(reply.readerIndex());
                finish(type == (ipv6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY) ? new Result.Replied()
                        : new Result.UnexpectedType(type));
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // an ICMP error for the connected destination: keepalived's unconnected socket waits on to the timeout
        }

        void finish(Result result) {
            if (finished) {
                return;
            }
            finished = true;
            if (timer != null) {
                timer.cancel(false);
            }
            channel.close();
            done.accept(result);
        }
    }
}
