package org.jkeepalived.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reload edits in place, a sorry server that is also a real server, and lvs_flush_on_stop, on the in-memory table. */
class IpvsReconcilerReloadTest {

    private static final String GROUP_BEFORE = """
            virtual_server_group web {
                10.0.0.1-2 80
                fwmark 9
            }
            virtual_server group web {
                lb_algo rr
                lb_kind DR
                protocol TCP
                real_server 192.168.1.10 80 {
                    weight 3
                }
                real_server 192.168.1.11 80 {
                    weight 4
                }
            }
            """;

    @TempDir
    Path dir;

    private final TableKernel kernel = new TableKernel();

    @Test
    void aChangedSchedulerIsAnEditOfEveryServiceAndTheDestinationsStay() throws IOException {
        LvsConfig before = load(GROUP_BEFORE);
        IpvsReconciler reconciler = installed(before);

        LvsConfig after = load(GROUP_BEFORE.replace("lb_algo rr", "lb_algo wlc"));
        reconciler.useConfig(after);
        assertTrue(reconciler.editVirtualServer(after.virtualServers().get(0)));

        assertEquals(List.of(
                "10.0.0.1:tcp:80 wlc flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "  -> 192.168.1.11:80 fwd 3 weight 4",
                "10.0.0.2:tcp:80 wlc flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "  -> 192.168.1.11:80 fwd 3 weight 4",
                "Fwm 9 wlc flags 0", "  -> 192.168.1.10:0 fwd 3 weight 3", "  -> 192.168.1.11:0 fwd 3 weight 4"),
                kernel.table());
    }

    @Test
    void groupEntriesGoneAreDeletedAndNewOnesGetThePoolAtItsWeights() throws IOException {
        LvsConfig before = load(GROUP_BEFORE);
        IpvsReconciler reconciler = installed(before);
        VirtualServer old = before.virtualServers().get(0);
        reconciler.setRealServerWeight(old, old.realServers().get(1), 9);

        LvsConfig after = load(GROUP_BEFORE.replace("10.0.0.1-2 80", "10.0.0.2-3 80"));
        reconciler.useConfig(after);
        assertTrue(reconciler.editVirtualServer(after.virtualServers().get(0)));

        assertEquals(List.of(
                "10.0.0.2:tcp:80 rr flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "  -> 192.168.1.11:80 fwd 3 weight 9",
                "Fwm 9 rr flags 0", "  -> 192.168.1.10:0 fwd 3 weight 3", "  -> 192.168.1.11:0 fwd 3 weight 9",
                "10.0.0.3:tcp:80 rr flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "  -> 192.168.1.11:80 fwd 3 weight 9"), kernel.table());
    }

    @Test
    void aSorryServerThatIsARealServerSharesItsDestinationAndIsNotRemovedTwice() throws IOException {
        LvsConfig config = load("""
                virtual_server 10.2.0.1 80 {
                    lb_kind NAT
                    protocol TCP
                    quorum 2
                    sorry_server 192.168.5.1 8080
                    sorry_server_inhibit
                    real_server 192.168.5.1 8080 {
                        weight 1
                        inhibit_on_failure
                    }
                    real_server 192.168.5.2 8080 {
                        weight 1
                        inhibit_on_failure
                    }
                }
                """);
        VirtualServer vs = config.virtualServers().get(0);
        IpvsReconciler reconciler = new IpvsReconciler(kernel, config);
        reconciler.installVirtualServer(vs);
        reconciler.addRealServer(vs, vs.realServers().get(0), 1);
        reconciler.addRealServer(vs, vs.realServers().get(1), 1);
        assertTrue(reconciler.addSorryServer(vs, false), "at start it only takes its place");
        assertTrue(reconciler.isSorryServerSet(vs));

        reconciler.removeRealServer(vs, vs.realServers().get(1));
        reconciler.removeRealServer(vs, vs.realServers().get(0));
        reconciler.addSorryServer(vs, true);
        assertEquals(List.of("10.2.0.1:tcp:80 wlc flags 0", "  -> 192.168.5.1:8080 fwd 0 weight 1",
                "  -> 192.168.5.2:8080 fwd 0 weight 0"), kernel.table(), "quorum lost: the sorry weight");

        assertTrue(reconciler.removeAll());
        assertEquals(List.of(), kernel.table());
    }

    @Test
    void flushOnStopVsDeletesOurServicesAloneAndFullFlushesEverything() throws IOException {
        LvsConfig config = load(GROUP_BEFORE);
        IpvsReconciler reconciler = installed(config);
        assertTrue(reconciler.removeAll(LvsGlobals.FlushOnStop.VIRTUAL_SERVERS));
        assertEquals(List.of(), kernel.table());

        IpvsReconciler again = installed(config);
        assertTrue(again.removeAll(LvsGlobals.FlushOnStop.FULL));
        assertEquals(List.of(), kernel.table());
    }

    private IpvsReconciler installed(LvsConfig config) {
        IpvsReconciler reconciler = new IpvsReconciler(kernel, config);
        for (VirtualServer vs : config.virtualServers()) {
            reconciler.installVirtualServer(vs);
            vs.realServers().forEach(server -> reconciler.addRealServer(vs, server, server.weight()));
        }
        return reconciler;
    }

    private LvsConfig load(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), text);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, true,
                new LiveHost(Path.of("/")), new Random(0))).config().orElseThrow().lvs();
    }
}
