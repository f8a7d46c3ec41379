package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

/**
 * The tracker blocks and their references; the expected lines are keepalived 2.2.7's {@code -t} output for the same
 * config, except that messages keepalived gives at a block's closing brace are at its opening line here.
 */
class TrackersTest {
    private static final TestHost HOST = TestHost.withInterfaces("eth0", "eth1");
    private static final String INSTANCE_HEAD = """
            vrrp_instance VI_1 {
                interface eth0
                virtual_router_id 51
                virtual_ipaddress {
                    10.0.0.100
                }
            """;

    private record Built(VrrpConfig config, List<String> errors, BuildContext ctx) {
    }

    private static Built build(String text) {
        BuildContext ctx = context(HOST);
        ConfigNode root = tree(text);
        VrrpConfig config = VrrpModelBuilder.build(root, GlobalDefsBuilder.build(root, ctx), ctx);
        List<String> errors = ctx.diagnostics().list().stream().filter(d -> d.severity() != Severity.OK)
                .map(Diagnostic::render).toList();
        return new Built(config, errors, ctx);
    }

    @Test
    void trackFileHandlersReportAsKeepalivedAndABlockWithoutFileIsDropped() {
        Built built = build("""
                vrrp_track_file tf1 {
                    file /run/tf1
                    weight 300
                    weight 5 backwards
                    init_file 999 overwrite sometimes
                }
                track_file tf2 {
                    weight 2
                }
                """);
        assertEquals(List.of("(k.conf: Line 3) number '300' outside range [-254, 254]",
                "(k.conf: Line 3) Weight (300) for track_file tf1 must be between [-254..254] inclusive. Ignoring...",
                "(k.conf: Line 4) track_file tf1 unknown weight option backwards",
                "(k.conf: Line 5) Track file tf1 init value 999 is outside sensible range [-254, 254]",
                "(k.conf: Line 5) Unknown track file init option sometimes",
                "(k.conf: Line 7) No file set for track_file tf2 - ignoring"), built.errors());
        assertEquals(new TrackFile("tf1", "/run/tf1", 5, false, Optional.of(new TrackFile.Init(999, true))),
                built.config().trackFiles().get("tf1"));
        assertEquals(List.of("tf1"), List.copyOf(built.config().trackFiles().keySet()));
        assertEquals("(k.conf: Line 1) \"vrrp_track_file\" is deprecated, please use \"track_file\"",
                built.ctx().diagnostics().list().get(0).render());
    }

    @Test
    void trackProcessHandlersCheckQuorumsDelaysAndWeights() {
        Built built = build("""
                vrrp_track_process proc1 {
                    process /usr/sbin/sshd -D
                    param_match sometimes
                    weight -10 reverse
                    weight 3
                    quorum 0
                    quorum_max 2
                    quorum 3
                    terminate_delay 4000
                    fork_delay 0.5
                }
                vrrp_track_process proc2 {
                    quorum 2
                }
                """);
        assertEquals(List.of("(k.conf: Line 3) Invalid param_match type sometimes - ignoring",
                "(k.conf: Line 5) Weight already set for track process proc1 - ignoring 3",
                "(k.conf: Line 6) number '0' outside range [1, 65535]",
                "(k.conf: Line 6) Quorum (0) for vrrp_track_process proc1 must be between [1..65535] inclusive."
                        + " Ignoring...",
                "(k.conf: Line 8) Quorum is greater than quorum_max - ignoring",
                "(k.conf: Line 9) number '4000' outside range [0.000001, 3600.000000]",
                "(k.conf: Line 9) terminate_delay (4000) for vrrp_track_process proc1 must be between"
                        + " [0.000001..3600] inclusive. Ignoring...",
                "(k.conf: Line 12) track process 'proc2' process name not specified"), built.errors());
        TrackedProcess proc = built.config().trackers().processes().get("proc1");
        assertEquals(new TrackedProcess("proc1", "/usr/sbin/sshd", List.of("-D"), TrackedProcess.ParamMatch.EXACT,
                -10, true, 1, 2, 0, 500_000, true), proc);
        assertFalse(built.config().trackers().processes().containsKey("proc2"));
    }

    @Test
    void bfdInstancesAreCheckedAsTheBfdAndVrrpProcessesReadThem() {
        Built built = build("""
                bfd_instance RE_1 {
                    neighbor_ip 10.0.0.9
                    source_ip fe80::1
                    weight 300
                }
                bfd_instance RE_2 {
                    neighbor_ip 10.0.0.9
                    min_rx 0
                    multiplier 300
                }
                bfd_instance RE_3 {
                    neighbor_ip 10.0.0.7
                    ttl 10
                    max_hops 20
                    weight 10 reverse
                }
                bfd_instance RE_3 {
                    neighbor_ip 10.0.0.8
                }
                bfd_instance RE_4 {
                    source_ip 10.0.0.1
                    checker
                }
                """);
        assertEquals(List.of("(k.conf: Line 4) number '300' outside range [-253, 253]",
                "(k.conf: Line 4) Configuration error: BFD instance RE_1 weight value 300 not valid (must be in range"
                        + " [-253-253]), ignoring",
                "(k.conf: Line 1) Configuration error: BFD instance RE_1 source address fe80::1 and neighbor address"
                        + " fe80::1 are not of the same family, disabling instance",
                "(k.conf: Line 8) number '0' outside range [1.000, 4294967.000]",
                "(k.conf: Line 8) Configuration error: BFD instance RE_2 min_rx value 0 is not valid (must be in range"
                        + " [1-4294967]), ignoring",
                "(k.conf: Line 9) number '300' outside range [1, 255]",
                "(k.conf: Line 9) Configuration error: BFD instance RE_2 multiplier value 300 not valid (must be in"
                        + " range [1-255]), ignoring",
                "(k.conf: Line 11) BFD instance RE_3: max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit",
                "(k.conf: Line 17) BFD RE_3 already specified",
                "(k.conf: Line 17) Configuration error: BFD instance RE_3 already configured - ignoring",
                "(k.conf: Line 20) Configuration error: BFD instance RE_4 has no neighbor address set, disabling"
                        + " instance"), built.errors());
        assertEquals(List.of("RE_2", "RE_3"), List.copyOf(built.config().bfdInstances().keySet()));
        BfdInstance re3 = built.config().bfdInstances().get("RE_3");
        assertEquals(10, re3.maxHops());
        assertEquals(10, re3.weight());
        assertTrue(re3.weightReverse() && re3.forVrrp() && re3.forChecker());
        assertEquals(255, built.config().bfdInstances().get("RE_2").ttl());
    }

    @Test
    void garpGroupsTrackGroupsAndInterfaceSettingsFollowKeepalivedsHandlers() {
        Built built = build("""
                garp_group {
                    garp_interval 0.001
                    interface eth0
                }
                garp_group {
                    interfaces {
                        eth0 eth1 nosuch
                    }
                }
                track_group TG {
                    group {
                    }
                }
                track_group TG {
                }
                linkbeat_interfaces {
                    eth0 MII extra
                    eth9
                }
                interface_up_down_delays {
                    eth1 1.5 2
                }
                """);
        assertEquals(List.of("(k.conf: Line 6) garp_group already specified for eth1 - ignoring",
                "(k.conf: Line 6) WARNING - interface nosuch specified for garp_group doesn't exist",
                "(k.conf: Line 5) garp group 1 does not have any delay set - removing",
                "(k.conf: Line 11) Warning - track group TG has empty group block",
                "(k.conf: Line 14) track_group TG already defined",
                "(k.conf: Line 17) extra characters MII in linkbeat interface",
                "(k.conf: Line 18) unknown interface eth9 specified for linkbeat interface",
                "Non-existent interface specified in configuration"), built.errors());
        assertEquals(List.of(new GarpGroup(OptionalLong.of(1000), OptionalLong.empty(), List.of("eth0"), 0)),
                built.config().trackers().garpGroups());
        assertEquals(new InterfaceTiming("eth0", true, Optional.of("MII"), 0, 0),
                built.config().trackers().interfaceTimings().get("eth0"));
        assertEquals(new InterfaceTiming("eth1", false, Optional.empty(), 1_500_000, 2_000_000),
                built.config().trackers().interfaceTimings().get("eth1"));
        assertTrue(built.ctx().diagnostics().list().stream().anyMatch(d -> d.severity() == Severity.FATAL));
    }

    @Test
    void instanceReferencesUseTheTrackersDefaultsAndKeepalivedsMessages() {
        Built built = build("""
                track_file tf1 {
                    file /run/tf1
                    weight 4 reverse
                }
                vrrp_track_process proc1 {
                    process sshd
                }
                bfd_instance RE_1 {
                    neighbor_ip 10.0.0.9
                    weight -7
                }
                """ + INSTANCE_HEAD + """
                    track_file {
                        tf1 weight 10 sideways
                        tf1
                        tf1 weight
                    }
                    track_process {
                        proc1 weight 400 sideways
                        proc1
                        proc2
                    }
                    track_bfd {
                        RE_1 foo
                        RE_9
                        RE_1 weight 5
                    }
                }
                """);
        assertEquals(List.of("(k.conf: Line 19) (VI_1) unknown track file tf1 weight option sideways - ignoring",
                "(k.conf: Line 21) (VI_1) duplicate track_file tf1 - ignoring",
                "(k.conf: Line 24) number '400' outside range [-254, 254]",
                "(k.conf: Line 24) (VI_1) weight for track process proc1 must be in [-254..254] inclusive."
                        + " Ignoring...",
                "(k.conf: Line 24) (VI_1) unknown track_process proc1 weight option sideways - ignoring",
                "(k.conf: Line 25) (VI_1) duplicate track_process proc1 - ignoring",
                "(k.conf: Line 26) (VI_1) track process proc2 not found, ignoring...",
                "(k.conf: Line 29) (VI_1) unknown track bfd RE_1 option foo - ignoring",
                "(k.conf: Line 30) (VI_1) track bfd RE_9 not found, ignoring..."), built.errors());
        Tracking tracking = built.config().instances().get("VI_1").tracking();
        assertEquals(List.of(new Tracked("tf1", 4, true)), tracking.files());
        assertEquals(List.of(new Tracked("proc1", 0, false)), tracking.processes());
        assertEquals(List.of(new Tracked("RE_1", 5, false)), tracking.bfds());
    }
}
