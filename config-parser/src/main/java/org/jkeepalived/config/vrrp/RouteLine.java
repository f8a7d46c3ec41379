package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.Values;

/**
 * One route line read as keepalived 2.2.7's {@code alloc_route} does: word by word, where a keyword missing its value
 * ends the load as keepalived's null_strvec does, and the first error drops the route.
 */
final class RouteLine {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;
    /** RTT_MAX_MS and RTT_MIN_MS: the kernel's TCP_RTO bounds, 120s and 200ms. */
    private static final long RTT_MAX_MS = 120_000;
    private static final long RTT_MIN_MS = 200;

    private final IpLines lines;
    private final ConfigNode node;
    private final List<String> words;
    private final Location at;
    /** The track groups a static route may name; empty for a virtual route, which may not. */
    private final Optional<Predicate<String>> trackGroups;
    private final EncapReader encapReader;

    private int i;
    private Optional<IpFamily> family = Optional.empty();
    private int type = IpRoute.RTN_UNICAST;
    private Optional<IpLines.RoutePrefix> destination = Optional.empty();
    private String destinationWord;
    private Optional<IpLines.RoutePrefix> fromPrefix = Optional.empty();
    private Optional<InetAddress> preferredSource = Optional.empty();
    private Optional<InetAddress> via = Optional.empty();
    private Optional<String> device = Optional.empty();
    private long table = IpRoute.RT_TABLE_MAIN;
    private OptionalInt protocol = OptionalInt.empty();
    private OptionalInt scope = OptionalInt.empty();
    private OptionalLong metric = OptionalLong.empty();
    private OptionalInt tos = OptionalInt.empty();
    private boolean onlink;
    private final Map<IpRoute.Metric, Long> metrics = new EnumMap<>(IpRoute.Metric.class);
    private final Set<IpRoute.Metric> locked = EnumSet.noneOf(IpRoute.Metric.class);
    private boolean ecn;
    private Optional<String> congestionControl = Optional.empty();
    private OptionalInt routerPreference = OptionalInt.empty();
    private Optional<Boolean> ttlPropagate = Optional.empty();
    private OptionalLong expiresSecs = OptionalLong.empty();
    private OptionalLong realms = OptionalLong.empty();
    private Optional<RouteEncap> encap = Optional.empty();
    private final List<Nexthop> nexthops = new ArrayList<>();
    private IpRoute.AddMode mode = IpRoute.AddMode.PREPEND;
    private boolean tracked = true;
    private Optional<String> trackGroup = Optional.empty();

    RouteLine(IpLines lines, ConfigNode node, Optional<Predicate<String>> trackGroups) {
        this.lines = lines;
        this.node = node;
        this.words = words(node);
        this.at = node.location();
        this.trackGroups = trackGroups;
        this.encapReader = new EncapReader(lines, node);
    }

    /** The words of a value-block line: its keyword is its first word. */
    static List<String> words(ConfigNode line) {
        List<String> words = new ArrayList<>();
        words.add(line.keyword());
        words.addAll(line.args());
        return words;
    }

    Optional<IpRoute> parse() {
        boolean nexthopsFollow = false;
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("nexthop")) {
                if (nexthops.isEmpty()) {
                    nexthopsFollow = true;
                } else {
                    lines.error(at, "Cannot specify nexthops with \"or\" route");
                }
                break;
            }
            if (word.equals("track_group") && trackGroups.isPresent()) {
                i++;
                if (trackGroup.isPresent()) {
                    lines.error(at, "track_group " + next(0) + " is a duplicate");
                    break;
                }
                trackGroup = Optional.of(next(0)).filter(trackGroups.get());
                if (trackGroup.isEmpty()) {
                    lines.error(at, "track_group " + next(0) + " not found");
                }
            } else if (word.equals("or")) {
                lines.error(at, "\"or\" for routes is deprecated. Please use \"nexthop\"");
                if (!nexthops.isEmpty()) {
                    lines.error(at, "\"or\" route already specified - ignoring subsequent");
                    i += 2;
                    continue;
                }
                if (!or()) {
                    return Optional.empty();
                }
            } else if (!keyword(word)) {
                return Optional.empty();
            }
            i++;
        }
        if (nexthopsFollow) {
            new NexthopsReader().read();
        } else if (i < words.size()) {
            lines.error(at, "Route has trailing nonsense - " + words.get(i));
            return Optional.empty();
        }
        return complete();
    }

    /** The word {@code offset} after the current one, which becomes current; missing ends the load. */
    private String next(int offset) {
        i += offset;
        return lines.ctx.word(node, i);
    }

    private String nextWord() {
        return next(1);
    }

    /** One keyword of the route (with its values); false when keepalived drops the route. */
    private boolean keyword(String word) {
        switch (word) {
            case "inet", "inet6" -> {
                IpFamily given = word.equals("inet") ? IpFamily.INET : IpFamily.INET6;
                if (family.isPresent() && family.get() != given) {
                    lines.error(at, word + " specified for " + (given == IpFamily.INET ? "IPv6" : "IPv4") + " route");
                    return false;
                }
                family = Optional.of(given);
                // keepalived 2.2.7 steps over the word after inet/inet6 as well, so "inet6 default" loses default
                i++;
            }
            case "src" -> {
                Optional<IpLines.AddressAndLength> source = lines.ipAddress(at, nextWord(), false);
                if (source.isEmpty()) {
                    lines.error(at, "invalid route src address " + words.get(i));
                    return false;
                }
                preferredSource = Optional.of(source.get().address());
                return sameFamily(source.get().family(), "");
            }
            case "as" -> {
                if (nextWord().equals("to")) {
                    i++;
                }
                lines.error(at, "\"as to\" for MPLS only - ignoring");
            }
            case "via", "gw" -> {
                return via(word);
            }
            case "from" -> {
                Optional<IpLines.RoutePrefix> from = lines.routePrefix(at, nextWord());
                if (from.isEmpty()) {
                    lines.error(at, "invalid route from address " + words.get(i));
                    return false;
                }
                if (!from.get().family().equals(Optional.of(IpFamily.INET6))) {
                    lines.error(at, "route from address only supported with IPv6 (" + words.get(i) + ")");
                    return false;
                }
                fromPrefix = from;
                return sameFamily(IpFamily.INET6, "");
            }
            case "tos", "dsfield" -> {
                OptionalLong value = lines.names.find(RtNames.Kind.DSFIELD, nextWord());
                if (value.isEmpty()) {
                    lines.error(at, "TOS value " + words.get(i) + " is invalid");
                    return false;
                }
                tos = OptionalInt.of((int) value.getAsLong());
            }
            case "table" -> {
                OptionalLong value = lines.names.find(RtNames.Kind.TABLE, nextWord());
                if (value.isEmpty()) {
                    lines.error(at, "Routing table " + words.get(i) + " not found for route");
                    return false;
                }
                table = value.getAsLong();
            }
            case "protocol" -> {
                OptionalLong value = lines.names.find(RtNames.Kind.PROTOCOL, nextWord());
                if (value.isEmpty()) {
                    lines.error(at, "Protocol " + words.get(i) + " not found or invalid for route");
                    return false;
                }
                protocol = OptionalInt.of((int) value.getAsLong());
            }
            case "scope" -> {
                OptionalLong value = lines.names.find(RtNames.Kind.SCOPE, nextWord());
                if (value.isEmpty()) {
                    lines.error(at, "Scope " + words.get(i) + " not found or invalid for route");
                    return false;
                }
                scope = OptionalInt.of((int) value.getAsLong());
            }
            case "metric", "priority", "preference" -> {
                metric = unsigned(nextWord(), UINT32_MAX, "Invalid metric %s specified for route");
                return metric.isPresent();
            }
            case "dev", "oif" -> {
                String name = nextWord();
                if (!lines.interfaceUsable(name)) {
                    lines.error(at, "WARNING - interface " + name + " for VROUTE nexthop doesn't exist");
                    return false;
                }
                device = Optional.of(name);
            }
            case "onlink" -> onlink = true;
            case "encap" -> {
                EncapReader.Result result = encapReader.read(i);
                i = result.nextIndex();
                encap = result.encap();
            }
            case "expires" -> {
                i++;
                if (family.equals(Optional.of(IpFamily.INET))) {
                    lines.error(at, "expires is only valid for IPv6");
                    return false;
                }
                family = Optional.of(IpFamily.INET6);
                expiresSecs = unsigned(next(0), UINT32_MAX, "Invalid expires time %s specified for route");
                return expiresSecs.isPresent();
            }
            case "mtu" -> {
                return metric(IpRoute.Metric.MTU, true, "Invalid MTU %s specified for route");
            }
            case "hoplimit" -> {
                return metric(IpRoute.Metric.HOPLIMIT, false, "Invalid hoplimit %s specified for route");
            }
            case "advmss" -> {
                return metric(IpRoute.Metric.ADVMSS, true, "Invalid advmss %s specified for route");
            }
            case "rtt" -> {
                return rttMetric(IpRoute.Metric.RTT, 8, "Invalid rtt %s for route");
            }
            case "rttvar" -> {
                return rttMetric(IpRoute.Metric.RTTVAR, 4, "Invalid rttvar %s for route");
            }
            case "reordering" -> {
                return metric(IpRoute.Metric.REORDERING, true, "Invalid reordering value %s specified for route");
            }
            case "window" -> {
                return metric(IpRoute.Metric.WINDOW, false, "Invalid window value %s specified for route");
            }
            case "cwnd" -> {
                return metric(IpRoute.Metric.CWND, true, "Invalid cwnd value %s specified for route");
            }
            case "ssthresh" -> {
                return metric(IpRoute.Metric.SSTHRESH, true, "Invalid ssthresh value %s specified for route");
            }
            case "realms" -> {
                realms = realms(lines, nextWord());
                if (realms.isEmpty()) {
                    lines.error(at, "Invalid realms " + words.get(i) + " for route");
                    return false;
                }
                if (family.equals(Optional.of(IpFamily.INET6))) {
                    lines.error(at, "realms are only valid for IPv4");
                    return false;
                }
                family = Optional.of(IpFamily.INET);
            }
            case "rto_min" -> {
                return rttMetric(IpRoute.Metric.RTO_MIN, 1, "Invalid rto_min value %s specified for route");
            }
            case "initcwnd" -> {
                return metric(IpRoute.Metric.INITCWND, false, "Invalid initcwnd value %s specified for route");
            }
            case "initrwnd" -> {
                return metric(IpRoute.Metric.INITRWND, false, "Invalid initrwnd value %s specified for route");
            }
            case "features" -> {
                if (nextWord().equals("ecn")) {
                    ecn = true;
                } else {
                    lines.error(at, "feature " + words.get(i) + " not supported");
                }
            }
            case "quickack" -> {
                OptionalLong value = unsigned(nextWord(), 1, "Invalid quickack value %s specified for route");
                value.ifPresent(v -> metrics.put(IpRoute.Metric.QUICKACK, v));
                return value.isPresent();
            }
            case "congctl" -> {
                if (nextWord().equals("lock")) {
                    locked.add(IpRoute.Metric.CC_ALGO);
                    i++;
                }
                congestionControl = Optional.of(next(0));
            }
            case "pref" -> {
                return routerPreference();
            }
            case "ttl-propagate" -> {
                String value = nextWord();
                ttlPropagate = Optional.of(value.equals("enabled"));
                if (!value.equals("enabled") && !value.equals("disabled")) {
                    lines.error(at, "ttl-propagate value " + value + " not recognised");
                }
            }
            case "fastopen_no_cookie" -> {
                OptionalLong value = unsigned(nextWord(), 1,
                        "Invalid fastopen_no_cookie value %s specified for route");
                value.ifPresent(v -> metrics.put(IpRoute.Metric.FASTOPEN_NO_COOKIE, v));
                return value.isPresent();
            }
            case "add" -> mode = IpRoute.AddMode.ADD;
            case "prepend" -> mode = IpRoute.AddMode.PREPEND;
            case "append" -> mode = IpRoute.AddMode.APPEND;
            case "no_track" -> tracked = false;
            case "vrf" -> {
                // keepalived looks the VRF up among existing interfaces only; it cannot learn that one is a VRF here
                String name = nextWord();
                lines.error(at, lines.ctx.host().interfaceExists(name) ? "Route specified VRF " + name
                        + " is not a VRF" : "VRF " + name + " not found for route");
                return false;
            }
            default -> {
                return destination(word);
            }
        }
        return true;
    }

    /** {@code via [inet|inet6] ADDRESS} (or the deprecated {@code gw}). */
    private boolean via(String word) {
        if (word.equals("gw")) {
            lines.error(at, "\"gw\" for routes is deprecated. Please use \"via\"");
        }
        String value = nextWord();
        Optional<IpFamily> given = family;
        if (value.equals("inet") || value.equals("inet6")) {
            given = Optional.of(value.equals("inet") ? IpFamily.INET : IpFamily.INET6);
            value = nextWord();
        }
        if (given.isPresent() && !sameFamily(given.get(), "")) {
            return false;
        }
        Optional<IpLines.AddressAndLength> address = lines.ipAddress(at, value, false);
        if (address.isEmpty()) {
            lines.error(at, "invalid route via address " + value);
            return false;
        }
        via = Optional.of(address.get().address());
        return sameFamily(address.get().family(), "");
    }

    /** {@code [to] [TYPE] PREFIX}: anything not a keyword is the destination. */
    private boolean destination(String word) {
        if (word.equals("to")) {
            i++;
        }
        // keepalived looks for a route type in the word it started with, so "to blackhole X" has no type
        OptionalLong routeType = lines.names.routeType(word);
        if (routeType.isPresent()) {
            type = (int) routeType.getAsLong();
            i++;
        }
        destinationWord = next(0);
        destination = lines.routePrefix(at, destinationWord);
        if (destination.isEmpty()) {
            lines.error(at, "unknown route keyword " + destinationWord);
            return false;
        }
        return sameFamily(destination.get().family(), " (" + destinationWord + ")");
    }

    /** Settles the route's family on the first one seen; a later different one is an error. */
    private boolean sameFamily(IpFamily seen, String detail) {
        return sameFamily(Optional.of(seen), detail);
    }

    private boolean sameFamily(Optional<IpFamily> seen, String detail) {
        if (family.isEmpty()) {
            family = seen;
        } else if (!family.equals(seen)) {
            lines.error(at, "Cannot mix IPv4 and IPv6 addresses for route" + detail);
            return false;
        }
        return true;
    }

    /** The deprecated {@code via A or B}: two nexthops, the via address and this one. */
    private boolean or() {
        nexthops.add(new Nexthop(via, Optional.empty(), OptionalInt.empty(), false, OptionalLong.empty(),
                Optional.empty()));
        via = Optional.empty();
        String value = nextWord();
        Optional<IpLines.AddressAndLength> address = lines.ipAddress(at, value, false);
        if (address.isEmpty()) {
            lines.error(at, "Invalid \"or\" address " + value);
            return false;
        }
        nexthops.add(new Nexthop(Optional.of(address.get().address()), Optional.empty(), OptionalInt.empty(), false,
                OptionalLong.empty(), Optional.empty()));
        return true;
    }

    /** {@code pref low|medium|high|N}: IPv6 only. */
    private boolean routerPreference() {
        i++;
        if (family.equals(Optional.of(IpFamily.INET))) {
            lines.error(at, "pref is only valid for IPv6");
            return false;
        }
        family = Optional.of(IpFamily.INET6);
        String value = next(0);
        OptionalLong preference = switch (value) {
            case "low" -> OptionalLong.of(3);
            case "medium" -> OptionalLong.of(0);
            case "high" -> OptionalLong.of(1);
            default -> unsigned(value, 255, "Invalid pref value %s specified for route");
        };
        preference.ifPresent(p -> routerPreference = OptionalInt.of((int) p));
        return preference.isPresent();
    }

    /** A metric {@code NAME [lock] N} (lock only where keepalived allows it). */
    private boolean metric(IpRoute.Metric which, boolean lockable, String invalidFormat) {
        String value = lockable ? lockOrValue(which) : nextWord();
        long max = which == IpRoute.Metric.HOPLIMIT ? 255 : UINT32_MAX;
        OptionalLong parsed = unsigned(value, max, invalidFormat);
        parsed.ifPresent(v -> metrics.put(which, v));
        return parsed.isPresent();
    }

    private boolean rttMetric(IpRoute.Metric which, int unitsPerMs, String invalidFormat) {
        String value = lockOrValue(which);
        OptionalLong parsed = rtt(value, unitsPerMs);
        if (parsed.isEmpty()) {
            lines.error(at, String.format(invalidFormat, value));
            return false;
        }
        metrics.put(which, parsed.getAsLong());
        return true;
    }

    private String lockOrValue(IpRoute.Metric which) {
        if (nextWord().equals("lock")) {
            locked.add(which);
            i++;
        }
        return next(0);
    }

    /** keepalived's get_u8/get_u16/get_u32: read_unsigned, then its own message on failure. */
    private OptionalLong unsigned(String word, long max, String invalidFormat) {
        return unsigned(lines, at, word, max, invalidFormat);
    }

    static OptionalLong unsigned(IpLines lines, Location at, String word, long max, String invalidFormat) {
        OptionalLong value = Values.readUnsigned(lines.ctx, at, word, 0, max, false);
        if (value.isEmpty()) {
            lines.error(at, String.format(invalidFormat, word));
        }
        return value;
    }

    /** {@code get_realms}: {@code [FROM/]TO} realm names or numbers, as {@code FROM << 16 | TO}. */
    static OptionalLong realms(IpLines lines, String word) {
        int slash = word.indexOf('/');
        OptionalLong first = lines.names.find(RtNames.Kind.REALM, slash < 0 ? word : word.substring(0, slash));
        if (first.isEmpty() || slash < 0) {
            return first;
        }
        OptionalLong second = lines.names.find(RtNames.Kind.REALM, word.substring(slash + 1));
        return second.isEmpty() ? second : OptionalLong.of(first.getAsLong() << 16 | second.getAsLong());
    }

    /**
     * {@code get_time_rtt}: a number in the kernel's units, or with {@code s}/{@code ms} (also sec, secs, msec,
     * msecs) a time; clamped to the kernel's 200ms..120s.
     */
    private OptionalLong rtt(String word, int unitsPerMs) {
        String text = word.stripLeading();
        int suffix = indexOfAny(text, "sS");
        String number = text;
        int shift = 0;
        boolean raw = suffix < 0;
        if (!raw) {
            String unit = text.substring(suffix).toLowerCase();
            if (!unit.equals("s") && !unit.equals("sec") && !unit.equals("secs")) {
                return OptionalLong.empty();
            }
            int end = suffix;
            shift = 3;
            if (suffix > 0 && Character.toLowerCase(text.charAt(suffix - 1)) == 'm') {
                shift = 0;
                end--;
            }
            if (end == 0) {
                return OptionalLong.empty();
            }
            number = text.substring(0, end);
        }
        if (indexOfAny(number, "eE") >= 0) {
            // keepalived only logs that the exponential form is no longer supported
            return OptionalLong.empty();
        }
        long max = RTT_MAX_MS * unitsPerMs;
        OptionalLong value = Values.readDecimalUnsigned(lines.ctx, at, number, 0, max, shift, false);
        if (value.isEmpty()) {
            return value;
        }
        long units = raw ? value.getAsLong() : value.getAsLong() * unitsPerMs;
        return OptionalLong.of(Math.max(RTT_MIN_MS * unitsPerMs, Math.min(max, units)));
    }

    private static int indexOfAny(String text, String chars) {
        for (int k = 0; k < text.length(); k++) {
            if (chars.indexOf(text.charAt(k)) >= 0) {
                return k;
            }
        }
        return -1;
    }

    private Optional<IpRoute> complete() {
        if (destination.isEmpty()) {
            lines.error(at, "Route must have a destination");
            return Optional.empty();
        }
        if (tracked) {
            if (protocol.isPresent() && protocol.getAsInt() != IpRoute.RTPROT_KEEPALIVED) {
                lines.error(at, "Route cannot be tracked if protocol is not RTPROT_KEEPALIVED("
                        + IpRoute.RTPROT_KEEPALIVED + "), resetting protocol");
            }
            protocol = OptionalInt.of(IpRoute.RTPROT_KEEPALIVED);
            if (device.isEmpty()) {
                lines.error(at, "Warning - cannot track route " + destinationWord
                        + " with no interface specified, not tracking");
                tracked = false;
            }
        }
        if (trackGroup.isPresent() && device.isEmpty()) {
            lines.error(at, "Static route cannot have track group if no oif specified");
            trackGroup = Optional.empty();
        }
        IpFamily settled = family.orElse(IpFamily.INET);
        return Optional.of(new IpRoute(settled, type, destination.get().in(settled),
                fromPrefix.map(p -> p.in(settled)), preferredSource, via, device, table, protocol, scope, metric,
                tos, onlink, metrics, locked, ecn, congestionControl, routerPreference, ttlPropagate, expiresSecs,
                realms, encap, nexthops, mode, tracked, trackGroup, words));
    }

    /** {@code parse_nexthops}: its errors drop the nexthop being read and what follows, never the route. */
    private final class NexthopsReader {
        private Optional<IpFamily> nexthopFamily = Optional.empty();

        void read() {
            while (i < words.size() && words.get(i).equals("nexthop")) {
                i++;
                Optional<Nexthop> nexthop = one();
                if (nexthop.isEmpty()) {
                    return;
                }
                nexthops.add(nexthop.get());
            }
            if (i < words.size()) {
                lines.error(at, "Route has trailing nonsense after nexthops - " + words.get(i));
            }
        }

        private Optional<Nexthop> one() {
            Optional<InetAddress> address = Optional.empty();
            Optional<String> dev = Optional.empty();
            OptionalInt weight = OptionalInt.empty();
            boolean hopOnlink = false;
            OptionalLong hopRealms = OptionalLong.empty();
            Optional<RouteEncap> hopEncap = Optional.empty();
            while (i < words.size()) {
                switch (words.get(i)) {
                    case "via" -> {
                        address = via();
                        if (address.isEmpty()) {
                            return Optional.empty();
                        }
                    }
                    case "dev" -> {
                        String name = nextWord();
                        if (!lines.interfaceUsable(name)) {
                            lines.error(at, "WARNING - interface " + name + " for VROUTE nexthop doesn't exist");
                            return Optional.empty();
                        }
                        dev = Optional.of(name);
                    }
                    case "weight" -> {
                        OptionalLong value = unsigned(nextWord(), 256, "Invalid weight %s specified for route");
                        if (value.isEmpty()) {
                            return Optional.empty();
                        }
                        if (value.getAsLong() == 0) {
                            lines.error(at, "Invalid weight 0 specified for route");
                            return Optional.empty();
                        }
                        weight = OptionalInt.of((int) value.getAsLong());
                    }
                    case "onlink" -> hopOnlink = true;
                    case "encap" -> {
                        EncapReader.Result result = encapReader.read(i);
                        i = result.nextIndex();
                        hopEncap = result.encap();
                    }
                    case "realms" -> {
                        hopRealms = realms(lines, nextWord());
                        if (hopRealms.isEmpty()) {
                            lines.error(at, "Invalid realms " + words.get(i) + " for route");
                            return Optional.empty();
                        }
                        if (family.isEmpty()) {
                            family = Optional.of(IpFamily.INET);
                        } else if (family.get() != IpFamily.INET) {
                            lines.error(at, "realms are only supported for IPv4");
                            return Optional.empty();
                        }
                    }
                    case "as" -> {
                        if (nextWord().equals("to")) {
                            i++;
                        }
                        lines.error(at, "'as [to]' (nat) not supported");
                        return Optional.empty();
                    }
                    default -> {
                        return Optional.of(new Nexthop(address, dev, weight, hopOnlink, hopRealms, hopEncap));
                    }
                }
                i++;
            }
            return Optional.of(new Nexthop(address, dev, weight, hopOnlink, hopRealms, hopEncap));
        }

        /** {@code via [inet|inet6] ADDRESS}; an inet/inet6 given once holds for the later nexthops too. */
        private Optional<InetAddress> via() {
            String value = nextWord();
            if (value.equals("inet") || value.equals("inet6")) {
                nexthopFamily = Optional.of(value.equals("inet") ? IpFamily.INET : IpFamily.INET6);
                value = nextWord();
            }
            if (nexthopFamily.isPresent()) {
                if (family.isEmpty()) {
                    family = nexthopFamily;
                } else if (!family.equals(nexthopFamily)) {
                    lines.error(at, "IPv4/6 mismatch for nexthop");
                    return Optional.empty();
                }
            }
            Optional<IpLines.AddressAndLength> address = lines.ipAddress(at, value, false);
            if (address.isEmpty()) {
                lines.error(at, "invalid nexthop address " + value);
                return Optional.empty();
            }
            if (family.isPresent() && family.get() != address.get().family()) {
                lines.error(at, "Address family mismatch for next hop");
                return Optional.empty();
            }
            family = Optional.of(address.get().family());
            return Optional.of(address.get().address());
        }
    }
}
