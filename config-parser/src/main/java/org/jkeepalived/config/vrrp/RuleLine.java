package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.Values;

/**
 * One rule line read as keepalived 2.2.7's {@code alloc_rule} does: word by word, where a keyword missing its value
 * ends the load as keepalived's null_strvec does, and the first error drops the rule.
 */
final class RuleLine {
    private static final long UINT32_MAX = 0xFFFF_FFFFL;
    private static final Pattern UID_RANGE = Pattern.compile("\\s*([+-]?\\d+)-\\s*([+-]?\\d+)");
    private static final Pattern PORT_RANGE = Pattern.compile("\\s*([+-]?\\d+)(?:-\\s*([+-]?\\d+))?");
    /** What getprotobyname finds in a stock /etc/protocols for the protocols a rule would name. */
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(Map.entry("ip", 0), Map.entry("IP", 0),
            Map.entry("icmp", 1), Map.entry("ICMP", 1), Map.entry("igmp", 2), Map.entry("IGMP", 2),
            Map.entry("tcp", 6), Map.entry("TCP", 6), Map.entry("udp", 17), Map.entry("UDP", 17),
            Map.entry("ipv6", 41), Map.entry("IPv6", 41), Map.entry("gre", 47), Map.entry("GRE", 47),
            Map.entry("esp", 50), Map.entry("IPSEC-ESP", 50), Map.entry("ah", 51), Map.entry("IPSEC-AH", 51),
            Map.entry("ipv6-icmp", 58), Map.entry("IPv6-ICMP", 58), Map.entry("ospf", 89), Map.entry("OSPFIGP", 89),
            Map.entry("pim", 103), Map.entry("PIM", 103), Map.entry("vrrp", 112), Map.entry("VRRP", 112),
            Map.entry("sctp", 132), Map.entry("SCTP", 132), Map.entry("udplite", 136), Map.entry("UDPLite", 136));

    private final IpLines lines;
    private final ConfigNode node;
    private final List<String> words;
    private final Location at;
    private final Optional<Predicate<String>> trackGroups;

    private int i;
    private Optional<IpFamily> family = Optional.empty();
    private boolean invert;
    private Optional<IpLines.RoutePrefix> from = Optional.empty();
    private Optional<IpLines.RoutePrefix> to = Optional.empty();
    private OptionalLong preference = OptionalLong.empty();
    private Optional<IpRule.Action> action = Optional.empty();
    private OptionalLong table = OptionalLong.empty();
    private OptionalLong gotoTarget = OptionalLong.empty();
    private OptionalInt tos = OptionalInt.empty();
    private OptionalLong fwmark = OptionalLong.empty();
    private OptionalLong fwmask = OptionalLong.empty();
    private OptionalLong realms = OptionalLong.empty();
    private OptionalInt suppressPrefixLength = OptionalInt.empty();
    private OptionalLong suppressGroup = OptionalLong.empty();
    /** realms and the suppressors only make sense for a table lookup. */
    private boolean tableOption;
    private Optional<String> inputInterface = Optional.empty();
    private Optional<String> outputInterface = Optional.empty();
    private OptionalLong tunnelId = OptionalLong.empty();
    private Optional<IpRule.Range> uidRange = Optional.empty();
    private boolean l3mdev;
    private OptionalInt protocol = OptionalInt.empty();
    private OptionalInt ipProtocol = OptionalInt.empty();
    private Optional<IpRule.Range> sourcePorts = Optional.empty();
    private Optional<IpRule.Range> destinationPorts = Optional.empty();
    private boolean tracked = true;
    private Optional<String> trackGroup = Optional.empty();

    RuleLine(IpLines lines, ConfigNode node, Optional<Predicate<String>> trackGroups) {
        this.lines = lines;
        this.node = node;
        this.words = RouteLine.words(node);
        this.at = node.location();
        this.trackGroups = trackGroups;
    }

    Optional<IpRule> parse() {
        while (i < words.size()) {
            String word = words.get(i);
            if (word.equals("track_group") && trackGroups.isPresent()) {
                i++;
                if (trackGroup.isPresent()) {
                    lines.error(at, "track_group " + current() + " is a duplicate");
                    break;
                }
                trackGroup = Optional.of(current()).filter(trackGroups.get());
                if (trackGroup.isEmpty()) {
                    lines.error(at, "track_group " + current() + " not found");
                }
            } else if (!keyword(word)) {
                return Optional.empty();
            }
            i++;
        }
        return complete();
    }

    private String current() {
        return lines.ctx.word(node, i);
    }

    private String nextWord() {
        i++;
        return current();
    }

    /** One keyword of the rule (with its values); false when keepalived drops the rule. */
    private boolean keyword(String word) {
        switch (word) {
            case "inet", "inet6" -> {
                IpFamily given = word.equals("inet") ? IpFamily.INET : IpFamily.INET6;
                if (family.isPresent() && family.get() != given) {
                    lines.error(at, word + " specified for " + (given == IpFamily.INET ? "IPv6" : "IPv4") + " rule");
                    return false;
                }
                family = Optional.of(given);
                // keepalived 2.2.7 steps over the word after inet/inet6 as well, so "inet6 default" loses default
                i++;
            }
            case "from", "to" -> {
                Optional<IpLines.RoutePrefix> prefix = lines.routePrefix(at, nextWord());
                if (prefix.isEmpty()) {
                    lines.error(at, "Invalid rule " + word + " address " + current());
                    return false;
                }
                if (word.equals("from")) {
                    from = prefix;
                } else {
                    to = prefix;
                }
                if (family.isEmpty()) {
                    family = prefix.get().family();
                } else if (!family.equals(prefix.get().family())) {
                    lines.error(at, "rule specification has mixed IPv4 and IPv6");
                    return false;
                }
            }
            case "table", "lookup" -> {
                OptionalLong id = lines.names.find(RtNames.Kind.TABLE, nextWord());
                if (id.isEmpty()) {
                    lines.error(at, "Routing table " + current() + " not found for rule");
                    return false;
                }
                if (id.getAsLong() == 0) {
                    lines.error(at, "Table 0 is not valid");
                    return false;
                }
                table = id;
                if (action.isPresent()) {
                    lines.error(at, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable"
                            + " for rule");
                    return false;
                }
                action = Optional.of(IpRule.Action.TO_TABLE);
            }
            case "not" -> invert = true;
            case "preference", "order", "priority" -> {
                preference = Values.readUnsignedBase(lines.ctx, at, nextWord(), 0, 0, UINT32_MAX, false);
                if (preference.isEmpty()) {
                    lines.error(at, "Invalid rule preference " + word + " specified");
                    return false;
                }
            }
            case "tos", "dsfield" -> {
                OptionalLong value = lines.names.find(RtNames.Kind.DSFIELD, nextWord());
                if (value.isEmpty()) {
                    lines.error(at, "TOS value " + current() + " is invalid");
                    return false;
                }
                tos = OptionalInt.of((int) value.getAsLong());
            }
            case "fwmark" -> {
                return fwmark(nextWord().stripLeading());
            }
            case "realms" -> {
                realms = RouteLine.realms(lines, nextWord());
                if (realms.isEmpty()) {
                    lines.error(at, "invalid realms " + current() + " for rule");
                    return false;
                }
                tableOption = true;
                if (family.isPresent() && family.get() != IpFamily.INET) {
                    lines.error(at, "realms is only valid for IPv4");
                    return false;
                }
                family = Optional.of(IpFamily.INET);
            }
            case "suppress_prefixlength", "sup_pl" -> {
                OptionalLong length = Values.readUnsigned(lines.ctx, at, nextWord(), 0, Integer.MAX_VALUE, false);
                if (length.isEmpty()) {
                    lines.error(at, "Invalid suppress_prefixlength " + word + " specified");
                    return false;
                }
                suppressPrefixLength = OptionalInt.of((int) length.getAsLong());
                tableOption = true;
            }
            case "suppress_ifgroup", "sup_group" -> {
                suppressGroup = lines.names.find(RtNames.Kind.GROUP, nextWord());
                if (suppressGroup.isEmpty()) {
                    lines.error(at, "suppress_group " + current() + " is invalid");
                    return false;
                }
                tableOption = true;
            }
            case "dev", "iif", "oif" -> {
                String name = nextWord();
                if (!lines.interfaceUsable(name)) {
                    lines.error(at, "WARNING - interface " + name + " for rule doesn't exist");
                    return false;
                }
                if (word.equals("oif")) {
                    outputInterface = Optional.of(name);
                } else {
                    inputInterface = Optional.of(name);
                }
            }
            case "tunnel-id" -> {
                tunnelId = Values.readUnsigned64(lines.ctx, at, nextWord());
                if (tunnelId.isEmpty()) {
                    lines.error(at, "Invalid tunnel-id " + word + " specified");
                    return false;
                }
            }
            case "uidrange" -> {
                Matcher range = UID_RANGE.matcher(nextWord());
                if (!range.lookingAt()) {
                    lines.error(at, "Invalid uidrange " + word + " specified");
                    return false;
                }
                uidRange = Optional.of(new IpRule.Range(scanned(range.group(1), UINT32_MAX),
                        scanned(range.group(2), UINT32_MAX)));
            }
            case "l3mdev" -> {
                l3mdev = true;
                if (action.isPresent()) {
                    lines.error(at, "Cannot specify l3mdev with other action");
                    return false;
                }
                action = Optional.of(IpRule.Action.TO_TABLE);
            }
            case "protocol" -> {
                OptionalLong value = Values.readUnsigned(lines.ctx, at, nextWord(), 0, 255, false);
                if (value.isEmpty()) {
                    lines.error(at, "Invalid protocol " + current());
                } else {
                    protocol = OptionalInt.of((int) value.getAsLong());
                }
            }
            case "ipproto" -> {
                ipProtocol = ipProtocol(nextWord());
                if (ipProtocol.isEmpty()) {
                    lines.error(at, "Invalid ipproto " + current());
                }
            }
            case "sport", "dport" -> {
                Optional<IpRule.Range> ports = portRange(nextWord());
                if (ports.isEmpty()) {
                    lines.error(at, "invalid " + word + " range " + current());
                } else if (word.equals("sport")) {
                    sourcePorts = ports;
                } else {
                    destinationPorts = ports;
                }
            }
            case "no_track" -> tracked = false;
            default -> {
                return action(word);
            }
        }
        return true;
    }

    /** {@code [type] goto N|nop|blackhole|unreachable|prohibit}. */
    private boolean action(String word) {
        String name = word.equals("type") ? nextWord() : word;
        IpRule.Action given;
        if (name.equals("goto")) {
            gotoTarget = Values.readUnsigned(lines.ctx, at, nextWord(), 0, UINT32_MAX, false);
            if (gotoTarget.isEmpty()) {
                lines.error(at, "Invalid target " + name + " specified");
                return false;
            }
            given = IpRule.Action.GOTO;
        } else if (name.equals("nop")) {
            given = IpRule.Action.NOP;
        } else {
            OptionalLong routeType = lines.names.routeType(name);
            if (routeType.isEmpty()) {
                lines.error(at, "Unknown rule option " + name);
                return false;
            }
            Optional<IpRule.Action> typed = switch ((int) routeType.getAsLong()) {
                case RtNames.RTN_BLACKHOLE -> Optional.of(IpRule.Action.BLACKHOLE);
                case RtNames.RTN_UNREACHABLE -> Optional.of(IpRule.Action.UNREACHABLE);
                case RtNames.RTN_PROHIBIT -> Optional.of(IpRule.Action.PROHIBIT);
                default -> Optional.empty();
            };
            if (typed.isEmpty()) {
                lines.error(at, "Invalid rule action " + name);
                return false;
            }
            given = typed.get();
        }
        if (action.isPresent()) {
            lines.error(at, "Cannot specify more than one of table/nop/goto/blackhole/prohibit/unreachable/l3mdev"
                    + " for rule");
            return false;
        }
        action = Optional.of(given);
        return true;
    }

    /** {@code fwmark MARK[/MASK]}: numbers as strtoul base 0 reads them, each at most 32 bits. */
    private boolean fwmark(String word) {
        int slash = word.indexOf('/');
        String markWord = slash < 0 ? word : word.substring(0, slash);
        OptionalLong mark = word.startsWith("-") ? OptionalLong.empty() : uint32(markWord);
        OptionalLong mask = OptionalLong.empty();
        boolean valid = mark.isPresent();
        if (valid && slash >= 0) {
            String maskWord = word.substring(slash + 1);
            boolean badStart = !maskWord.isEmpty()
                    && (Character.isWhitespace(maskWord.charAt(0)) || maskWord.charAt(0) == '-');
            mask = badStart ? OptionalLong.empty() : uint32(maskWord);
            valid = mask.isPresent();
        }
        if (!valid) {
            lines.error(at, "Invalid rule fwmark " + word + " specified");
            return false;
        }
        fwmark = mark;
        fwmask = mask;
        return true;
    }

    private static OptionalLong uint32(String word) {
        OptionalLong value = Values.strtoulWhole(word, 0);
        return value.isPresent() && Long.compareUnsigned(value.getAsLong(), UINT32_MAX) <= 0 ? value
                : OptionalLong.empty();
    }

    /** {@code inet_proto_a2n}: a number up to 127, or a protocol name. */
    private static OptionalInt ipProtocol(String word) {
        String text = word.stripLeading();
        if (text.isEmpty() || text.startsWith("-")) {
            return OptionalInt.empty();
        }
        OptionalLong number = Values.strtoulWhole(text, 10);
        if (number.isPresent()) {
            return Long.compareUnsigned(number.getAsLong(), Byte.MAX_VALUE) <= 0
                    ? OptionalInt.of((int) number.getAsLong()) : OptionalInt.empty();
        }
        Integer named = PROTOCOLS.get(text);
        return named == null ? OptionalInt.empty() : OptionalInt.of(named);
    }

    /**
     * sscanf's {@code %hu-%hu}: keepalived 2.2.7 then rejects anything but two numbers, so a single port is
     * reported as an invalid range.
     */
    private static Optional<IpRule.Range> portRange(String word) {
        Matcher range = PORT_RANGE.matcher(word);
        if (!range.lookingAt() || range.group(2) == null) {
            return Optional.empty();
        }
        return Optional.of(new IpRule.Range(scanned(range.group(1), 0xFFFF), scanned(range.group(2), 0xFFFF)));
    }

    /** A number as sscanf's %u stores it: wrapped to the width of the variable. */
    private static long scanned(String digits, long mask) {
        return Long.parseLong(digits.length() > 18 ? digits.substring(digits.length() - 18) : digits) & mask;
    }

    private Optional<IpRule> complete() {
        if (action.equals(Optional.of(IpRule.Action.GOTO))) {
            if (preference.isEmpty()) {
                lines.error(at, "Invalid rule - goto target " + gotoTarget.getAsLong() + " specified without"
                        + " preference");
                return Optional.empty();
            }
            if (preference.getAsLong() >= gotoTarget.getAsLong()) {
                lines.error(at, "Invalid rule - preference " + preference.getAsLong() + " >= goto target "
                        + gotoTarget.getAsLong());
                return Optional.empty();
            }
        }
        if (action.isEmpty()) {
            lines.error(at, "No action specified for rule - ignoring");
            return Optional.empty();
        }
        if (action.get() != IpRule.Action.TO_TABLE && tableOption) {
            lines.error(at, "suppressor/realm specified for non table action - skipping");
            return Optional.empty();
        }
        if (tracked) {
            if (protocol.isPresent() && protocol.getAsInt() != IpRoute.RTPROT_KEEPALIVED) {
                lines.error(at, "Rule cannot be tracked if protocol is not RTPROT_KEEPALIVED("
                        + IpRoute.RTPROT_KEEPALIVED + "), resetting protocol");
            }
            protocol = OptionalInt.of(IpRoute.RTPROT_KEEPALIVED);
        }
        if (trackGroup.isPresent() && inputInterface.isEmpty()) {
            lines.error(at, "Static rule cannot have track_group if dev/iif not specified");
            trackGroup = Optional.empty();
        }
        IpFamily settled = family.orElse(IpFamily.INET);
        if (preference.isEmpty()) {
            preference = OptionalLong.of(lines.nextRulePreference(settled));
            lines.error(at, "Rule has no preference specified - setting to " + preference.getAsLong()
                    + ". This is probably not what you want.");
        }
        return Optional.of(new IpRule(settled, invert, from.map(p -> p.in(settled)), to.map(p -> p.in(settled)),
                preference.getAsLong(), action.get(), table, gotoTarget, tos, fwmark, fwmask, realms,
                suppressPrefixLength, suppressGroup, inputInterface, outputInterface, tunnelId, uidRange, l3mdev,
                protocol, ipProtocol, sourcePorts, destinationPorts, tracked, trackGroup, words));
    }
}
