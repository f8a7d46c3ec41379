package org.jkeepalived.healthcheck.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jkeepalived.healthcheck.http.HttpGetClient;
import org.jkeepalived.healthcheck.http.HttpGetTarget;
import org.jkeepalived.healthcheck.http.HttpProtocol;
import org.jkeepalived.healthcheck.http.HttpRequest;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Probes opened and closed by the thousand leave nothing for Netty to complain about. */
class ProbeHygieneTest {
    private static final int PROBES = 3000;
    private static final long TIMEOUT_MICROS = TimeUnit.SECONDS.toMicros(5);
    private static final long WAIT_SECONDS = 60;

    private final ListAppender<ILoggingEvent> nettyLog = new ListAppender<>();
    private final Logger netty = (Logger) LoggerFactory.getLogger("io.netty");
    private CheckerEventLoop loop;

    @BeforeEach
    void captureNettyLog() {
        netty.setLevel(Level.INFO);
        nettyLog.start();
        netty.addAppender(nettyLog);
        loop = CheckerEventLoop.start();
    }

    @AfterEach
    void release() {
        loop.close();
        netty.detachAppender(nettyLog);
        netty.setLevel(null);
    }

    private static final class Acceptor implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;

        Acceptor() throws IOException {
            server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
            thread = new Thread(this::acceptAndClose, "hygiene-acceptor");
            thread.setDaemon(true);
            thread.start();
        }

        private void acceptAndClose() {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    accepted.shutdownOutput();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        InetSocketAddress address() {
            return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static SocketTarget target(InetSocketAddress destination) {
        return new SocketTarget(destination, null, 0, TIMEOUT_MICROS);
    }

    /** Runs {@code start} for every probe on the loop and waits until each has called its completion. */
    private <T> Map<T, Integer> runMany(int count, ProbeStarter<T> start) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(count);
        Map<T, Integer> outcomes = new ConcurrentHashMap<>();
        loop.group().submit(() -> {
            for (int i = 0; i < count; i++) {
                start.probe(outcome -> {
                    outcomes.merge(outcome, 1, Integer::sum);
                    finished.countDown();
                });
            }
        }).syncUninterruptibly();
        assertTrue(finished.await(WAIT_SECONDS, TimeUnit.SECONDS), "probes left unfinished: " + finished.getCount());
        return outcomes;
    }

    @FunctionalInterface
    private interface ProbeStarter<T> {
        void probe(Consumer<T> done);
    }

    private void assertNettyLoggedNoWarning() throws InterruptedException {
        // closes finish after their outcome: give the last ones time to report anything they would
        Thread.sleep(500);
        List<String> warnings = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(nettyLog.list)) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
                warnings.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        }
        assertEquals(List.of(), warnings.subList(0, Math.min(3, warnings.size())), warnings.size() + " warnings");
    }

    @Test
    void thousandsOfTcpProbesConnectedAndClosedLeaveNettySilent() throws Exception {
        try (Acceptor acceptor = new Acceptor()) {
            TcpProbe probe = new TcpProbe(loop);

            Map<TcpProbe.Result, Integer> outcomes = runMany(PROBES,
                    done -> probe.probe(target(acceptor.address()), done));

            assertEquals(Map.of(TcpProbe.Result.CONNECTED, PROBES), outcomes);
        }
        assertNettyLoggedNoWarning();
    }

    @Test
    void thousandsOfRefusedTcpProbesLeaveNettySilent() throws Exception {
        InetSocketAddress closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort());
        TcpProbe probe = new TcpProbe(loop);

        Map<TcpProbe.Result, Integer> outcomes = runMany(PROBES, done -> probe.probe(target(closed), done));

        assertEquals(PROBES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(!outcomes.containsKey(TcpProbe.Result.CONNECTED), outcomes.toString());
        assertNettyLoggedNoWarning();
    }

    @Test
    void thousandsOfTcpProbesAbandonedWhileConnectingLeaveNettySilent() throws Exception {
        try (Acceptor acceptor = new Acceptor()) {
            TcpProbe probe = new TcpProbe(loop);

            Map<TcpProbe.Result, Integer> outcomes = runMany(PROBES,
                    done -> probe.probe(target(acceptor.address()), done).close());

            assertEquals(PROBES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
        assertNettyLoggedNoWarning();
    }

    @Test
    void thousandsOfSmtpDialoguesCutShortLeaveNettySilent() throws Exception {
        try (Acceptor acceptor = new Acceptor()) {
            SmtpProbe probe = new SmtpProbe(loop);

            Map<SmtpProbe.Result, Integer> outcomes = runMany(PROBES,
                    done -> probe.probe(target(acceptor.address()), "localhost", "[127.0.0.1]:25", done));

            assertTrue(outcomes.keySet().stream().allMatch(SmtpProbe.Result.Failed.class::isInstance),
                    outcomes.toString());
        }
        assertNettyLoggedNoWarning();
    }

    @Test
    void thousandsOfHttpGetsClosedOrRefusedLeaveNettySilent() throws Exception {
        InetSocketAddress closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort());
        try (Acceptor acceptor = new Acceptor()) {
            HttpGetClient client = new HttpGetClient(loop);
            HttpRequest request = new HttpRequest("/", HttpProtocol.HTTP_1_0, null);
            int[] started = {0};

            Map<Class<?>, Integer> outcomes = runMany(PROBES, done -> {
                InetSocketAddress destination = started[0]++ % 2 == 0 ? acceptor.address() : closed;
                HttpGetTarget target = new HttpGetTarget(destination, null, 0, TIMEOUT_MICROS, null, request);
                client.fetch(target, HttpResponseObserver.NONE)
                        .thenAccept(result -> done.accept(result.getClass()));
            });

            assertEquals(PROBES, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        }
        assertNettyLoggedNoWarning();
    }
}
