package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

class VrrpModelBuilderTest {
    private static final TestHost HOST = TestHost.withInterfaces("eth0", "eth1");

    private static VrrpConfig build(String text, BuildContext ctx) {
        ConfigNode root = tree(text);
        GlobalDefs global = GlobalDefsBuilder.build(root, ctx);
        return VrrpModelBuilder.build(root, global, ctx);
    }

    @Test
    void aMasterWithoutPriorityOwnsTheAddressesAndDefaultsApply() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.168.1.10/24 dev eth0 label eth0:1
                    }
                }
                """, ctx);
        VrrpInstance vi = config.instances().get("VI_1");
        assertEquals(255, vi.priority());
        assertEquals(1_000_000L, vi.advertIntervalMicros());
        assertEquals(2, vi.version());
        assertEquals(24, vi.virtualAddresses().get(0).prefixLength());
        assertEquals("eth0:1", vi.virtualAddresses().get(0).label().orElseThrow());
        assertEquals(List.of(), rendered(ctx));
    }

    @Test
    void aMissingInterfaceStopsTheVrrpChecksWithBadIf() {
        BuildContext ctx = context(HOST);
        build("""
                vrrp_instance VI_1 {
                    interface vmbr0
                    virtual_router_id 51
                    authentication {
                        auth_type PASS
                        auth_pass mysecurepassword
                    }
                }
                """, ctx);
        assertEquals(List.of(
                "(k.conf: Line 2) WARNING - interface vmbr0 for vrrp_instance VI_1 doesn't exist",
                "(k.conf: Line 6) Truncating auth_pass to 8 characters",
                "Non-existent interface specified in configuration"), rendered(ctx));
        assertEquals(5, ctx.diagnostics().worst().configTestExitStatus());
    }

    @Test
    void unknownStateNopreemptMasterAndMalformedAddressesAreReportedInKeepalivedsOrder() {
        BuildContext ctx = context(HOST);
        build("""
                vrrp_instance VI_1 {
                    state SLAVE
                    state MASTER
                    nopreempt
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    virtual_ipaddress {
                        192.168.x.x/32
                        10.0.0.1
                    }
                    unicast_peer {
                        XX.XX.XX.116
                    }
                }
                """, ctx);
        assertEquals(List.of(
                "(k.conf: Line 2) (VI_1) unknown state 'SLAVE', defaulting to BACKUP",
                "(k.conf: Line 9) VRRP parsed invalid IP 192.168.x.x/32. skipping IP...",
                "(k.conf: Line 13) Configuration error: VRRP instance[VI_1] malformed unicast peer "
                        + "address[XX.XX.XX.116]. Skipping...",
                "(VI_1) A unicast keyword has been specified without any unicast peers. Defaulting to multicast. "
                        + "This usage is deprecated - please update your configuration.",
                "(VI_1) Warning - nopreempt will not work with initial state MASTER - clearing"), rendered(ctx));
    }

    @Test
    void noVipIsReportedTwiceAndVersion3DropsAuthentication() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    authentication {
                        auth_type PASS
                        auth_pass secret
                    }
                    version 3
                    virtual_ipaddress {
                        10.0.0.1
                    }
                    track_interface {
                        eth0
                        eth1 weight 10
                    }
                }
                vrrp_instance VI_2 {
                    interface eth1
                    virtual_router_id 52
                }
                """, ctx);
        assertEquals(List.of(
                "(VI_1) VRRP version 3 does not support authentication. Ignoring.",
                "(VI_1) Ignoring track_interface eth0 since own interface",
                "(VI_2) No VIP specified; at least one is sensible",
                "(VI_2) No VIP specified; at least one is sensible"), rendered(ctx));
        assertEquals(List.of(new Tracked("eth1", 10, false)), config.instances().get("VI_1").tracking().interfaces());
        assertEquals(Severity.WARNING, ctx.diagnostics().list().get(3).severity());
    }

    @Test
    void aTrackScriptMustBeDefinedBeforeTheInstanceThatTracksIt() {
        BuildContext ctx = context(HOST);
        build("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        10.0.0.1
                    }
                    track_script {
                        chk_later
                    }
                }
                """, ctx);
        assertEquals(List.of("(k.conf: Line 8) (VI_1) track script chk_later not found, ignoring..."),
                rendered(ctx));
    }

    @Test
    void aVrrpv2AdvertIntervalIsRoundedToWholeSeconds() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    advert_int 1.5
                    virtual_ipaddress {
                        10.0.0.1
                    }
                }
                """, ctx);
        assertEquals(2_000_000L, config.instances().get("VI_1").advertIntervalMicros());
        assertEquals(List.of("(VI_1) VRRPv2 advertisement interval 1.500000s must be an integer. rounding"),
                rendered(ctx));
    }

    @Test
    void syncGroupMembersMustExist() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_9
                    }
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        10.0.0.1
                    }
                }
                """, ctx);
        assertEquals(List.of("Virtual router VI_9 specified in sync group G1 doesn't exist - ignoring"),
                rendered(ctx));
        assertEquals(List.of("VI_1"), config.syncGroups().get("G1").members());
    }

    @Test
    void aVirtualRouterIdIsRequired() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 256
                }
                """, ctx);
        assertEquals(List.of("(k.conf: Line 3) number '256' outside range [1, 255]",
                "(k.conf: Line 3) (VI_1): VRID '256' not valid - must be between 1 & 255",
                "(VI_1) the virtual router id must be set"), rendered(ctx));
        assertTrue(config.instances().isEmpty());
    }
    @Test
    void unicastTtlAndTheSyncGroupsNotifyPriorityChangesAreActedOnWithKeepalivedsMessages() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    unicast_ttl 300
                    unicast_peer {
                        10.0.0.2
                    }
                    virtual_ipaddress {
                        10.1.1.1/24
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    unicast_ttl 5
                    unicast_peer {
                        10.0.0.2
                    }
                    virtual_ipaddress {
                        10.1.1.2/24
                    }
                }
                vrrp_instance VI_3 {
                    interface eth0
                    virtual_router_id 53
                    unicast_ttl 5
                    virtual_ipaddress {
                        10.1.1.3/24
                    }
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                    notify_priority_changes maybe
                    notify_priority_changes false
                }
                """, ctx);
        assertEquals(List.of(
                "(k.conf: Line 4) number '300' outside range [0, 255]",
                "(k.conf: Line 4) (VI_1): TTL '300' not valid - must be between 0 & 255",
                "(k.conf: Line 23) (VI_3): Cannot use unicast_ttl without unicast peers - resetting",
                "(k.conf: Line 36) (G1) Invalid value 'maybe' for sync group notify_priority_changes specified"),
                rendered(ctx));
        assertTrue(config.instances().get("VI_1").unicastTtl().isEmpty());
        assertEquals(5, config.instances().get("VI_2").unicastTtl().getAsInt());
        assertTrue(config.instances().get("VI_3").unicastTtl().isEmpty());
        assertEquals(java.util.Optional.of(false), config.syncGroups().get("G1").notifyPriorityChanges());
        assertEquals(List.of(), ctx.notActedOn());
    }
}
