package org.jkeepalived.healthcheck.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.healthcheck.check.CheckerFactory;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.CheckerVerdicts;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload of the checker pools against keepalived 2.2.7's {@code clear_diff_services}: scripted checkers report
 * verdicts when the test says so (no clock), and every effect and checker start or stop is recorded in order.
 */
class CheckerServiceReloadTest {
    private static final String WEB = "[10.0.0.1]:tcp:80";
    private static final String TCP_CHECK = "TCP_CHECK {\n connect_timeout 1\n }";

    @TempDir
    Path dir;

    private final CheckerEventLoop loop = CheckerEventLoop.start();
    private final RecordingEffects effects = new RecordingEffects();
    /** What the scripted checkers did, in order; written on the loop, read after a round trip to it. */
    private final List<String> checkerEvents = new ArrayList<>();
    /** The latest scripted checker made for each real server (address:port), with where it reports. */
    private final Map<String, Scripted> checkersByServer = new ConcurrentHashMap<>();
    private CheckerService service;

    private final class Scripted implements RunningChecker {
        private final CheckerTarget target;
        private final CheckerVerdicts verdicts;
        private final String name;

        Scripted(CheckerTarget target, CheckerVerdicts verdicts) {
            this.target = target;
            this.verdicts = verdicts;
            this.name = target.realServer().endpoint().address().getHostAddress() + ":"
                    + target.realServer().endpoint().port();
        }

        @Override
        public void start() {
            checkerEvents.add("start " + name);
        }

        @Override
        public void stop() {
            checkerEvents.add("stop " + name);
        }

        /** Reports from the test's thread, as a checker's verdict reaches the pool from elsewhere. */
        void report(boolean up) {
            verdicts.stateChanged(target, up);
            awaitLoop();
        }
    }

    private final CheckerFactory scripted = (target, verdicts) -> {
        Scripted checker = new Scripted(target, verdicts);
        checkersByServer.put(checker.name, checker);
        return checker;
    };

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private void awaitLoop() {
        loop.group().next().submit(() -> { }).syncUninterruptibly();
    }

    /** Virtual server 10.0.0.1:80 with {@code settings} and its real servers, then {@code more} config. */
    private LvsConfig config(String settings, String realServers, String more) throws IOException {
        return PoolConfigs.load(dir, "virtual_server 10.0.0.1 80 {\n lb_kind NAT\n protocol TCP\n" + settings + "\n"
                + realServers + "}\n" + more);
    }

    private static String realServer(int last, String settings) {
        return "real_server 192.0.2." + last + " 80 {\n" + settings + "\n}\n";
    }

    private void start(LvsConfig lvs) {
        service = new CheckerService(lvs, scripted, effects, loop);
        service.start();
        effects.drain();
        checkerEvents.clear();
    }

    private void reload(LvsConfig lvs) {
        service.reload(lvs, scripted, true);
    }

    private Scripted checkerOf(int last) {
        return checkersByServer.get("192.0.2." + last + ":80");
    }

    @Test
    void reloadingTheSameConfigTouchesNeitherIpvsNorTheCheckers() throws IOException {
        String servers = realServer(1, TCP_CHECK) + realServer(2, TCP_CHECK);
        start(config(" lb_algo rr", servers, ""));

        reload(config("\n\n lb_algo rr", servers, ""));

        assertEquals(List.of("config replaced", "log Activating BFD healthchecker"), effects.drain());
        assertEquals(List.of(), checkerEvents);
    }

    @Test
    void aReloadAddingARealServerRemovingAVirtualServerAndChangingAWeightEditsOnlyThat() throws IOException {
        String other = "virtual_server 10.0.0.2 80 {\n protocol TCP\n" + realServer(9, TCP_CHECK) + "}\n";
        start(config(" lb_algo rr", realServer(1, TCP_CHECK) + realServer(2, TCP_CHECK), other));

        reload(config(" lb_algo rr", realServer(1, "weight 5\n" + TCP_CHECK) + realServer(3, TCP_CHECK), ""));

        assertEquals(List.of(
                "log service [192.0.2.2]:tcp:80 no longer exist",
                "log Removing service [192.0.2.2]:tcp:80 from VS " + WEB,
                "ipvs remove 192.0.2.2:80",
                "fifo RS [192.0.2.2]:tcp:80 " + WEB + " DOWN",
                "smtp Realserver [192.0.2.2]:tcp:80 of virtual server " + WEB + " - DOWN / => Removing <=",
                "log Removing Virtual Server [10.0.0.2]:tcp:80",
                "log Removing service [192.0.2.9]:tcp:80 from VS [10.0.0.2]:tcp:80",
                "ipvs remove 192.0.2.9:80",
                "fifo RS [192.0.2.9]:tcp:80 [10.0.0.2]:tcp:80 DOWN",
                "smtp Realserver [192.0.2.9]:tcp:80 of virtual server [10.0.0.2]:tcp:80 - DOWN / => Removing <=",
                "fifo VS [10.0.0.2]:tcp:80 DOWN",
                "ipvs remove-service",
                "config replaced",
                "log Changing weight from 1 to 5 for active service [192.0.2.1]:tcp:80 of VS " + WEB,
                "ipvs weight 192.0.2.1:80 5",
                "ipvs add 192.0.2.3:80 weight 1",
                "log Activating healthchecker for service [192.0.2.3]:tcp:80 for VS " + WEB,
                "log Activating BFD healthchecker"), effects.drain());
        assertEquals(List.of("stop 192.0.2.2:80", "stop 192.0.2.9:80", "start 192.0.2.3:80"), checkerEvents);
    }

    @Test
    void aRealServerDownBeforeTheReloadStaysOutAndItsCarriedCheckerStillBringsItBack() throws IOException {
        String servers = realServer(1, TCP_CHECK) + realServer(2, TCP_CHECK);
        start(config(" lb_algo rr", servers, ""));
        Scripted checker = checkerOf(2);
        checker.report(false);
        effects.drain();

        reload(config(" lb_algo wrr", servers, ""));
        assertEquals(List.of("ipvs edit-service wrr", "config replaced", "log Activating BFD healthchecker"),
                effects.drain());

        checker.report(true);
        assertEquals(List.of("log Adding service [192.0.2.2]:tcp:80 to VS " + WEB, "ipvs add 192.0.2.2:80 weight 1",
                "fifo RS [192.0.2.2]:tcp:80 " + WEB + " UP"), effects.drain());
        assertEquals(List.of(), checkerEvents);
    }

    @Test
    void aChangedCheckerIsStoppedAndStartedAgainAsANewOneAndItsRealServerReturnsAsKeepalivedDoes()
            throws IOException {
        start(config(" lb_algo rr", realServer(1, TCP_CHECK), ""));
        Scripted old = checkerOf(1);
        old.report(false);
        effects.drain();

        reload(config(" lb_algo rr", realServer(1, "TCP_CHECK {\n connect_timeout 2\n }"), ""));

        assertEquals(List.of(
                "log Adding service [192.0.2.1]:tcp:80 to VS " + WEB,
                "ipvs add 192.0.2.1:80 weight 1",
                "fifo RS [192.0.2.1]:tcp:80 " + WEB + " UP",
                "log Gained quorum 1+0=1 <= 1 for VS " + WEB,
                "fifo VS " + WEB + " UP",
                "config replaced",
                "log Activating healthchecker for service [192.0.2.1]:tcp:80 for VS " + WEB,
                "log Activating BFD healthchecker"), effects.drain());
        assertEquals(List.of("stop 192.0.2.1:80", "start 192.0.2.1:80"), checkerEvents);

        old.report(true);
        assertEquals(List.of(), effects.drain());
    }

    @Test
    void aLostQuorumAndItsSorryServerCarryOverWithoutNewNotifications() throws IOException {
        String sorry = " sorry_server 192.0.2.99 80\n quorum_down /bin/quorum-down\n";
        start(config(" lb_algo rr\n" + sorry, realServer(1, TCP_CHECK), ""));
        checkerOf(1).report(false);
        assertTrue(effects.drain().contains("ipvs add sorry 192.0.2.99:80 weight 1"));

        reload(config(" lb_algo rr\n" + sorry, realServer(1, TCP_CHECK) + realServer(2, "weight 0\n" + TCP_CHECK),
                ""));

        // keepalived's init_service_rs adds a new live real server even while the sorry server stands in
        assertEquals(List.of("config replaced", "ipvs add 192.0.2.2:80 weight 0",
                "log Activating healthchecker for service [192.0.2.2]:tcp:80 for VS " + WEB,
                "log Activating BFD healthchecker"), effects.drain());
        checkerOf(1).report(true);
        assertEquals(List.of(
                "log Adding service [192.0.2.1]:tcp:80 to VS " + WEB,
                "fifo RS [192.0.2.1]:tcp:80 " + WEB + " UP",
                "log Gained quorum 1+0=1 <= 1 for VS " + WEB,
                "log Removing sorry server [192.0.2.99]:tcp:80 from VS " + WEB,
                "ipvs remove sorry 192.0.2.99:80",
                "log Adding alive servers to the pool for VS " + WEB,
                "ipvs add 192.0.2.1:80 weight 1",
                "ipvs add 192.0.2.2:80 weight 0",
                "fifo VS " + WEB + " UP"), effects.drain());
    }

    @Test
    void aSorryServerNoLongerConfiguredLeavesIpvsAndARemovedLiveRealServerRunsItsDownScript() throws IOException {
        start(config(" lb_algo rr\n sorry_server 192.0.2.99 80\n sorry_server_inhibit",
                realServer(1, TCP_CHECK) + realServer(2, "notify_down /bin/false\n" + TCP_CHECK), ""));

        reload(config(" lb_algo rr", realServer(1, TCP_CHECK), ""));

        assertEquals(List.of(
                "log service [192.0.2.2]:tcp:80 no longer exist",
                "log Removing service [192.0.2.2]:tcp:80 from VS " + WEB,
                "ipvs remove 192.0.2.2:80",
                "script /bin/false",
                "fifo RS [192.0.2.2]:tcp:80 " + WEB + " DOWN",
                "smtp Realserver [192.0.2.2]:tcp:80 of virtual server " + WEB + " - DOWN / => Removing <=",
                "log Removing sorry server [192.0.2.99]:tcp:80 from VS " + WEB,
                "ipvs remove sorry 192.0.2.99:80",
                "config replaced",
                "log Activating BFD healthchecker"), effects.drain());
    }

    @Test
    void withChangedSharedCheckerSettingsEveryCheckerStartsAgainButTheRealServersKeepTheirState()
            throws IOException {
        String servers = realServer(1, TCP_CHECK) + realServer(2, TCP_CHECK);
        start(config(" lb_algo rr", servers, ""));
        checkerOf(2).report(false);
        effects.drain();

        service.reload(config(" lb_algo rr", servers, ""), scripted, false);

        assertEquals(List.of(
                "log Adding service [192.0.2.2]:tcp:80 to VS " + WEB,
                "ipvs add 192.0.2.2:80 weight 1",
                "fifo RS [192.0.2.2]:tcp:80 " + WEB + " UP",
                "config replaced",
                "log Activating healthchecker for service [192.0.2.1]:tcp:80 for VS " + WEB,
                "log Activating healthchecker for service [192.0.2.2]:tcp:80 for VS " + WEB,
                "log Activating BFD healthchecker"), effects.drain());
        assertEquals(List.of("stop 192.0.2.1:80", "stop 192.0.2.2:80", "start 192.0.2.1:80", "start 192.0.2.2:80"),
                checkerEvents);
    }
}
