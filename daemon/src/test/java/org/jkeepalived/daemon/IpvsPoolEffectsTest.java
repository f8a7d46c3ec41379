package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.healthcheck.script.ScriptLauncher;
import org.jkeepalived.ipvs.IpvsCommand;
import org.jkeepalived.ipvs.IpvsException;
import org.jkeepalived.ipvs.IpvsKernel;
import org.jkeepalived.ipvs.IpvsReconciler;
import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.jkeepalived.ipvs.codec.ServiceAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import java.time.ZonedDateTime;
import org.jkeepalived.daemon.smtp.SmtpAlerter;

class IpvsPoolEffectsTest {
    private static final int EEXIST = 17;

    @TempDir
    Path dir;

    private final Logger log = (Logger) LoggerFactory.getLogger("ipvs-pool-effects-test");
    private final Logger reconcilerLog = (Logger) LoggerFactory.getLogger(IpvsReconciler.class);
    private final ListAppender<ILoggingEvent> refusals = new ListAppender<>();
    private final BatchingKernel kernel = new BatchingKernel();
    /** Configured with no mail server: alerts go nowhere. */
    private final SmtpAlerter alerter = new SmtpAlerter(global -> Optional.empty(), ZonedDateTime::now, log, false);

    @BeforeEach
    void captureRefusals() {
        log.setLevel(Level.WARN);
        reconcilerLog.setLevel(Level.INFO);
        refusals.start();
        reconcilerLog.addAppender(refusals);
    }

    @AfterEach
    void releaseLoggerAndAlerter() throws InterruptedException {
        reconcilerLog.detachAppender(refusals);
        alerter.close();
    }

    /** Table commands as the kernel received them: one line per datagram-sized batch or single request. */
    private static final class BatchingKernel implements IpvsKernel {
        final List<String> received = new ArrayList<>();
        /** The target ({@code 10.9.9.9:tcp:80 -> 127.0.0.3:8080}) whose command is refused as already there. */
        Optional<String> refusedTarget = Optional.empty();

        @Override
        public List<Optional<IpvsException>> apply(List<IpvsCommand> commands) {
            received.add("batch of " + commands.size());
            return commands.stream().map(command -> refusedTarget.filter(command.target()::equals)
                    .map(target -> new IpvsException(command.operation(), EEXIST, "File exists", target))).toList();
        }

        private void single(String what) {
            received.add("single " + what);
        }

        @Override
        public void addService(IpvsService service) {
            single("add service");
        }

        @Override
        public void updateService(IpvsService service) {
            single("edit service");
        }

        @Override
        public void deleteService(ServiceAttribute service) {
            single("delete service");
        }

        @Override
        public void addDestination(IpvsService service, IpvsDestination destination) {
            single("add destination");
        }

        @Override
        public void updateDestination(IpvsService service, IpvsDestination destination) {
            single("edit destination");
        }

        @Override
        public void deleteDestination(IpvsService service, IpvsDestination destination) {
            single("delete destination " + destination.describe());
        }

        @Override
        public void flush() {
            single("flush");
        }

        @Override
        public IpvsTimeouts timeouts() {
            return new IpvsTimeouts(900, 120, 300);
        }

        @Override
        public void setTimeouts(IpvsTimeouts timeouts) {
        }

        @Override
        public void startDaemon(IpvsDaemon daemon) {
        }

        @Override
        public void stopDaemon(IpvsDaemon daemon) {
        }
    }

    private KeepalivedConfig load(int virtualServers, int realServersEach) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int vs = 1; vs <= virtualServers; vs++) {
            text.append("virtual_server 10.9.9.").append(vs).append(" 80 {\n    lb_kind NAT\n    protocol TCP\n");
            for (int rs = 1; rs <= realServersEach; rs++) {
                text.append("    real_server 127.0.0.").append(rs).append(" 8080 {\n        TCP_CHECK {\n")
                        .append("        }\n    }\n");
            }
            text.append("}\n");
        }
        Path file = Files.writeString(dir.resolve("keepalived.conf"), text);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false, LiveHost.system(),
                new Random(0))).config().orElseThrow();
    }

    private CheckerLauncher launcher() {
        return CheckerLauncher.service(log, CheckerLauncher.UNCHECKED, config -> IpvsPoolEffects.on(kernel, () -> {
        }, config, new CheckerScripts(new ScriptLauncher(ScriptIdentity.ROOT), "/usr/bin:/bin", log), log, alerter));
    }

    @Test
    void theStartUpTableGoesToTheKernelInOneBatch() throws Exception {
        CheckerLauncher.Running running = launcher().start(load(20, 10));

        assertEquals(List.of("batch of 220"), kernel.received);
        running.stop(false);
        assertEquals(List.of("batch of 220"), kernel.received, "-I leaves the table as it is");
    }

    @Test
    void aRefusalInTheBatchIsLoggedInKeepalivedsWordsAndTheRestIsInstalled() throws Exception {
        kernel.refusedTarget = Optional.of("10.9.9.2:tcp:80 -> 127.0.0.3:8080");

        CheckerLauncher.Running running = launcher().start(load(2, 3));

        assertEquals(List.of("batch of 8"), kernel.received);
        assertEquals(List.of("IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: Destination already exists(17)"
                + " (10.9.9.2:tcp:80 -> 127.0.0.3:8080)"),
                refusals.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        running.stop(true);
        assertTrue(kernel.received.contains("single delete destination 127.0.0.3:8080"),
                "the stop removes destinations one by one, as keepalived does: " + kernel.received);
    }
}
