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

class CheckerServiceTest {
    private static final String CONFIG = """
            virtual_server_group web {
                10.0.0.1 80
            }
            virtual_server group web {
                protocol TCP
                real_server 192.0.2.1 80 {
                    TCP_CHECK {
                    }
                }
            }
            virtual_server group web {
                protocol UDP
                real_server 192.0.2.1 80 {
                    TCP_CHECK {
                    }
                }
            }
            virtual_server fwmark 7 {
                omega
                real_server 192.0.2.2 80 {
                    notify_down /bin/false
                    TCP_CHECK {
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private final CheckerEventLoop loop = CheckerEventLoop.start();
    private final RecordingEffects effects = new RecordingEffects();
    /** What the scripted checkers did, in order; written on the loop, read after a round trip to it. */
    private final List<String> checkerEvents = new ArrayList<>();
    private final Map<String, Sink> sinksByServer = new ConcurrentHashMap<>();

    /** Where a scripted checker's verdicts go. */
    private record Sink(CheckerTarget target, CheckerVerdicts verdicts) {

        void report(boolean up) {
            verdicts.stateChanged(target, up);
        }
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** Checkers that report nothing on their own; the test reports for them, from its own thread. */
    private final CheckerFactory scripted = (target, verdicts) -> {
        String server = ServerNames.server(target.realServer().endpoint(), target.virtualServer());
        sinksByServer.put(server + " " + target.virtualServer().protocol(), new Sink(target, verdicts));
        return new RunningChecker() {
            @Override
            public void start() {
                checkerEvents.add("start " + server);
            }

            @Override
            public void stop() {
                checkerEvents.add("stop " + server);
            }
        };
    };

    private CheckerService service() throws IOException {
        LvsConfig lvs = PoolConfigs.load(dir, CONFIG);
        return new CheckerService(lvs, scripted, effects, loop);
    }

    private void awaitLoop() {
        loop.group().next().submit(() -> { }).syncUninterruptibly();
    }

    @Test
    void startPutsEveryPoolInIpvsThenActivatesEachCheckerNamedAsKeepalivedNamesIt() throws IOException {
        service().start();

        List<String> activations = effects.logLines().stream().filter(l -> l.startsWith("Activating")).toList();
        assertEquals(List.of(
                "Activating healthchecker for service [192.0.2.1]:tcp:80 for VS [web]:0",
                "Activating healthchecker for service [192.0.2.1]:udp:80 for VS [web]:1",
                "Activating healthchecker for service [192.0.2.2]:none:80 for VS FWM 7",
                "Activating BFD healthchecker"), activations);
        assertEquals(List.of("start [192.0.2.1]:tcp:80", "start [192.0.2.1]:udp:80", "start [192.0.2.2]:none:80"),
                checkerEvents);
        assertTrue(effects.events.indexOf("log " + activations.get(0))
                > effects.events.lastIndexOf("ipvs add-service"));
    }

    @Test
    void verdictsFromAnyThreadReachThePoolOnTheLoopAndStopEndsThemAndShutsThePoolsDown() throws IOException {
        CheckerService service = service();
        service.start();
        effects.drain();

        Sink fwmarkChecker = sinksByServer.get("[192.0.2.2]:none:80 Optional.empty");
        fwmarkChecker.report(false);
        awaitLoop();
        assertEquals(List.of("Removing service [192.0.2.2]:none:80 from VS FWM 7",
                "Lost quorum 1-0=1 > 0 for VS FWM 7"), effects.logLines());
        fwmarkChecker.report(true);
        awaitLoop();
        effects.drain();

        service.stop(true);
        fwmarkChecker.report(false);
        awaitLoop();

        assertEquals(List.of("start [192.0.2.1]:tcp:80", "start [192.0.2.1]:udp:80", "start [192.0.2.2]:none:80",
                "stop [192.0.2.1]:tcp:80", "stop [192.0.2.1]:udp:80", "stop [192.0.2.2]:none:80"), checkerEvents);
        assertEquals(List.of(
                "Shutting down service [192.0.2.1]:tcp:80 from VS [web]:0",
                "Shutting down service [192.0.2.1]:udp:80 from VS [web]:1",
                "Shutting down service [192.0.2.2]:none:80 from VS FWM 7"), effects.logLines());
        assertTrue(effects.events.contains("script /bin/false (shutting down)"));
    }
}
