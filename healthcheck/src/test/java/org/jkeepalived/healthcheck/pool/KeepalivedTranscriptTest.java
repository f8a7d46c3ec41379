package org.jkeepalived.healthcheck.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * A run of the real keepalived 2.2.7 in the IPVS VM, replayed: TCP_CHECKs against busybox listeners on 127.0.0.1
 * ports 8001-8003 that were stopped and started, and a misc_dynamic script whose exit status changed. The verdicts
 * go in the order keepalived logged their effects; the pools must log what keepalived logged (docs/pool-model.md).
 */
class KeepalivedTranscriptTest {
    private static final String CONFIG = """
            virtual_server 10.10.10.1 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP
                quorum 2
                sorry_server 127.0.0.9 8009
                real_server 127.0.0.1 8001 {
                    TCP_CHECK {
                    }
                }
                real_server 127.0.0.1 8002 {
                    inhibit_on_failure
                    TCP_CHECK {
                    }
                }
                real_server 127.0.0.1 8003 {
                    TCP_CHECK {
                    }
                }
            }
            virtual_server 10.10.10.2 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP
                alpha
                omega
                sorry_server 127.0.0.9 8009
                sorry_server_inhibit
                real_server 127.0.0.1 8001 {
                    TCP_CHECK {
                    }
                }
            }
            virtual_server 10.10.10.3 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP
                quorum 3
                hysteresis 1
                real_server 127.0.0.1 8001 {
                    TCP_CHECK {
                    }
                }
                real_server 127.0.0.1 8002 {
                    TCP_CHECK {
                    }
                }
                real_server 127.0.0.1 8003 {
                    TCP_CHECK {
                    }
                }
                real_server 127.0.0.1 8004 {
                    weight 2
                    MISC_CHECK {
                        misc_path /bin/true
                        misc_dynamic
                    }
                }
            }
            """;
    private static final String VS1 = "[10.10.10.1]:tcp:80";
    private static final String VS2 = "[10.10.10.2]:tcp:80";
    private static final String VS3 = "[10.10.10.3]:tcp:80";

    @TempDir
    Path dir;

    private final CheckerEventLoop loop = CheckerEventLoop.start();
    private final RecordingEffects effects = new RecordingEffects();
    private final Map<String, CheckerVerdicts> verdicts = new HashMap<>();
    private final Map<String, CheckerTarget> targets = new HashMap<>();

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private final CheckerFactory recorded = (target, sink) -> {
        String key = target.virtualServer().location().line() + " " + target.realServer().endpoint().port();
        verdicts.put(key, sink);
        targets.put(key, target);
        return new RunningChecker() {
            @Override
            public void start() {
            }

            @Override
            public void stop() {
            }
        };
    };

    /** A verdict for the checker of real server 127.0.0.1:{@code port} of the virtual server on {@code line}. */
    private void verdict(int line, int port, boolean up) {
        String key = line + " " + port;
        loop.group().next().submit(() -> verdicts.get(key).stateChanged(targets.get(key), up)).syncUninterruptibly();
    }

    @Test
    void thePoolsLogWhatKeepalivedLoggedInTheVm() throws IOException {
        LvsConfig lvs = PoolConfigs.load(dir, CONFIG);
        CheckerService service = new CheckerService(lvs, recorded, effects, loop);
        service.start();
        int vs1 = 1;
        int vs2 = 22;
        int vs3 = 36;
        verdict(vs2, 8001, true);
        verdict(vs2, 8001, false);
        verdict(vs3, 8001, false);
        verdict(vs1, 8001, false);
        verdict(vs3, 8002, false);
        verdict(vs1, 8002, false);
        loop.group().next().submit(() -> verdicts.get(vs3 + " 8004").weightChanged(targets.get(vs3 + " 8004"), 5))
                .syncUninterruptibly();
        verdict(vs2, 8001, true);
        verdict(vs3, 8001, true);
        verdict(vs1, 8001, true);
        verdict(vs3, 8002, true);
        verdict(vs1, 8002, true);
        service.stop(true);

        assertEquals(List.of(
                "Gained quorum 2+0=2 <= 3 for VS " + VS1,
                "Starting with quorum down 1-0=1 > 0 for VS " + VS2,
                "Enabling sorry server [127.0.0.9]:tcp:8009 to VS " + VS2,
                "Removing alive servers from the pool for VS " + VS2,
                "Gained quorum 3+1=4 <= 5 for VS " + VS3,
                "Activating healthchecker for service [127.0.0.1]:tcp:8001 for VS " + VS1,
                "Activating healthchecker for service [127.0.0.1]:tcp:8002 for VS " + VS1,
                "Activating healthchecker for service [127.0.0.1]:tcp:8003 for VS " + VS1,
                "Activating healthchecker for service [127.0.0.1]:tcp:8001 for VS " + VS2,
                "Activating healthchecker for service [127.0.0.1]:tcp:8001 for VS " + VS3,
                "Activating healthchecker for service [127.0.0.1]:tcp:8002 for VS " + VS3,
                "Activating healthchecker for service [127.0.0.1]:tcp:8003 for VS " + VS3,
                "Activating healthchecker for service [127.0.0.1]:tcp:8004 for VS " + VS3,
                "Activating BFD healthchecker",
                "Adding service [127.0.0.1]:tcp:8001 to VS " + VS2,
                "Gained quorum 1+0=1 <= 1 for VS " + VS2,
                "Disabling sorry server [127.0.0.9]:tcp:8009 from VS " + VS2,
                "Adding alive servers to the pool for VS " + VS2,
                "Removing service [127.0.0.1]:tcp:8001 from VS " + VS2,
                "Lost quorum 1-0=1 > 0 for VS " + VS2,
                "Enabling sorry server [127.0.0.9]:tcp:8009 to VS " + VS2,
                "Removing alive servers from the pool for VS " + VS2,
                "Removing service [127.0.0.1]:tcp:8001 from VS " + VS3,
                "Removing service [127.0.0.1]:tcp:8001 from VS " + VS1,
                "Removing service [127.0.0.1]:tcp:8002 from VS " + VS3,
                "Disabling service [127.0.0.1]:tcp:8002 of VS " + VS1,
                "Lost quorum 2-0=2 > 1 for VS " + VS1,
                "Adding sorry server [127.0.0.9]:tcp:8009 to VS " + VS1,
                "Removing alive servers from the pool for VS " + VS1,
                "Changing weight from 2 to 5 for active service [127.0.0.1]:tcp:8004 of VS " + VS3,
                "Adding service [127.0.0.1]:tcp:8001 to VS " + VS2,
                "Gained quorum 1+0=1 <= 1 for VS " + VS2,
                "Disabling sorry server [127.0.0.9]:tcp:8009 from VS " + VS2,
                "Adding alive servers to the pool for VS " + VS2,
                "Adding service [127.0.0.1]:tcp:8001 to VS " + VS3,
                "Adding service [127.0.0.1]:tcp:8001 to VS " + VS1,
                "Gained quorum 2+0=2 <= 2 for VS " + VS1,
                "Removing sorry server [127.0.0.9]:tcp:8009 from VS " + VS1,
                "Adding alive servers to the pool for VS " + VS1,
                "Adding service [127.0.0.1]:tcp:8002 to VS " + VS3,
                "Enabling service [127.0.0.1]:tcp:8002 of VS " + VS1,
                "Shutting down service [127.0.0.1]:tcp:8001 from VS " + VS1,
                "Shutting down service [127.0.0.1]:tcp:8002 from VS " + VS1,
                "Shutting down service [127.0.0.1]:tcp:8003 from VS " + VS1,
                "Shutting down service [127.0.0.1]:tcp:8001 from VS " + VS2,
                "Shutting down service [127.0.0.1]:tcp:8001 from VS " + VS3,
                "Shutting down service [127.0.0.1]:tcp:8002 from VS " + VS3,
                "Shutting down service [127.0.0.1]:tcp:8003 from VS " + VS3,
                "Shutting down service [127.0.0.1]:tcp:8004 from VS " + VS3), effects.logLines());
    }
}
