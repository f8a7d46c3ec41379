package org.jkeepalived.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsServiceKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class IpvsReconcilerTest {

    private static final String CONFIG = """
            virtual_server_group web {
                10.0.0.1-3 80
                fwmark 9
            }
            virtual_server group web {
                lb_algo wlc
                lb_kind DR
                protocol TCP
                real_server 192.168.1.10 80 {
                    weight 3
                }
            }
            virtual_server 10.1.0.1 443 {
                lb_algo sh
                sh-port
                lb_kind NAT
                persistence_timeout 600
                persistence_granularity 255.255.255.0
                protocol TCP
                sorry_server 192.168.2.99 8443
                real_server 192.168.2.10 8443 {
                    weight 5
                    inhibit_on_failure
                }
                real_server 192.168.2.11 8443 {
                    weight 7
                }
            }
            virtual_server fwmark 5 {
                lb_algo rr
                lb_kind TUN
                tunnel_type gue
                tunnel_port 6080
                real_server 192.168.3.10 0 {
                }
            }
            """;

    @TempDir
    Path dir;

    private final TableKernel kernel = new TableKernel();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(IpvsReconciler.class);
    private LvsConfig config;
    private IpvsReconciler reconciler;

    @BeforeEach
    void loadTheConfig() throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), CONFIG);
        config = ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, true,
                new LiveHost(Path.of("/")), new Random(0))).config().orElseThrow().lvs();
        reconciler = new IpvsReconciler(kernel, config);
        logger.setLevel(Level.INFO);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detachTheLog() {
        logger.detachAppender(log);
    }

    @Test
    void aGroupBecomesOneServiceForEachAddressOfItsRangeAndOneForItsFwmark() {
        VirtualServer group = config.virtualServers().get(0);

        reconciler.installVirtualServer(group);
        reconciler.addRealServer(group, group.realServers().get(0), 3);

        assertEquals(List.of(
                "10.0.0.1:tcp:80 wlc flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "10.0.0.2:tcp:80 wlc flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "10.0.0.3:tcp:80 wlc flags 0", "  -> 192.168.1.10:80 fwd 3 weight 3",
                "Fwm 9 wlc flags 0", "  -> 192.168.1.10:0 fwd 3 weight 3"), kernel.table());
    }

    @Test
    void persistenceGoesOnTheServiceAndNotOnItsDestinationCommands() {
        VirtualServer persistent = config.virtualServers().get(1);

        IpvsService service = IpvsRules.services(persistent, config, IpvsRules.Purpose.SERVICE).get(0);
        IpvsService forDestinations = IpvsRules.services(persistent, config, IpvsRules.Purpose.DESTINATION).get(0);

        assertEquals(600, service.timeoutSecs());
        assertEquals(0x00ff_ffffL, service.netmask(), "255.255.255.0 as the kernel reads its bytes");
        assertEquals(0x11, service.flags().flags(), "PERSISTENT | SCHED_SH_PORT");
        assertEquals(0, forDestinations.timeoutSecs());
        assertEquals(0x10, forDestinations.flags().flags());
        assertEquals(IpvsService.IPV4_HOST_NETMASK, forDestinations.netmask());
    }

    @Test
    void anInhibitedServerGoesToWeightZeroAndComesBackByEditing() {
        VirtualServer persistent = config.virtualServers().get(1);
        reconciler.installVirtualServer(persistent);
        reconciler.addRealServer(persistent, persistent.realServers().get(0), 5);
        reconciler.addRealServer(persistent, persistent.realServers().get(1), 7);

        reconciler.removeRealServer(persistent, persistent.realServers().get(0));
        reconciler.removeRealServer(persistent, persistent.realServers().get(1));

        assertEquals(List.of("10.1.0.1:tcp:443 sh flags 17 persistent 600",
                "  -> 192.168.2.10:8443 fwd 0 weight 0"), kernel.table());

        reconciler.addRealServer(persistent, persistent.realServers().get(0), 5);
        assertEquals("  -> 192.168.2.10:8443 fwd 0 weight 5", kernel.table().get(1));
        assertEquals(List.of(), log.list);
    }

    @Test
    void theSorryServerAndWeightChangesReachTheKernel() {
        VirtualServer persistent = config.virtualServers().get(1);
        reconciler.installVirtualServer(persistent);

        reconciler.addSorryServer(persistent, true);
        reconciler.addRealServer(persistent, persistent.realServers().get(1), 7);
        reconciler.setRealServerWeight(persistent, persistent.realServers().get(1), 4_000_000_000L);
        reconciler.removeSorryServer(persistent);

        assertEquals(List.of("10.1.0.1:tcp:443 sh flags 17 persistent 600",
                "  -> 192.168.2.11:8443 fwd 0 weight 2147483647"), kernel.table());
    }

    @Test
    void aTunnelledFwmarkServiceTakesPortZeroDestinations() {
        VirtualServer tunnel = config.virtualServers().get(2);
        reconciler.installVirtualServer(tunnel);
        reconciler.addRealServer(tunnel, tunnel.realServers().get(0), 1);

        assertEquals(List.of("Fwm 5 rr flags 0", "  -> 192.168.3.10:0 fwd 2 weight 1"), kernel.table());
    }

    @Test
    void stoppingRemovesOnlyWhatWeInstalled() throws IOException {
        IpvsServiceKey foreign = IpvsServiceKey.ofAddress(IpvsServiceKey.IPPROTO_UDP,
                InetAddress.getByName("10.9.9.9"), 53);
        kernel.addService(IpvsService.of(foreign, "rr", Optional.empty(), 0, 0,
                IpvsService.IPV4_HOST_NETMASK));
        for (VirtualServer virtualServer : config.virtualServers()) {
            reconciler.installVirtualServer(virtualServer);
            virtualServer.realServers().forEach(server -> reconciler.addRealServer(virtualServer, server, 1));
        }

        assertTrue(reconciler.removeAll());

        assertEquals(List.of("10.9.9.9:udp:53 rr flags 0"), kernel.table());
    }

    @Test
    void kernelRefusalsAreLoggedAsKeepalivedLogsThemAndNotThrown() throws IOException {
        VirtualServer persistent = config.virtualServers().get(1);
        kernel.addService(IpvsRules.services(persistent, config, IpvsRules.Purpose.SERVICE).get(0));
        kernel.flush();
        reconciler.installVirtualServer(persistent);
        kernel.flush();

        boolean done = reconciler.addRealServer(persistent, persistent.realServers().get(1), 7);

        assertFalse(done);
        assertEquals(List.of("IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: No such service(3) "
                + "(10.1.0.1:tcp:443 -> 192.168.2.11:8443)"),
                log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void addingAServiceThatIsAlreadyThereIsLoggedAndCountsAsDone() throws IOException {
        VirtualServer persistent = config.virtualServers().get(1);
        kernel.addService(IpvsRules.services(persistent, config, IpvsRules.Purpose.SERVICE).get(0));

        assertTrue(reconciler.installVirtualServer(persistent));

        assertEquals(List.of("IPVS cmd IP_VS_SO_SET_ADD(1154) error: Service already exists(17) "
                + "(10.1.0.1:tcp:443)"), log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void aBatchedStartInstallsTheSameTableAsCommandsSentOneAtATime() {
        TableKernel oneAtATime = new TableKernel();
        IpvsReconciler unbatched = new IpvsReconciler(oneAtATime, config);
        installEverything(unbatched);

        assertTrue(reconciler.inOneBatch(() -> installEverything(reconciler)));

        assertEquals(oneAtATime.table(), kernel.table());
        assertTrue(reconciler.isSet(config.virtualServers().get(1),
                config.virtualServers().get(1).realServers().get(0).endpoint()));
    }

    @Test
    void aRefusalInABatchIsLoggedInKeepalivedsWordsAndTheCommandsAfterItStillApply() {
        VirtualServer group = config.virtualServers().get(0);
        VirtualServer fwmark = config.virtualServers().get(2);

        boolean done = reconciler.inOneBatch(() -> {
            reconciler.addRealServer(group, group.realServers().get(0), 3);
            reconciler.installVirtualServer(fwmark);
            reconciler.addRealServer(fwmark, fwmark.realServers().get(0), 1);
        });

        assertFalse(done);
        assertEquals("IPVS cmd IP_VS_SO_SET_ADDDEST(1159) error: No such service(3) (10.0.0.1:tcp:80 -> "
                + "192.168.1.10:80)", log.list.get(0).getFormattedMessage());
        assertEquals(4, log.list.size(), "one refusal for each of the group's services");
        assertEquals(List.of("Fwm 5 rr flags 0", "  -> 192.168.3.10:0 fwd 2 weight 1"), kernel.table());
    }

    @Test
    void anAlreadyInstalledServiceInABatchCountsAsDoneAsInKeepalived() throws IOException {
        VirtualServer fwmark = config.virtualServers().get(2);
        kernel.addService(IpvsRules.services(fwmark, config, IpvsRules.Purpose.SERVICE).get(0));

        assertTrue(reconciler.inOneBatch(() -> reconciler.installVirtualServer(fwmark)));
        assertEquals("IPVS cmd IP_VS_SO_SET_ADD(1154) error: Service already exists(17) (Fwm 5)",
                log.list.get(0).getFormattedMessage());
    }

    /** What the pools do at start when every real server is up: each virtual server, then its real servers. */
    private void installEverything(IpvsReconciler installer) {
        for (VirtualServer virtualServer : config.virtualServers()) {
            installer.installVirtualServer(virtualServer);
            virtualServer.realServers().forEach(server -> installer.addRealServer(virtualServer, server,
                    server.weight()));
        }
    }
}
