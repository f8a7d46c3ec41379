package org.jkeepalived.healthcheck.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * Sends keepalived's GET on the checker event loop and hands the response to {@link HttpResponseParser}: the network
 * half of HTTP_GET, SSL_GET and genhash.
 */
public final class HttpGetClient {
    /** setsockopt(SOL_SOCKET, SO_MARK), Linux's numbers on x86_64 and aarch64. */
    private static final IntegerUnixChannelOption SO_MARK = new IntegerUnixChannelOption("SO_MARK", 1, 36);

    private final CheckerEventLoop loop;
    private final SslContext tlsContext;

    public HttpGetClient(CheckerEventLoop loop) {
        this(loop, insecureTlsContext());
    }

    /** @param tlsContext the client context SSL_GET uses, for one with the SSL block's certificate and key */
    public HttpGetClient(CheckerEventLoop loop, SslContext tlsContext) {
        this.loop = loop;
        this.tlsContext = tlsContext;
    }

    /** keepalived's SSL_GET does not verify the server's certificate, whatever the SSL block says. */
    public static SslContext insecureTlsContext() {
        return tlsContext(SslContextBuilder.forClient());
    }

    /** The builder's context (with the client's own key, say), made without certificate verification. */
    public static SslContext tlsContext(SslContextBuilder builder) {
        try {
            return builder.sslProvider(SslProvider.JDK).trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        } catch (SSLException e) {
            throw new IllegalStateException("the JDK's TLS client cannot be set up", e);
        }
    }

    /** Fetches once; the future completes on the event loop, after the observer has seen every step. */
    public CompletableFuture<HttpGetResult> fetch(HttpGetTarget target, HttpResponseObserver observer) {
        CompletableFuture<HttpGetResult> result = new CompletableFuture<>();
        if (target.fwmark() != 0 && !loop.isEpoll()) {
            result.complete(new HttpGetResult.Failed(HttpFailure.SOCKET_BIND_FAILED));
            return result;
        }
        HttpGetExchange exchange = new HttpGetExchange(target, new HttpResponseParser(observer), result);
        // without keepalived's SO_LINGER 5, as the probes' sockets (probe.Sockets says why)
        Bootstrap bootstrap = new Bootstrap().group(loop.group()).channel(loop.socketChannelType())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(HttpResponseParser.BUFFER_BYTES))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(exchange.arrivalWatcher());
                        if (target.tls() != null) {
                            channel.pipeline().addLast(tlsHandler(channel, target.tls()));
                        }
                        channel.pipeline().addLast(exchange);
                    }
                });
        if (target.fwmark() != 0) {
            bootstrap.option(SO_MARK, target.fwmark());
        }
        ChannelFuture connecting = target.bindTo() == null
                ? bootstrap.connect(target.destination())
                : bootstrap.connect(target.destination(), target.bindTo());
        connecting.addListener(connected -> {
            if (!connected.isSuccess()) {
                exchange.channelNotOpened();
            }
        });
        return result;
    }

    private SslHandler tlsHandler(SocketChannel channel, HttpGetTarget.Tls tls) {
        SslHandler handler = tlsContext.newHandler(channel.alloc());
        // the exchange's own timer bounds the handshake, within the connect timeout as keepalived's does
        handler.setHandshakeTimeoutMillis(0);
        if (tls.sniHostName() != null) {
            sniHostName(tls.sniHostName()).ifPresent(name -> {
                SSLEngine engine = handler.engine();
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setServerNames(List.of(name));
                engine.setSSLParameters(parameters);
            });
        }
        return handler;
    }

    /**
     * OpenSSL sends any name as SNI; the JDK takes the bytes as they are when they are not a strict host name (an
     * underscore, say) but refuses what IDN cannot read at all, which then goes without SNI.
     */
    private static Optional<SNIHostName> sniHostName(String name) {
        try {
            return Optional.of(new SNIHostName(name.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
