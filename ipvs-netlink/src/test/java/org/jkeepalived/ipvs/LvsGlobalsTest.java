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
import java.util.OptionalInt;
import java.util.Random;

import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.ipvs.codec.IpvsDaemon;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPVS global_defs keywords, and the sync daemons and timeouts they drive, on the in-memory table. */
class LvsGlobalsTest {

    @TempDir
    Path dir;

    private final TableKernel kernel = new TableKernel();

    @Test
    void withoutTheKeywordsNothingIsFlushedOrSet() throws IOException {
        assertEquals(new LvsGlobals(false, LvsGlobals.FlushOnStop.NONE, new IpvsTimeouts(0, 0, 0), Optional.empty()),
                globals(""));
    }

    @Test
    void theKeywordsAreReadAsKeepalivedReadsThem() throws IOException {
        LvsGlobals globals = globals("""
                    lvs_flush
                    lvs_flush_on_stop VS
                    lvs_timeouts tcp 7200 udp 60 tcpfin 9999999999
                    lvs_sync_daemon eth1 inst VI_1 maxlen 1400 port 8848 ttl 2 group 239.1.2.3
                """);

        assertTrue(globals.flushAtStart());
        assertEquals(LvsGlobals.FlushOnStop.VIRTUAL_SERVERS, globals.flushOnStop());
        assertEquals(new IpvsTimeouts(7200, 0, 60), globals.timeouts(), "tcpfin beyond 31 days is refused");
        assertEquals(new GlobalDefs.LvsSyncDaemon("eth1", Optional.of("VI_1"), OptionalInt.of(51),
                OptionalInt.of(1400), OptionalInt.of(8848), OptionalInt.of(2), Optional.of(InetAddress.getByName("239.1.2.3"))),
                globals.syncDaemon().orElseThrow());
        assertEquals(LvsGlobals.FlushOnStop.FULL, globals("    lvs_flush_onstop\n").flushOnStop());
    }

    @Test
    void theOldSyncDaemonFormNamesTheInstanceThenTheSyncId() throws IOException {
        GlobalDefs.LvsSyncDaemon old = globals("    lvs_sync_daemon eth1 VI_1 7\n").syncDaemon().orElseThrow();

        assertEquals(Optional.of("VI_1"), old.vrrpInstance());
        assertEquals(OptionalInt.of(7), old.syncId());
    }

    @Test
    void withoutAnInstanceTheCheckersStartMasterAndBackupWithSyncIdZeroAndStopBothQuietly() throws IOException {
        IpvsSyncDaemons daemons = new IpvsSyncDaemons(kernel, globals("    lvs_sync_daemon eth1\n").syncDaemon()
                .orElseThrow());

        assertFalse(daemons.followsVrrpInstance());
        assertTrue(daemons.startBoth());
        assertEquals(List.of(IpvsDaemon.IP_VS_STATE_MASTER, IpvsDaemon.IP_VS_STATE_BACKUP),
                List.copyOf(kernel.daemons().keySet()).stream().sorted().toList());
        assertEquals(0, kernel.daemons().get(IpvsDaemon.IP_VS_STATE_MASTER).syncId());
        daemons.stopBoth();
        daemons.stopBoth();
        assertEquals(List.of("stop 1", "stop 2", "start 1 id 0", "start 2 id 0", "stop 1", "stop 2", "stop 1",
                "stop 2"), kernel.daemonCommands());
    }

    @Test
    void anInstanceSwitchesTheDaemonWithItsStateUnderItsVrid() throws IOException {
        IpvsSyncDaemons daemons = new IpvsSyncDaemons(kernel, globals("    lvs_sync_daemon eth1 inst VI_1\n")
                .syncDaemon().orElseThrow());

        assertTrue(daemons.followsVrrpInstance());
        assertFalse(daemons.becomeMaster(), "no backup daemon to stop yet: keepalived logs the refusal");
        assertEquals(51, kernel.daemons().get(IpvsDaemon.IP_VS_STATE_MASTER).syncId());
        assertTrue(daemons.leaveMaster());
        assertEquals(List.of(IpvsDaemon.IP_VS_STATE_BACKUP), List.copyOf(kernel.daemons().keySet()));
        assertTrue(daemons.stop(false));
        assertEquals(List.of(), List.copyOf(kernel.daemons().keySet()));
    }

    @Test
    void vrrpStartingRunsTheBackupDaemonSoBecomingMasterSwapsItWithoutARefusal() throws IOException {
        IpvsSyncDaemons daemons = new IpvsSyncDaemons(kernel, globals("    lvs_sync_daemon eth1 inst VI_1\n")
                .syncDaemon().orElseThrow());

        assertTrue(daemons.startFor(false));
        assertTrue(daemons.becomeMaster());
        assertTrue(daemons.stop(true));
        assertEquals(List.of("start 2 id 51", "stop 2", "start 1 id 51", "stop 1"), kernel.daemonCommands());
    }

    @Test
    void syncDaemonsDifferWhenTheirSyncIdOrOptionsDifferAsKeepalivedComparesThemOnReload() throws IOException {
        GlobalDefs.LvsSyncDaemon settings = globals("    lvs_sync_daemon eth1 inst VI_1 maxlen 1400\n").syncDaemon()
                .orElseThrow();
        IpvsSyncDaemons daemons = new IpvsSyncDaemons(kernel, settings);

        assertTrue(daemons.sameSettings(new IpvsSyncDaemons(kernel, settings)));
        assertFalse(daemons.sameSettings(new IpvsSyncDaemons(kernel, settings.withSyncId(52))));
        assertFalse(daemons.sameSettings(new IpvsSyncDaemons(kernel, globals("    lvs_sync_daemon eth1 inst VI_1\n")
                .syncDaemon().orElseThrow())));
    }

    @Test
    void timeoutsLeftOutKeepTheKernelsOwnWhichComeBackOnStop() {
        IpvsConnectionTimeouts timeouts = new IpvsConnectionTimeouts(kernel);

        assertTrue(timeouts.apply(new IpvsTimeouts(0, 0, 0), false));
        assertTrue(timeouts.apply(new IpvsTimeouts(7200, 0, 60), false));
        assertEquals(new IpvsTimeouts(7200, 120, 60), kernel.timeouts());
        assertTrue(timeouts.apply(new IpvsTimeouts(0, 30, 0), true));
        assertEquals(new IpvsTimeouts(900, 30, 300), kernel.timeouts(), "the kernel's own where left out");
        timeouts.restore();
        assertEquals(new IpvsTimeouts(900, 120, 300), kernel.timeouts());
    }

    private LvsGlobals globals(String globalDefs) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n" + globalDefs + "}\n"
                + "vrrp_instance VI_1 {\n    interface lo\n    virtual_router_id 51\n    priority 100\n}\n");
        return LvsGlobals.of(ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, true,
                new LiveHost(Path.of("/")), new Random(0))).config().orElseThrow());
    }
}
