package org.jkeepalived.config.global;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.vrrp.VrrpModelBuilder;
import org.junit.jupiter.api.Test;

/** {@code lvs_sync_daemon} and the deprecated {@code lvs_sync_daemon_interface}, as keepalived 2.2.7 reads them. */
class LvsSyncDaemonTest {
    private static final String INSTANCE = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                %s
                virtual_ipaddress {
                    10.0.0.1
                }
            }
            """;

    private final BuildContext ctx = context(TestHost.withInterfaces("eth0", "eth1"));

    private Optional<GlobalDefs.LvsSyncDaemon> global(String words) {
        return GlobalDefsBuilder.build(tree("global_defs {\n    lvs_sync_daemon " + words + "\n}\n"), ctx).lvs()
                .syncDaemon();
    }

    private static Optional<GlobalDefs.LvsSyncDaemon> afterVrrp(String text, BuildContext context) {
        ConfigNode root = tree(text);
        return VrrpModelBuilder.buildWithGlobals(root, GlobalDefsBuilder.build(root, context), context).global().lvs()
                .syncDaemon();
    }

    @Test
    void everyOptionIsTyped() throws Exception {
        assertEquals(Optional.of(new GlobalDefs.LvsSyncDaemon("eth1", Optional.of("VI_1"), OptionalInt.of(3),
                OptionalInt.of(1400), OptionalInt.of(8848), OptionalInt.of(2),
                Optional.of(InetAddress.getByName("239.1.2.3")))),
                global("eth1 inst VI_1 id 3 maxlen 1400 port 8848 ttl 2 group 239.1.2.3/24"));
        assertEquals(List.of(), rendered(ctx));
    }

    @Test
    void badValuesAreReportedInKeepalivedsWordsAndLeftUnset() {
        GlobalDefs.LvsSyncDaemon daemon = global("eth1 id 256 maxlen 0 port 65536 ttl x group 10.0.0.1 extra")
                .orElseThrow();

        assertEquals(List.of(
                "(k.conf: Line 2) number '256' outside range [0, 255]",
                "(k.conf: Line 2) Invalid syncid (256) - defaulting to vrid",
                "(k.conf: Line 2) number '0' outside range [1, 65507]",
                "(k.conf: Line 2) Invalid lvs_sync_daemon maxlen (0) - ignoring",
                "(k.conf: Line 2) number '65536' outside range [1, 65535]",
                "(k.conf: Line 2) Invalid lvs_sync_daemon port (65536) - ignoring",
                "(k.conf: Line 2) invalid number 'x'",
                "(k.conf: Line 2) Invalid lvs_sync_daemon ttl (x) - ignoring",
                "(k.conf: Line 2) lvs_sync_daemon group address 10.0.0.1 is not multicast - ignoring",
                "(k.conf: Line 2) Unknown option extra specified for lvs_sync_daemon"), rendered(ctx));
        assertEquals(new GlobalDefs.LvsSyncDaemon("eth1", Optional.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()), daemon);
    }

    @Test
    void optionsWithoutTheirValueAndAnUnparsableGroupAreReported() {
        global("eth1 group bogus id");

        assertEquals(List.of("(k.conf: Line 2) Invalid lvs_sync_daemon group (bogus) - ignoring",
                "(k.conf: Line 2) No value specified for lvs_sync_daemon id, defaulting to vrid"), rendered(ctx));
    }

    @Test
    void theOldFormNamesTheInstanceThenTheSyncIdWithAHint() {
        GlobalDefs.LvsSyncDaemon daemon = global("eth1 VI_1 7").orElseThrow();

        assertEquals(Optional.of("VI_1"), daemon.vrrpInstance());
        assertEquals(OptionalInt.of(7), daemon.syncId());
        assertEquals(List.of("(k.conf: Line 2) Please use keyword \"id\" before lvs_sync_daemon SYNCID"),
                rendered(ctx));
    }

    @Test
    void theFirstSettingStaysAndAnInterfaceIsRequiredAndMustFitIpvs() {
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    lvs_sync_daemon
                    lvs_sync_daemon abcdefghijklmnop
                    lvs_sync_daemon eth0
                    lvs_sync_daemon eth1 VI_1
                    lvs_sync_daemon eth0 inst VI_1 inst VI_2
                }
                """), ctx);

        assertEquals("eth0", global.lvs().syncDaemon().orElseThrow().interfaceName());
        assertEquals(List.of("(k.conf: Line 2) lvs_sync_daemon requires interface",
                "(k.conf: Line 3) lvs_sync_daemon interface name 'abcdefghijklmnop' too long - ignoring",
                "(k.conf: Line 5) lvs_sync_daemon has already been specified as eth0  - ignoring",
                "(k.conf: Line 6) lvs_sync_daemon has already been specified as eth0  - ignoring"), rendered(ctx));
    }

    @Test
    void aSecondInstanceIsIgnoredButAnInstanceWithoutItsNameEndsTheParse() {
        global("eth1 inst VI_1 inst VI_2");
        assertEquals(List.of("(k.conf: Line 2) lvs_sync_daemon vrrp instance has already been specified as VI_1"
                + " - ignoring"), rendered(ctx));

        ConfigAbort abort = assertThrows(ConfigAbort.class, () -> global("eth1 inst"));
        assertEquals(2, abort.exitStatus());
    }

    @Test
    void theInstancesVridIsTheSyncIdByDefault() {
        GlobalDefs.LvsSyncDaemon daemon = afterVrrp("global_defs {\n    lvs_sync_daemon eth1 inst VI_1\n}\n"
                + INSTANCE.formatted(""), ctx).orElseThrow();

        assertEquals(OptionalInt.of(51), daemon.syncId());
    }

    @Test
    void aMissingInstanceClearsTheSettingAndIsReportedOnlyOutsideAConfigTest() {
        String text = "global_defs {\n    lvs_sync_daemon eth1 inst VI_X\n}\n" + INSTANCE.formatted("");
        assertTrue(afterVrrp(text, ctx).isEmpty());
        assertEquals(List.of(), rendered(ctx));

        BuildContext running = new BuildContext(new Diagnostics(), TestHost.withInterfaces("eth0", "eth1"), false);
        assertTrue(afterVrrp(text, running).isEmpty());
        assertEquals(List.of("Unable to find vrrp instance VI_X for lvs_syncd - clearing lvs_syncd config"),
                rendered(running));
    }

    @Test
    void theDeprecatedInstanceKeywordSetsTheGlobalDaemonWithSyncIdZero() {
        GlobalDefs.LvsSyncDaemon daemon = afterVrrp(INSTANCE.formatted("lvs_sync_daemon_interface eth1"), ctx)
                .orElseThrow();

        assertEquals(new GlobalDefs.LvsSyncDaemon("eth1", Optional.of("VI_1"), OptionalInt.of(0), OptionalInt.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()), daemon);
        assertEquals(List.of(
                "(k.conf: Line 4) (VI_1) Specifying lvs_sync_daemon_interface against a vrrp is deprecated.",
                "(k.conf: Line 4)         Please use global lvs_sync_daemon"), rendered(ctx));
    }

    @Test
    void theDeprecatedKeywordGivesWayToTheGlobalOneWhereverItIs() {
        GlobalDefs.LvsSyncDaemon daemon = afterVrrp(INSTANCE.formatted("lvs_sync_daemon_interface eth1")
                + "global_defs {\n    lvs_sync_daemon eth0\n}\n", ctx).orElseThrow();

        assertEquals("eth0", daemon.interfaceName());
        assertEquals("(k.conf: Line 4) (VI_1) lvs_sync_daemon_interface has already been specified as eth0"
                + " - ignoring", rendered(ctx).get(2));
    }

    @Test
    void theDeprecationHintIsPaddedByTheInstanceNameLessTwoAndAMissingInterfaceEndsTheParse() {
        ConfigAbort abort = assertThrows(ConfigAbort.class, () -> afterVrrp("""
                vrrp_instance X {
                    interface eth0
                    virtual_router_id 51
                    lvs_sync_daemon_interface
                }
                """, ctx));

        assertEquals(2, abort.exitStatus());
        assertEquals("(k.conf: Line 4)        Please use global lvs_sync_daemon", rendered(ctx).get(1));
    }
}
