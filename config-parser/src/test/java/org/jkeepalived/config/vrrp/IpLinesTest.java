package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

class IpLinesTest {
    private static final TestHost HOST = TestHost.withInterfaces("eth0", "eth1");

    /** What a load sees: the lines' diagnostics and the interfaces they named that do not exist. */
    private final BuildContext ctx = context(HOST);
    private final Set<String> missingInterfaces = new HashSet<>();

    private IpLines lines(ConfigNode root) {
        return new IpLines(ctx, root, name -> HOST.interfaceExists(name) || !missingInterfaces.add(name), "eth0",
                file -> file.equals("rt_tables") ? List.of("255 local", "100 isp # uplink", "0x65 backup") : List.of());
    }

    private List<IpRoute> virtualRoutes(String... routeLines) {
        ConfigNode root = tree("virtual_routes {\n" + String.join("\n", routeLines) + "\n}");
        return lines(root).virtualRoutes(root.children().get(0));
    }

    private List<IpRule> virtualRules(String... ruleLines) {
        ConfigNode root = tree("virtual_rules {\n" + String.join("\n", ruleLines) + "\n}");
        return lines(root).virtualRules(root.children().get(0));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void deprecatedGwAndOrUntrackableRoutesAndAMissingDeviceAreReportedAsKeepalivedDoes() {
        List<IpRoute> routes = virtualRoutes(
                "192.168.112.0/24 via 192.168.100.254",
                "192.168.113.0/24 via 192.168.100.252 or 192.168.100.253",
                "blackhole 192.168.113.1/32",
                "0.0.0.0/0 gw 192.168.0.1 table 100",
                "192.168.212.0/24 dev eth3 scope site");
        assertEquals(List.of(
                "(k.conf: Line 2) Warning - cannot track route 192.168.112.0/24 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 3) \"or\" for routes is deprecated. Please use \"nexthop\"",
                "(k.conf: Line 3) Warning - cannot track route 192.168.113.0/24 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 4) Warning - cannot track route 192.168.113.1/32 with no interface specified,"
                        + " not tracking",
                "(k.conf: Line 5) \"gw\" for routes is deprecated. Please use \"via\"",
                "(k.conf: Line 5) Warning - cannot track route 0.0.0.0/0 with no interface specified, not tracking",
                "(k.conf: Line 6) WARNING - interface eth3 for VROUTE nexthop doesn't exist"), rendered(ctx));
        assertEquals(4, routes.size());
        assertEquals(Set.of("eth3"), missingInterfaces);
        assertEquals(2, routes.get(1).nexthops().size());
        assertEquals(6, routes.get(2).type());
        assertEquals(100, routes.get(3).table());
    }

    @Test
    void aRouteIsReadIntoItsNetlinkParts() throws Exception {
        IpRoute route = virtualRoutes("src 10.0.0.5 10.1.0.0/16 via 10.0.0.1 dev eth1 table isp metric 7 onlink"
                + " protocol static mtu lock 1400 rtt 3s").get(0);
        assertEquals(new IpPrefix(IpFamily.INET, Optional.of(ip("10.1.0.0")), 16), route.destination());
        assertEquals(Optional.of(ip("10.0.0.5")), route.preferredSource());
        assertEquals(Optional.of(ip("10.0.0.1")), route.via());
        assertEquals(Optional.of("eth1"), route.device());
        assertEquals(100, route.table());
        assertEquals(OptionalLong.of(7), route.metric());
        assertTrue(route.onlink());
        assertEquals(Map.of(IpRoute.Metric.MTU, 1400L, IpRoute.Metric.RTT, 24_000L), route.metrics());
        assertEquals(Set.of(IpRoute.Metric.MTU), route.lockedMetrics());
        assertEquals(OptionalInt.of(IpRoute.RTPROT_KEEPALIVED), route.protocol());
        assertTrue(route.tracked());
        assertEquals(List.of("(k.conf: Line 2) Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18),"
                + " resetting protocol"), rendered(ctx));
    }

    @Test
    void inetAndInet6StepOverTheWordAfterThemSoTheDestinationIsLost() {
        List<IpRoute> routes = virtualRoutes("inet6 default via fe80::1 dev eth0", "default6 via fe80::1 dev eth0");
        assertEquals(List.of("(k.conf: Line 2) Route must have a destination"), rendered(ctx));
        assertEquals(IpFamily.INET6, routes.get(0).family());
        assertTrue(routes.get(0).destination().isDefault());
    }

    @Test
    void nexthopErrorsDropTheNexthopButKeepTheRoute() {
        List<IpRoute> routes = virtualRoutes(
                "10.21.0.0/16 dev eth0 nexthop via 10.0.0.2 dev eth0 weight 2 nexthop via 10.0.0.3 weight 0",
                "2001:db8:1::/64 dev eth0 nexthop via 10.0.0.1",
                "10.22.0.0/16 dev eth0 nexthop via 10.0.0.2 onlink junk");
        assertEquals(List.of(
                "(k.conf: Line 2) Invalid weight 0 specified for route",
                "(k.conf: Line 3) Address family mismatch for next hop",
                "(k.conf: Line 4) Route has trailing nonsense after nexthops - junk"), rendered(ctx));
        assertEquals(List.of(1, 0, 1), routes.stream().map(r -> r.nexthops().size()).toList());
        assertEquals(OptionalInt.of(2), routes.get(0).nexthops().get(0).weight());
    }

    @Test
    void aFailedEncapKeyIsReadAgainAsARouteWord() {
        virtualRoutes("10.40.0.0/16 dev eth0 encap ip6 dst 2001::1 tc 99x", "10.41.0.0/16 dev eth0 encap ip ttl 3");
        assertEquals(List.of(
                "(k.conf: Line 2) tc value tc is invalid for ip6 encapsulation",
                "(k.conf: Line 2) VRRP parsed invalid IP tc. skipping IP...",
                "(k.conf: Line 2) unknown route keyword tc",
                "(k.conf: Line 3) address or id missing for ip encapsulation"), rendered(ctx));
    }

    @Test
    void numbersAreReadWithKeepalivedsMessagesBeforeTheRoutesOwn() {
        virtualRoutes("10.7.0.0/16 dev eth0 metric -1", "10.8.0.0/16 dev eth0 hoplimit 300",
                "10.9.0.0/16 dev eth0 rtt 5x", "10.10.0.0/33 dev eth0 realms foo/1");
        assertEquals(List.of(
                "(k.conf: Line 2) negative number '-1'",
                "(k.conf: Line 2) Invalid metric -1 specified for route",
                "(k.conf: Line 3) number '300' outside range [0, 255]",
                "(k.conf: Line 3) Invalid hoplimit 300 specified for route",
                "(k.conf: Line 4) invalid number '5x'",
                "(k.conf: Line 4) Invalid rtt 5x for route",
                "(k.conf: Line 5) number '33' outside range [0, 32]",
                "(k.conf: Line 5) Invalid address prefix len 33 for address 10.10.0.0/33 - using 32",
                "(k.conf: Line 5) Invalid realms foo/1 for route"), rendered(ctx));
    }

    @Test
    void aRouteKeywordWithoutItsValueEndsTheLoadWithStatus2() {
        ConfigAbort abort = assertThrows(ConfigAbort.class,
                () -> virtualRoutes("10.38.0.0/16 dev eth0 encap foo metric 5"));
        assertEquals(2, abort.exitStatus());
        assertEquals("(k.conf: Line 2) *** Configuration line starting `10.38.0.0/16` is missing a parameter after"
                + " keyword `5` at word position 8", abort.diagnostic().render());
        assertEquals(List.of("(k.conf: Line 2) Unknown encap type - foo"), rendered(ctx).subList(0, 1));
    }

    @Test
    void rulesWithoutPreferenceCountDownPerFamily() {
        List<IpRule> rules = virtualRules("from 192.168.200.0/24 table 2", "to 2001::/64 table 5",
                "to 192.168.200./24 table 2", "from all table main");
        assertEquals(List.of(
                "(k.conf: Line 2) Rule has no preference specified - setting to 16384. This is probably not what you"
                        + " want.",
                "(k.conf: Line 3) Rule has no preference specified - setting to 16384. This is probably not what you"
                        + " want.",
                "(k.conf: Line 4) VRRP parsed invalid IP 192.168.200./24. skipping IP...",
                "(k.conf: Line 4) Invalid rule to address 192.168.200./24",
                "(k.conf: Line 5) Rule has no preference specified - setting to 16383. This is probably not what you"
                        + " want."), rendered(ctx));
        assertEquals(List.of(16384L, 16384L, 16383L), rules.stream().map(IpRule::preference).toList());
        assertEquals(IpFamily.INET6, rules.get(1).family());
    }

    @Test
    void ruleOptionsAndActionsAreCheckedAsKeepalivedDoes() {
        List<IpRule> rules = virtualRules(
                "from 10.1.0.0/16 table 5 priority 5 fwmark 0x10/0xff iif eth0",
                "from 10.1.0.0/16 table 5 nop pref 4",
                "from 10.1.0.0/16 goto 10 priority 50",
                "from 10.1.0.0/16 type prohibit priority 6 realms 1",
                "from 10.1.0.0/16 table 5 priority 5 sport 80",
                "from 10.1.0.0/16 table 5 priority 5 protocol 5",
                "from 10.1.0.0/16 table 5 priority abc",
                "from 10.1.0.0/16 priority 6");
        assertEquals(List.of(
                "(k.conf: Line 3) Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev"
                        + " for rule",
                "(k.conf: Line 4) Invalid rule - preference 50 >= goto target 10",
                "(k.conf: Line 5) suppressor/realm specified for non table action - skipping",
                "(k.conf: Line 6) invalid sport range 80",
                "(k.conf: Line 7) Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting"
                        + " protocol",
                "(k.conf: Line 8) invalid number 'abc'",
                "(k.conf: Line 8) Invalid rule preference priority specified",
                "(k.conf: Line 9) No action specified for rule - ignoring"), rendered(ctx));
        IpRule first = rules.get(0);
        assertEquals(IpRule.Action.TO_TABLE, first.action());
        assertEquals(OptionalLong.of(16), first.fwmark());
        assertEquals(OptionalLong.of(255), first.fwmask());
        assertEquals(Optional.of("eth0"), first.inputInterface());
        assertEquals(3, rules.size());
    }

    @Test
    void addressOptionsAreCheckedAsKeepalivedDoes() throws Exception {
        ConfigNode root = tree("""
                virtual_ipaddress {
                    192.168.5.5/24 brd + label eth1:1
                    2001:5::5/64 scope link label x
                    192.168.5.10 peer 192.168.5.9 peer 192.168.5.11
                    192.168.5.14/32 brd +
                    192.168.5.22/24 label
                    10.0.0.x
                }
                """);
        IpLines lines = lines(root);
        List<VirtualAddress> addresses = root.children().get(0).children().stream()
                .flatMap(line -> lines.virtualAddress(line).stream()).toList();
        assertEquals(List.of(
                "(k.conf: Line 3) Cannot specify scope for IPv6 addresses (2001:5::5/64) - ignoring scope",
                "(k.conf: Line 3) Cannot specify label for IPv6 addresses (2001:5::5/64) - ignoring label",
                "(k.conf: Line 4) Peer 192.168.5.11 - another peer has already been specified",
                "(k.conf: Line 4) Unknown configuration entry '192.168.5.11' for ip address - ignoring",
                "(k.conf: Line 5) Address prefix length 32 too long for broadcast",
                "(k.conf: Line 6) No label parameter specified for 192.168.5.22/24",
                "(k.conf: Line 7) VRRP parsed invalid IP 10.0.0.x. skipping IP..."), rendered(ctx));
        assertEquals(4, addresses.size());
        assertEquals(Optional.of(ip("192.168.5.255")), addresses.get(0).broadcast());
        assertEquals(OptionalLong.of(VirtualAddress.INFINITY_LIFE_TIME), addresses.get(1).preferredLifetimeSecs());
        assertEquals(Optional.of(ip("192.168.5.9")), addresses.get(2).peer());
    }

    @Test
    void staticLinesFindOnlyTrackGroupsDefinedBeforeThem() {
        ConfigNode root = tree("""
                static_routes {
                    10.1.0.0/16 dev eth1 track_group TG1
                }
                track_group TG1 {
                }
                static_rules {
                    from 10.1.0.0/16 table 5 iif eth1 track_group TG1 priority 3
                    from 10.1.0.0/16 table 5 track_group TG1 priority 4
                }
                """);
        IpLines lines = lines(root);
        List<IpRoute> routes = lines.staticRoutes(root.children().get(0));
        List<IpRule> rules = lines.staticRules(root.children().get(2));
        assertEquals(List.of(
                "(k.conf: Line 2) track_group TG1 not found",
                "(k.conf: Line 8) Static rule cannot have track_group if dev/iif not specified"), rendered(ctx));
        assertEquals(Optional.empty(), routes.get(0).trackGroup());
        assertEquals(Optional.of("TG1"), rules.get(0).trackGroup());
    }

    @Test
    void aStaticAddressWithoutDeviceNeedsTheDefaultInterface() {
        ConfigNode root = tree("static_ipaddress {\n192.168.1.1/24\n}");
        List<VirtualAddress> addresses = new IpLines(ctx, root, name -> false, "eth7", file -> List.of())
                .staticAddresses(root.children().get(0));
        assertEquals(List.of("(k.conf: Line 2) Static address 192.168.1.1/24 requires either an interface or default"
                + " interface must exist"), rendered(ctx));
        assertEquals(Severity.FATAL, ctx.diagnostics().list().get(0).severity());
        assertEquals(List.of(), addresses);
    }
}
