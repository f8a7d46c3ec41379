package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.Values;

/**
 * keepalived 2.2.7's {@code parse_encap} and the readers of each encapsulation. Their errors never drop the route;
 * the word index they leave behind is keepalived's, so the route reader carries on where keepalived does.
 */
final class EncapReader {
    private static final long MPLS_LABEL_MAX = 0xFFFFF;
    private static final int MAX_MPLS_LABELS = 2;

    private final IpLines lines;
    private final List<String> words;
    private final Location at;

    /** Where the route reader goes on (before its own step to the next word), and the encapsulation read. */
    record Result(int nextIndex, Optional<RouteEncap> encap) {
    }

    EncapReader(IpLines lines, ConfigNode node) {
        this.lines = lines;
        this.words = RouteLine.words(node);
        this.at = node.location();
    }

    /** Reads {@code encap TYPE ...} with {@code encapIndex} at the word {@code encap}. */
    Result read(int encapIndex) {
        int i = encapIndex + 1;
        if (i >= words.size()) {
            lines.error(at, "Missing encap type");
            return new Result(i, Optional.empty());
        }
        String type = words.get(i++);
        Result read = switch (type) {
            case "ip" -> ipFields(i, RouteEncap.Type.IP);
            case "ip6" -> ipFields(i, RouteEncap.Type.IP6);
            case "mpls" -> mpls(i);
            case "ila" -> ila(i);
            default -> null;
        };
        if (read == null) {
            lines.error(at, "Unknown encap type - " + type);
            return new Result(i, Optional.empty());
        }
        return new Result(read.nextIndex() - 1, read.encap());
    }

    private Result mpls(int i) {
        if (i >= words.size()) {
            lines.error(at, "missing address for MPLS encapsulation");
            return new Result(i, Optional.empty());
        }
        String word = words.get(i);
        Optional<List<Long>> labels = mplsLabels(word);
        if (labels.isEmpty()) {
            lines.error(at, "invalid mpls address " + word + " for encapsulation");
            return new Result(i + 1, Optional.empty());
        }
        return new Result(i + 1, Optional.of(new RouteEncap(RouteEncap.Type.MPLS, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                labels.get(), OptionalLong.empty())));
    }

    private Result ila(int i) {
        if (i >= words.size()) {
            lines.error(at, "missing locator for ILA encapsulation");
            return new Result(i, Optional.empty());
        }
        String word = words.get(i);
        OptionalLong locator = locator64(word);
        if (locator.isEmpty()) {
            lines.error(at, "invalid locator " + word + " for ila encapsulation");
            return new Result(i + 1, Optional.empty());
        }
        return new Result(i + 1, Optional.of(new RouteEncap(RouteEncap.Type.ILA, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
                List.of(), locator)));
    }

    /** {@code parse_encap_ip} / {@code parse_encap_ip6}: KEY VALUE pairs until a word that is not a key. */
    private Result ipFields(int start, RouteEncap.Type type) {
        boolean ip6 = type == RouteEncap.Type.IP6;
        String kind = ip6 ? "ip6" : "ip";
        OptionalLong id = OptionalLong.empty();
        Optional<InetAddress> destination = Optional.empty();
        Optional<InetAddress> source = Optional.empty();
        OptionalInt tos = OptionalInt.empty();
        OptionalInt ttl = OptionalInt.empty();
        OptionalInt flags = OptionalInt.empty();
        int i = start;
        boolean failed = false;
        fields:
        while (i + 1 < words.size() && !failed) {
            String key = words.get(i);
            String value = words.get(i + 1);
            switch (key) {
                case "id" -> {
                    id = Values.readUnsigned64(lines.ctx, at, value);
                    if (id.isEmpty()) {
                        lines.error(at, ip6 ? "id " + value + " value invalid for IPv6 encapsulation"
                                : "encap id " + value + " value is invalid");
                    }
                    failed = id.isEmpty();
                }
                case "dst", "src" -> {
                    Optional<InetAddress> address = encapAddress(key, value, ip6);
                    failed = address.isEmpty();
                    if (key.equals("dst")) {
                        destination = address;
                    } else {
                        source = address;
                    }
                }
                case "tos", "tc" -> {
                    if (key.equals("tc") != ip6) {
                        break fields;
                    }
                    OptionalLong value8 = lines.names.find(RtNames.Kind.DSFIELD, value);
                    if (value8.isEmpty()) {
                        // keepalived 2.2.7 names the key, not the value, in the ip6 message
                        lines.error(at, ip6 ? "tc value " + key + " is invalid for ip6 encapsulation"
                                : "dsfield " + value + " not valid for ip encapsulation");
                        failed = true;
                    } else {
                        tos = OptionalInt.of((int) value8.getAsLong());
                    }
                }
                case "ttl", "hoplimit" -> {
                    if (key.equals("hoplimit") != ip6) {
                        break fields;
                    }
                    OptionalLong value8 = RouteLine.unsigned(lines, at, value, 255, ip6
                            ? "Invalid hoplimit %s specified for ip6 encapsulation"
                            : "ttl %s is not valid for ip encapsulation");
                    failed = value8.isEmpty();
                    ttl = failed ? ttl : OptionalInt.of((int) value8.getAsLong());
                }
                case "flags" -> {
                    OptionalLong value16 = RouteLine.unsigned(lines, at, value, 0xFFFF,
                            "flags %s is not valid for " + kind + " encapsulation");
                    failed = value16.isEmpty();
                    flags = failed ? flags : OptionalInt.of((int) value16.getAsLong());
                }
                default -> {
                    break fields;
                }
            }
            if (!failed) {
                i += 2;
            }
        }
        if (!failed && destination.isEmpty() && id.isEmpty()) {
            lines.error(at, "address or id missing for " + kind + " encapsulation");
            failed = true;
        }
        if (failed) {
            return new Result(i, Optional.empty());
        }
        return new Result(i, Optional.of(new RouteEncap(type, id, destination, source, tos, ttl, flags, List.of(),
                OptionalLong.empty())));
    }

    private Optional<InetAddress> encapAddress(String key, String value, boolean ip6) {
        Optional<IpLines.AddressAndLength> address = lines.ipAddress(at, value, false);
        if (address.isEmpty()) {
            lines.error(at, "Invalid encap " + (ip6 ? "ip6 " : "ip ") + key + " " + value);
            return Optional.empty();
        }
        if ((address.get().family() == IpFamily.INET6) != ip6) {
            lines.error(at, (ip6 ? "IPv4 address " : "IPv6 address ") + value + " not valid for "
                    + (ip6 ? "ip6" : "ip") + " encapsulation");
            return Optional.empty();
        }
        return Optional.of(address.get().address());
    }

    /** {@code parse_mpls_address}: up to two 20-bit labels, {@code L1[/L2]}. */
    private static Optional<List<Long>> mplsLabels(String word) {
        String[] parts = word.stripLeading().split("/", -1);
        if (parts.length > MAX_MPLS_LABELS) {
            return Optional.empty();
        }
        List<Long> labels = new ArrayList<>();
        for (String part : parts) {
            OptionalLong label = Values.strtoulWhole(part, 0);
            if (part.isEmpty() || part.startsWith("-") || Character.isWhitespace(part.charAt(0)) || label.isEmpty()
                    || Long.compareUnsigned(label.getAsLong(), MPLS_LABEL_MAX) > 0) {
                return Optional.empty();
            }
            labels.add(label.getAsLong());
        }
        return Optional.of(labels);
    }

    /** {@code get_addr64}: four groups of up to four hex digits separated by colons. */
    private static OptionalLong locator64(String word) {
        String[] groups = word.stripLeading().split(":", -1);
        if (groups.length != 4) {
            return OptionalLong.empty();
        }
        long locator = 0;
        for (String group : groups) {
            if (!group.matches("[0-9A-Fa-f]{1,4}")) {
                return OptionalLong.empty();
            }
            locator = locator << 16 | Long.parseLong(group, 16);
        }
        return OptionalLong.of(locator);
    }
}
