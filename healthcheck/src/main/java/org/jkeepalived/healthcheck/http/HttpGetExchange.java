package org.jkeepalived.healthcheck.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.NoRouteToHostException;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One GET on one channel, step by step as keepalived's checker threads take it, each step with keepalived's timeout
 * and failure. Runs on the event loop only.
 */
final class HttpGetExchange extends ChannelDuplexHandler {
    /** The connect() errnos keepalived counts as a failure to connect (socket_bind_connect's connect_fail). */
    private static final List<String> CONNECT_FAIL_ERRORS = List.of("Network is unreachable", "No route to host",
            "Connection refused", "Host is down", "Network is down", "Connection reset by peer",
            "Software caused connection abort", "Connection timed out");

    private enum Step { CONNECTING, SENDING, AWAITING_REPLY, READING, DONE }

    private final HttpGetTarget target;
    private final HttpResponseParser parser;
    private final CompletableFuture<HttpGetResult> result;
    private final boolean tls;
    private volatile ChannelHandlerContext context;
    private Step step = Step.CONNECTING;
    private ScheduledFuture<?> timer;
    private boolean repliedWhileSending;
    private boolean closeNotifyReceived;

    HttpGetExchange(HttpGetTarget target, HttpResponseParser parser, CompletableFuture<HttpGetResult> result) {
        this.target = target;
        this.parser = parser;
        this.result = result;
        this.tls = target.tls() != null;
    }

    /** Goes first in the pipeline: sees the bytes on the wire, before any TLS, as keepalived's poll does. */
    ChannelHandler arrivalWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object message) {
                bytesArrived();
                ctx.fireChannelRead(message);
            }
        };
    }

    /** The connect attempt failed; when the channel never reached the pipeline, the socket could not be made. */
    void channelNotOpened() {
        if (context == null) {
            result.complete(new HttpGetResult.Failed(HttpFailure.SOCKET_CREATION_FAILED));
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        armTimer();
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        ctx.connect(remote, local, promise);
        // a connect that fails before returning is connect() failing; later it is the socket's error (SO_ERROR)
        if (promise.isDone()) {
            if (!promise.isSuccess()) {
                fail(connectFailure(promise.cause()));
            }
            return;
        }
        promise.addListener(connected -> {
            if (!connected.isSuccess()) {
                String message = String.valueOf(connected.cause().getMessage());
                fail(message.contains("Connection timed out")
                        ? HttpFailure.TIMEOUT_CONNECTING : HttpFailure.CONNECTION_FAILED);
            }
        });
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!tls) {
            send();
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                send();
            } else {
                fail(HttpFailure.SSL_HANDSHAKE_ERROR);
            }
        } else if (event instanceof SslCloseCompletionEvent close && close.isSuccess()) {
            // OpenSSL's SSL_read reports the close_notify at once, whether or not the server closes its socket
            closeNotifyReceived = true;
            streamEnded();
        } else if (event instanceof ChannelInputShutdownEvent) {
            streamEnded();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            // a reply can overtake the report that the request went out; it is the response all the same
            if (step == Step.SENDING || step == Step.AWAITING_REPLY || step == Step.READING) {
                ByteBuf bytes = (ByteBuf) message;
                if (!parser.receive(ByteBufUtil.getBytes(bytes), 0, bytes.readableBytes())) {
                    finish(HttpGetResult.End.END_OF_STREAM);
                }
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        streamEnded();
        ctx.fireChannelInactive();
    }

    /**
     * The server closed its side. The channel allows half closure, so that the end of a response is seen before
     * our own close can raise anything.
     */
    private void streamEnded() {
        switch (step) {
            case AWAITING_REPLY, READING -> finish(!tls ? HttpGetResult.End.END_OF_STREAM
                    : closeNotifyReceived ? HttpGetResult.End.TLS_CLOSE_NOTIFY : HttpGetResult.End.TLS_ABORTED);
            case CONNECTING -> fail(tls ? HttpFailure.SSL_HANDSHAKE_ERROR : HttpFailure.CONNECTION_FAILED);
            case SENDING -> fail(HttpFailure.CANNOT_SEND);
            case DONE -> {
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        switch (step) {
            // OpenSSL's SSL_read errors end keepalived's read loop as the end of the stream does
            case AWAITING_REPLY, READING -> {
                if (tls) {
                    finish(HttpGetResult.End.TLS_ABORTED);
                } else {
                    fail(HttpFailure.READ_ERROR);
                }
            }
            case CONNECTING -> fail(tls ? HttpFailure.SSL_HANDSHAKE_ERROR : HttpFailure.CONNECTION_FAILED);
            case SENDING -> fail(HttpFailure.CANNOT_SEND);
            case DONE -> {
            }
        }
    }

    private void send() {
        if (step != Step.CONNECTING) {
            return;
        }
        if (target.connectTimeoutMicros() == 0) {
            // keepalived 2.2.7 (genhash -t 0) sees the connection made but its zero write timeout expire first
            fail(HttpFailure.TIMEOUT_WEB_WRITE);
            return;
        }
        step = Step.SENDING;
        armTimer();
        context.writeAndFlush(Unpooled.wrappedBuffer(target.request().bytes(target.destination())))
                .addListener(sent -> {
                    if (!sent.isSuccess()) {
                        fail(HttpFailure.CANNOT_SEND);
                    } else if (step == Step.SENDING) {
                        step = repliedWhileSending ? Step.READING : Step.AWAITING_REPLY;
                        armTimer();
                    }
                });
    }

    /**
     * keepalived waits for the first reply bytes with a fresh timeout, then gives each plain read a fresh one, while
     * its TLS reads share what is left of the timeout started by the first reply bytes.
     */
    private void bytesArrived() {
        switch (step) {
            case SENDING -> repliedWhileSending = true;
            case AWAITING_REPLY -> {
                step = Step.READING;
                armTimer();
            }
            case READING -> {
                if (!tls) {
                    armTimer();
                }
            }
            case CONNECTING, DONE -> {
            }
        }
    }

    private void armTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
        Step timedStep = step;
        timer = context.executor().schedule(() -> timedOut(timedStep), target.connectTimeoutMicros(),
                TimeUnit.MICROSECONDS);
    }

    private void timedOut(Step timedStep) {
        if (step != timedStep) {
            return;
        }
        fail(switch (timedStep) {
            case CONNECTING -> HttpFailure.TIMEOUT_CONNECTING;
            case SENDING -> HttpFailure.TIMEOUT_WEB_WRITE;
            case AWAITING_REPLY -> HttpFailure.TIMEOUT_WEB_READ;
            case READING, DONE -> tls ? HttpFailure.TIMEOUT_SSL_READ : HttpFailure.TIMEOUT_HTTP_READ;
        });
    }

    /** connect() itself failed: keepalived's connect_fail errnos fail the check, anything else reschedules it. */
    private static HttpFailure connectFailure(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        boolean connectFail = cause instanceof NoRouteToHostException
                || CONNECT_FAIL_ERRORS.stream().anyMatch(message::contains);
        return connectFail ? HttpFailure.NETWORK_UNREACHABLE : HttpFailure.SOCKET_BIND_FAILED;
    }

    private void finish(HttpGetResult.End end) {
        complete(new HttpGetResult.Received(parser.finish(), end));
    }

    private void fail(HttpFailure failure) {
        complete(new HttpGetResult.Failed(failure));
    }

    private void complete(HttpGetResult outcome) {
        if (step == Step.DONE) {
            return;
        }
        step = Step.DONE;
        if (timer != null) {
            timer.cancel(false);
        }
        // the outcome waits for the close, so that a caller may stop the loop as soon as it has the outcome
        context.channel().close().addListener(closed -> result.complete(outcome));
    }
}
