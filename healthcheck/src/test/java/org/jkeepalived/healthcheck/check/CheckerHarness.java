package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.slf4j.LoggerFactory;

/**
 * One checker of a configuration holding one virtual server 10.9.9.9:80 with one real server 127.0.0.1:port, made
 * by {@link Checkers} and run on the test's loop, with its verdicts and the checker log captured.
 */
final class CheckerHarness implements AutoCloseable {
    /** Generous: class loading and TLS set-up can take seconds on a loaded machine. */
    static final long WAIT_SECONDS = 15;

    private final CheckerEventLoop loop;
    private final Path dir;
    private final BlockingQueue<String> verdicts = new LinkedBlockingQueue<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("org.jkeepalived.healthcheck");
    private RunningChecker running;

    /** @param dir where the configuration file is written */
    CheckerHarness(CheckerEventLoop loop, Path dir) {
        this.loop = loop;
        this.dir = dir;
        logger.setLevel(Level.INFO);
        logs.start();
        logger.addAppender(logs);
    }

    /** Starts the checker given by {@code checkerBlock} for a real server 127.0.0.1:port of weight 7. */
    void start(int port, String checkerBlock) throws IOException {
        start("", port, checkerBlock);
    }

    /** As {@link #start(int, String)}, with {@code rootBlocks} (an SSL block, say) before the virtual server. */
    void start(String rootBlocks, int port, String checkerBlock) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), """
                %s
                virtual_server 10.9.9.9 80 {
                    delay_loop 1
                    protocol TCP
                    real_server 127.0.0.1 %d {
                        weight 7
                %s
                    }
                }
                """.formatted(rootBlocks, port, checkerBlock));
        KeepalivedConfig config = ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();
        VirtualServer vs = config.lvs().virtualServers().get(0);
        RealServer rs = vs.realServers().get(0);
        CheckerTarget target = new CheckerTarget(vs, rs, rs.checkers().get(0), 0);
        Checkers checkers = new Checkers(loop, Checkers.Settings.of(config.lvs().ssl(), false, new Random(0))
                .withBootstrapDelayMicros(0));
        running = checkers.create(target, new CheckerVerdicts() {
            @Override
            public void stateChanged(CheckerTarget checker, boolean up) {
                verdicts.add(up ? "up" : "down");
            }

            @Override
            public void weightChanged(CheckerTarget checker, long weight) {
                verdicts.add("weight " + weight);
            }

            @Override
            public void weightShareSet(CheckerTarget checker, long weightShare) {
                verdicts.add("share " + weightShare);
            }
        });
        loop.group().submit(running::start).syncUninterruptibly();
    }

    /** The next verdict: "up", "down", "weight N" or "share N". */
    String nextVerdict() throws InterruptedException {
        String verdict = verdicts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(verdict != null, "no verdict; log: " + logLines());
        return verdict;
    }

    boolean noMoreVerdicts() {
        return verdicts.isEmpty();
    }

    List<String> logLines() {
        // the appender adds under its own lock
        synchronized (logs) {
            return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    void awaitLogLine(String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!logLines().contains(line)) {
            assertTrue(System.nanoTime() < deadline, "no \"" + line + "\" in " + logLines());
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            loop.group().submit(running::stop).syncUninterruptibly();
        }
        logger.detachAppender(logs);
    }
}
