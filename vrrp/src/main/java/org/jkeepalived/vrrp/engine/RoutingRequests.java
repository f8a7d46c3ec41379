package org.jkeepalived.vrrp.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jkeepalived.config.vrrp.IpFamily;
import org.jkeepalived.config.vrrp.IpPrefix;
import org.jkeepalived.config.vrrp.IpRoute;
import org.jkeepalived.config.vrrp.IpRule;
import org.jkeepalived.config.vrrp.Nexthop;
import org.jkeepalived.libc.netlink.RtnlRouteMessage;
import org.jkeepalived.libc.netlink.RtnlRuleMessage;
import org.jkeepalived.libc.netlink.StructFibRuleHdr;
import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.StructNlMsgHdr;
import org.jkeepalived.libc.netlink.StructRtMsg;

/**
 * The rtnetlink requests keepalived 2.2.7 sends for a route or rule line ({@code netlink_route},
 * {@code netlink_rule}): the same header fields and attributes in the same order. Interface names are resolved through
 * the function given; a route or rule naming an interface it cannot resolve has no request.
 */
final class RoutingRequests {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int MAX_HEADER_TABLE = 255;
    private static final int RT_SCOPE_UNIVERSE = 0;
    private static final int RT_SCOPE_NOWHERE = 255;
    private static final int RTNH_F_ONLINK = 4;
    private static final int RTAX_CC_ALGO = 16;
    /** keepalived's order of the RTA_METRICS members (after RTAX_CC_ALGO and before RTAX_LOCK). */
    private static final List<IpRoute.Metric> METRIC_ORDER = List.of(IpRoute.Metric.RTT, IpRoute.Metric.RTTVAR,
            IpRoute.Metric.RTO_MIN, IpRoute.Metric.MTU, IpRoute.Metric.WINDOW, IpRoute.Metric.SSTHRESH,
            IpRoute.Metric.CWND, IpRoute.Metric.ADVMSS, IpRoute.Metric.REORDERING, IpRoute.Metric.HOPLIMIT,
            IpRoute.Metric.INITCWND, IpRoute.Metric.INITRWND, IpRoute.Metric.QUICKACK,
            IpRoute.Metric.FASTOPEN_NO_COOKIE);

    /** An RTM_NEWROUTE / RTM_DELROUTE without its netlink header; {@code flags} beyond REQUEST and ACK. */
    record RouteRequest(int type, int flags, StructRtMsg rtmsg, List<StructNlAttr> attributes) {
    }

    /** An RTM_NEWRULE / RTM_DELRULE without its netlink header; {@code flags} beyond REQUEST and ACK. */
    record RuleRequest(int type, int flags, StructFibRuleHdr rule, List<StructNlAttr> attributes) {
    }

    private RoutingRequests() {
    }

    static Optional<RouteRequest> route(IpRoute route, boolean add, Function<String, OptionalInt> interfaceIndex) {
        List<StructNlAttr> attributes = new ArrayList<>();
        int headerTable = route.table() <= MAX_HEADER_TABLE ? (int) route.table() : StructRtMsg.RT_TABLE_UNSPEC;
        if (route.table() > MAX_HEADER_TABLE) {
            attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_TABLE, (int) route.table()));
        }
        prefix(RtnlRouteMessage.RTA_DST, route.destination()).ifPresent(attributes::add);
        route.fromPrefix().flatMap(from -> prefix(RtnlRouteMessage.RTA_SRC, from)).ifPresent(attributes::add);
        route.preferredSource().ifPresent(source -> attributes.add(StructNlAttr.ofAddress(
                RtnlRouteMessage.RTA_PREFSRC, source)));
        route.via().ifPresent(via -> attributes.add(StructNlAttr.ofAddress(RtnlRouteMessage.RTA_GATEWAY, via)));
        if (route.device().isPresent()) {
            OptionalInt index = interfaceIndex.apply(route.device().get());
            if (index.isEmpty()) {
                return Optional.empty();
            }
            attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_OIF, index.getAsInt()));
        }
        route.metric().ifPresent(metric -> attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_PRIORITY,
                (int) metric)));
        route.realms().ifPresent(realms -> attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_FLOW,
                (int) realms)));
        route.expiresSecs().ifPresent(expires -> attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_EXPIRES,
                (int) expires)));
        route.routerPreference().ifPresent(preference -> attributes.add(StructNlAttr.ofU8(RtnlRouteMessage.RTA_PREF,
                preference)));
        route.ttlPropagate().ifPresent(propagate -> attributes.add(StructNlAttr.ofU8(
                RtnlRouteMessage.RTA_TTL_PROPAGATE, propagate ? 1 : 0)));
        List<StructNlAttr> metrics = metrics(route);
        if (!metrics.isEmpty()) {
            attributes.add(StructNlAttr.ofNested(RtnlRouteMessage.RTA_METRICS, metrics));
        }
        if (!route.nexthops().isEmpty()) {
            Optional<byte[]> nexthops = nexthops(route.nexthops(), interfaceIndex);
            if (nexthops.isEmpty()) {
                return Optional.empty();
            }
            attributes.add(new StructNlAttr(RtnlRouteMessage.RTA_MULTIPATH, nexthops.get()));
        }
        int scope = route.scope().orElse(add ? RT_SCOPE_UNIVERSE : RT_SCOPE_NOWHERE);
        // keepalived names the type on removal only where the line gave one; unicast is the kernel's default
        int type = add || route.type() != StructRtMsg.RTN_UNICAST ? route.type() : StructRtMsg.RTN_UNSPEC;
        StructRtMsg rtmsg = new StructRtMsg(family(route.family()), route.destination().prefixLength(),
                route.fromPrefix().map(IpPrefix::prefixLength).orElse(0), route.tos().orElse(0), headerTable,
                route.protocol().orElse(StructRtMsg.RTPROT_KEEPALIVED), scope, type,
                route.onlink() ? RTNH_F_ONLINK : 0);
        // keepalived 2.2.7 adds a route led by a type word (blackhole, unreachable...) with NLM_F_EXCL, as captured
        int flags = !add ? 0 : route.type() != StructRtMsg.RTN_UNICAST ? addFlags(IpRoute.AddMode.ADD)
                : addFlags(route.mode());
        return Optional.of(new RouteRequest(add ? RtnlRouteMessage.RTM_NEWROUTE : RtnlRouteMessage.RTM_DELROUTE,
                flags, rtmsg, attributes));
    }

    static RuleRequest rule(IpRule rule, boolean add) {
        List<StructNlAttr> attributes = new ArrayList<>();
        int headerTable = StructRtMsg.RT_TABLE_UNSPEC;
        if (rule.action() == IpRule.Action.TO_TABLE && !rule.l3mdev()) {
            long table = rule.table().orElse(0);
            if (table <= MAX_HEADER_TABLE) {
                headerTable = table == 0 ? StructRtMsg.RT_TABLE_MAIN : (int) table;
            } else {
                attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_TABLE, (int) table));
            }
        }
        rule.from().flatMap(from -> prefix(RtnlRuleMessage.FRA_SRC, from)).ifPresent(attributes::add);
        rule.to().flatMap(to -> prefix(RtnlRuleMessage.FRA_DST, to)).ifPresent(attributes::add);
        attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_PRIORITY, (int) rule.preference()));
        rule.fwmark().ifPresent(mark -> attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_FWMARK, (int) mark)));
        rule.fwmask().ifPresent(mask -> attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_FWMASK, (int) mask)));
        rule.realms().ifPresent(realms -> attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_FLOW,
                (int) realms)));
        rule.suppressPrefixLength().ifPresent(length -> attributes.add(StructNlAttr.ofU32(
                RtnlRuleMessage.FRA_SUPPRESS_PREFIXLEN, length)));
        rule.suppressGroup().ifPresent(group -> attributes.add(StructNlAttr.ofU32(
                RtnlRuleMessage.FRA_SUPPRESS_IFGROUP, (int) group)));
        rule.inputInterface().ifPresent(name -> attributes.add(StructNlAttr.ofString(RtnlRuleMessage.FRA_IIFNAME,
                name)));
        rule.outputInterface().ifPresent(name -> attributes.add(StructNlAttr.ofString(RtnlRuleMessage.FRA_OIFNAME,
                name)));
        rule.tunnelId().ifPresent(id -> attributes.add(new StructNlAttr(RtnlRuleMessage.FRA_TUN_ID,
                ByteBuffer.allocate(Long.BYTES).order(ByteOrder.BIG_ENDIAN).putLong(id).array())));
        rule.uidRange().ifPresent(range -> attributes.add(range(RtnlRuleMessage.FRA_UID_RANGE, range, Integer.BYTES)));
        if (rule.l3mdev()) {
            attributes.add(StructNlAttr.ofU8(RtnlRuleMessage.FRA_L3MDEV, 1));
        }
        rule.protocol().ifPresent(protocol -> attributes.add(StructNlAttr.ofU8(RtnlRuleMessage.FRA_PROTOCOL,
                protocol)));
        rule.ipProtocol().ifPresent(protocol -> attributes.add(StructNlAttr.ofU8(RtnlRuleMessage.FRA_IP_PROTO,
                protocol)));
        rule.sourcePorts().ifPresent(range -> attributes.add(range(RtnlRuleMessage.FRA_SPORT_RANGE, range,
                Short.BYTES)));
        rule.destinationPorts().ifPresent(range -> attributes.add(range(RtnlRuleMessage.FRA_DPORT_RANGE, range,
                Short.BYTES)));
        rule.gotoTarget().ifPresent(target -> attributes.add(StructNlAttr.ofU32(RtnlRuleMessage.FRA_GOTO,
                (int) target)));
        StructFibRuleHdr header = new StructFibRuleHdr(family(rule.family()),
                rule.to().map(IpPrefix::prefixLength).orElse(0), rule.from().map(IpPrefix::prefixLength).orElse(0),
                rule.tos().orElse(0), headerTable, action(rule.action()),
                rule.invert() ? StructFibRuleHdr.FIB_RULE_INVERT : 0);
        return new RuleRequest(add ? RtnlRuleMessage.RTM_NEWRULE : RtnlRuleMessage.RTM_DELRULE,
                add ? StructNlMsgHdr.NLM_F_CREATE | StructNlMsgHdr.NLM_F_EXCL : 0, header, attributes);
    }

    private static int addFlags(IpRoute.AddMode mode) {
        return StructNlMsgHdr.NLM_F_CREATE | switch (mode) {
            case PREPEND -> 0;
            case ADD -> StructNlMsgHdr.NLM_F_EXCL;
            case APPEND -> StructNlMsgHdr.NLM_F_APPEND;
        };
    }

    private static List<StructNlAttr> metrics(IpRoute route) {
        List<StructNlAttr> metrics = new ArrayList<>();
        route.congestionControl().ifPresent(algorithm -> metrics.add(new StructNlAttr(RTAX_CC_ALGO,
                algorithm.getBytes(StandardCharsets.US_ASCII))));
        Map<IpRoute.Metric, Long> values = route.metrics();
        for (IpRoute.Metric metric : METRIC_ORDER) {
            if (metric == IpRoute.Metric.MTU && route.ecn()) {
                metrics.add(StructNlAttr.ofU32(RtnlRouteMessage.RTAX_FEATURES, RtnlRouteMessage.RTAX_FEATURE_ECN));
            }
            if (values.containsKey(metric)) {
                metrics.add(StructNlAttr.ofU32(metric.rtax(), values.get(metric).intValue()));
            }
        }
        if (!metrics.isEmpty() && !route.lockedMetrics().isEmpty()) {
            int locked = route.lockedMetrics().stream().mapToInt(metric -> 1 << metric.rtax())
                    .reduce(0, (bits, bit) -> bits | bit);
            metrics.add(StructNlAttr.ofU32(RtnlRouteMessage.RTAX_LOCK, locked));
        }
        return metrics;
    }

    private static Optional<byte[]> nexthops(List<Nexthop> nexthops, Function<String, OptionalInt> interfaceIndex) {
        ByteBuffer packed = ByteBuffer.allocate(0xffff).order(ByteOrder.nativeOrder());
        for (Nexthop nexthop : nexthops) {
            int index = 0;
            if (nexthop.device().isPresent()) {
                OptionalInt resolved = interfaceIndex.apply(nexthop.device().get());
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                index = resolved.getAsInt();
            }
            List<StructNlAttr> attributes = new ArrayList<>();
            nexthop.via().ifPresent(via -> attributes.add(StructNlAttr.ofAddress(RtnlRouteMessage.RTA_GATEWAY, via)));
            nexthop.realms().ifPresent(realms -> attributes.add(StructNlAttr.ofU32(RtnlRouteMessage.RTA_FLOW,
                    (int) realms)));
            packed.put(RtnlRouteMessage.nexthop(nexthop.onlink() ? RTNH_F_ONLINK : 0,
                    nexthop.weight().orElse(1) - 1, index, attributes));
        }
        byte[] bytes = new byte[packed.position()];
        packed.flip().get(bytes);
        return Optional.of(bytes);
    }

    /** The address of a non-default prefix; keepalived sends none for {@code default} / {@code all}. */
    private static Optional<StructNlAttr> prefix(int type, IpPrefix prefix) {
        return prefix.address().map(address -> StructNlAttr.ofAddress(type, address));
    }

    private static StructNlAttr range(int type, IpRule.Range range, int bytesEach) {
        ByteBuffer packed = ByteBuffer.allocate(2 * bytesEach).order(ByteOrder.nativeOrder());
        if (bytesEach == Short.BYTES) {
            packed.putShort((short) range.start()).putShort((short) range.end());
        } else {
            packed.putInt((int) range.start()).putInt((int) range.end());
        }
        return new StructNlAttr(type, packed.array());
    }

    private static int family(IpFamily family) {
        return family == IpFamily.INET6 ? AF_INET6 : AF_INET;
    }

    private static int action(IpRule.Action action) {
        return switch (action) {
            case TO_TABLE -> StructFibRuleHdr.FR_ACT_TO_TBL;
            case GOTO -> StructFibRuleHdr.FR_ACT_GOTO;
            case NOP -> StructFibRuleHdr.FR_ACT_NOP;
            case BLACKHOLE -> StructFibRuleHdr.FR_ACT_BLACKHOLE;
            case UNREACHABLE -> StructFibRuleHdr.FR_ACT_UNREACHABLE;
            case PROHIBIT -> StructFibRuleHdr.FR_ACT_PROHIBIT;
        };
    }
}
