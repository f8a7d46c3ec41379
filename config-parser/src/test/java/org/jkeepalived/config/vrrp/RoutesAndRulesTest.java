package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.junit.jupiter.api.Test;

/** Route and rule lines; expected lines are keepalived 2.2.7's {@code -t} output for its own samples. */
class RoutesAndRulesTest {

    private static VrrpConfig build(String text, BuildContext ctx) {
        ConfigNode root = tree(text);
        return VrrpModelBuilder.build(root, GlobalDefsBuilder.build(root, ctx), ctx);
    }

    @Test
    void routesNeedExistingInterfacesToBeTrackedAndOldSpellingsAreDeprecated() {
        BuildContext ctx = context(TestHost.withInterfaces("eth0", "eth1", "eth2"));
        VrrpConfig config = build("""
                static_routes {
                    src 192.168.100.1 192.168.209.0/24 via 192.168.200.254 dev eth0
                    192.168.212.0/24 dev eth3 scope site
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.168.200.16
                    }
                    virtual_routes {
                        192.168.112.0/24 via 192.168.100.254
                        192.168.113.0/24 via 192.168.100.252 or 192.168.100.253
                        blackhole 192.168.113.1/32
                        0.0.0.0/0 gw 192.168.0.1 table 100
                        192.168.114.0/24 via 192.168.100.254 no_track
                    }
                }
                """, ctx);
        assertEquals(List.of("(k.conf: Line 3) WARNING - interface eth3 for VROUTE nexthop doesn't exist",
                "(k.conf: Line 12) Warning - cannot track route 192.168.112.0/24 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 13) \"or\" for routes is deprecated. Please use \"nexthop\"",
                "(k.conf: Line 13) Warning - cannot track route 192.168.113.0/24 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 14) Warning - cannot track route 192.168.113.1/32 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 15) \"gw\" for routes is deprecated. Please use \"via\"",
                "(k.conf: Line 15) Warning - cannot track route 0.0.0.0/0 with no interface specified, not tracking",
                "Non-existent interface specified in configuration"), rendered(ctx));
        assertEquals(1, config.staticRoutes().size());
        assertEquals(new IpPrefix(IpFamily.INET, IpAddresses.parse("192.168.209.0"), 24),
                config.staticRoutes().get(0).destination());
        assertEquals(Optional.of("eth0"), config.staticRoutes().get(0).device());
    }

    @Test
    void rulesWithoutPreferenceAreNumberedDownwardsAndBadAddressesDropTheRule() {
        BuildContext ctx = context(TestHost.withInterfaces("eth0"));
        VrrpConfig config = build("""
                static_rules {
                    from 192.168.100.0/24 table 1
                    to 192.168.100./24 table 1
                    from 10.0.0.0/8 table 2 priority 100
                    from 10.1.0.0/16 table 3
                }
                """, ctx);
        assertEquals(List.of("(k.conf: Line 2) Rule has no preference specified - setting to 16384. This is probably"
                        + " not what you want.",
                "(k.conf: Line 3) VRRP parsed invalid IP 192.168.100./24. skipping IP...",
                "(k.conf: Line 3) Invalid rule to address 192.168.100./24",
                "(k.conf: Line 5) Rule has no preference specified - setting to 16383. This is probably"
                        + " not what you want."), rendered(ctx));
        assertEquals(3, config.staticRules().size());
    }
}
