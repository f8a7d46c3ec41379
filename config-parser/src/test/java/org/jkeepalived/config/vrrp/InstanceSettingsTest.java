package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

/** Instance keywords beyond the basics; expected lines are keepalived 2.2.7's {@code -t} output. */
class InstanceSettingsTest {
    private static final TestHost HOST = TestHost.withInterfaces("eth0");

    private static VrrpConfig build(String text, BuildContext ctx) {
        ConfigNode root = tree(text);
        return VrrpModelBuilder.build(root, GlobalDefsBuilder.build(root, ctx), ctx);
    }

    @Test
    void strictModeResetsAdvertAndGarpSettingsWithKeepalivedsMessages() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                global_defs {
                    vrrp_strict
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 100
                    state MASTER
                    use_vmac vrrp51 00:00:5e:00:01:33
                    accept
                    garp_master_repeat 0
                    garp_lower_prio_repeat 4
                    garp_lower_prio_delay 2
                    down_timer_adverts 200
                    down_timer_adverts 5
                    lower_prio_no_advert false
                    higher_prio_send_advert
                    skip_check_adv_addr maybe
                    debug 9
                    authentication {
                        auth_type AH
                        auth_pass abc
                    }
                    virtual_ipaddress {
                        10.0.0.100
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    use_vmac vrrp51 eth0 01:00:5e:00:01:33
                    virtual_ipaddress {
                        10.0.0.101
                    }
                }
                """, ctx);
        assertEquals(List.of(
                "(k.conf: Line 9) VMAC MAC address not allowed to be RFC5798 address (00:00:5e:00:01:33) - ignoring",
                "(k.conf: Line 11) (VI_1): garp_master_repeat must be greater than 0, setting to 1",
                "(k.conf: Line 14) number '200' outside range [1, 100]",
                "(k.conf: Line 14) (VI_1): Invalid down_timer_adverts [1:100] '200'",
                "(k.conf: Line 18) (VI_1) invalid skip_check_adv_addr maybe specified",
                "(k.conf: Line 19) number '9' outside range [0, 4]",
                "(k.conf: Line 19) (VI_1) Debug value '9' not valid; must be between 0-4",
                "(k.conf: Line 31) (VI_2) VRRP instance VI_1 is already using vrrp51 - ignoring name",
                "(k.conf: Line 31) (VI_2) interface eth0 already exists and is not a private macvlan; ignoring vmac"
                        + " if_name",
                "(VI_1) State MASTER must match being address owner",
                "(VI_1) Strict mode does not support authentication. Ignoring.",
                "(VI_1) down_timer_adverts is incompatible with strict mode - resetting",
                "(VI_1) warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting",
                "(VI_1) Strict mode requires no repeat garps. resetting",
                "(VI_1) Strict mode requires no repeat garp delay. resetting",
                "(VI_1) Strict mode requires no lower priority advert. resetting",
                "(VI_1) strict mode requires higher_prio_send_advert to be clear. resetting"), rendered(ctx));
        VrrpInstance vi1 = config.instances().get("VI_1");
        assertEquals(Optional.of(new VrrpInstance.Vmac(Optional.of("vrrp51"), Optional.empty(), false)), vi1.vmac());
        assertFalse(vi1.accept());
        assertEquals(new VrrpInstance.GarpSettings(5, 1, 0, 1, OptionalLong.of(0), OptionalLong.of(0)), vi1.garp());
        assertEquals(3, vi1.downTimerAdverts());
        assertTrue(vi1.lowerPrioNoAdvert());
        assertFalse(vi1.higherPrioSendAdvert());
        assertEquals(0, vi1.debugLevel());
        assertEquals(Optional.empty(), config.instances().get("VI_2").vmac().orElseThrow().interfaceName());
    }

    @Test
    void withoutStrictModeTheInstanceKeepsItsSettingsAndAcceptsByDefault() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                global_defs {
                    vrrp_garp_lower_prio_repeat 2
                    vrrp_higher_prio_send_advert
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    use_vmac 02:00:00:00:01
                    vmac_xmit_base
                    garp_master_delay 10
                    skip_check_adv_addr false
                    debug 2
                    virtual_ipaddress {
                        10.0.0.100
                    }
                }
                """, ctx);
        assertEquals(List.of(), rendered(ctx));
        VrrpInstance vi1 = config.instances().get("VI_1");
        assertEquals(Optional.of(new VrrpInstance.Vmac(Optional.empty(), Optional.of("02:00:00:00:01"), true)),
                vi1.vmac());
        assertTrue(vi1.accept());
        assertEquals(new VrrpInstance.GarpSettings(10, 5, 0, 1, OptionalLong.empty(), OptionalLong.of(2)),
                vi1.garp());
        assertTrue(vi1.higherPrioSendAdvert());
        assertTrue(vi1.skipCheckAdvAddr(), "keepalived 2.2.7 sets skip_check_adv_addr even for false");
        assertEquals(2, vi1.debugLevel());
    }

    @Test
    void smtpAlertOfInstancesAndSyncGroupsIsTypedUnsetOrAValidBooleanWithKeepalivedsMessages() {
        BuildContext ctx = context(HOST);
        VrrpConfig config = build("""
                global_defs {
                    no_email_faults
                }
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                    smtp_alert false
                    smtp_alert perhaps
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    smtp_alert
                    smtp_alert nope
                    virtual_ipaddress {
                        10.0.0.1
                    }
                }
                vrrp_instance VI_2 {
                    interface eth0
                    virtual_router_id 52
                    virtual_ipaddress {
                        10.0.0.2
                    }
                }
                """, ctx);
        assertEquals(List.of("(k.conf: Line 10) Invalid vrrp_group smtp_alert parameter perhaps",
                "(k.conf: Line 16) Invalid vrrp_instance smtp_alert parameter nope"), rendered(ctx));
        assertEquals(Optional.of(false), config.syncGroups().get("G1").smtpAlert());
        assertEquals(Optional.of(true), config.instances().get("VI_1").smtpAlert());
        assertEquals(Optional.empty(), config.instances().get("VI_2").smtpAlert());
        assertTrue(ctx.notActedOn().stream().noneMatch(raw -> raw.keyword().equals("smtp_alert")
                || raw.keyword().equals("no_email_faults")), ctx.notActedOn().toString());
    }
}
