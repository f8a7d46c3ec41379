package org.jkeepalived.config.lvs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lvs.VirtualServerGroup.AddressRange;
import org.jkeepalived.config.lvs.VirtualServerGroup.Entry;
import org.jkeepalived.config.lvs.VirtualServerGroup.FwmarkEntry;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.Values;

/** keepalived 2.2.7's {@code vsg_handler} and {@code alloc_vsg_entry}: one {@code virtual_server_group} block. */
final class GroupParser {
    private static final int IPV4_LAST_OCTET_MAX = 0xff;
    private static final int IPV6_LAST_WORD_MAX = 0xffff;

    private final BuildContext ctx;
    private final List<Entry> entries = new ArrayList<>();
    private String name;
    private boolean haveIpv4;
    private boolean haveIpv6;
    private boolean fwmarkWithoutFamily;

    GroupParser(BuildContext ctx) {
        this.ctx = ctx;
    }

    /** The group, or empty where keepalived removes it. */
    Optional<VirtualServerGroup> parse(ConfigNode node) {
        name = ctx.word(node, 1);
        for (ConfigNode item : node.children()) {
            if (item.keyword().equals("fwmark")) {
                fwmark(item);
            } else {
                address(item);
            }
        }
        if (entries.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "virtual server group " + name + " has no entries - removing");
            return Optional.empty();
        }
        if (haveIpv4 && haveIpv6 && fwmarkWithoutFamily) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "virtual server group " + name
                    + " cannot have IPv4, IPv6 and fwmark without family - removing");
            return Optional.empty();
        }
        return Optional.of(new VirtualServerGroup(name, entries, node.location()));
    }

    private void fwmark(ConfigNode item) {
        Location at = item.location();
        String word = ctx.word(item, 1);
        OptionalLong fwmark = Values.readUnsigned(ctx, at, word, 0, CheckParser.UINT_MAX, true);
        if (fwmark.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at,
                    "(" + name + "): fwmark '" + word + "' must be in [0, " + CheckParser.UINT_MAX + "] - ignoring");
            return;
        }
        AddressFamily family = AddressFamily.UNSPEC;
        if (item.args().size() > 1) {
            String familyWord = item.args().get(1);
            family = switch (familyWord) {
                case "inet" -> AddressFamily.INET;
                case "inet6" -> AddressFamily.INET6;
                default -> null;
            };
            if (family == null) {
                ctx.report(Severity.GENERAL_ERROR, at, "(" + name + "): fwmark '" + fwmark.getAsLong() + "' family "
                        + familyWord + " unknown - ignoring");
                return;
            }
        }
        haveIpv4 |= family == AddressFamily.INET;
        haveIpv6 |= family == AddressFamily.INET6;
        fwmarkWithoutFamily |= family == AddressFamily.UNSPEC;
        entries.add(new FwmarkEntry(fwmark.getAsLong(), family));
    }

    private void address(ConfigNode item) {
        Location at = item.location();
        String text = item.keyword();
        String portWord = CheckParser.significantPort(item.args().isEmpty() ? null : item.args().get(0));
        Optional<AddressRange> range = startAddress(at, text, portWord).flatMap(start -> range(at, text, portWord,
                start));
        range.ifPresent(r -> {
            entries.add(r);
            haveIpv4 |= r.family() == AddressFamily.INET;
            haveIpv6 |= r.family() == AddressFamily.INET6;
        });
    }

    private Optional<Endpoint> startAddress(Location at, String text, String portWord) {
        Optional<Endpoint> start = CheckParser.endpoint(ctx, at, text, portWord);
        if (start.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at, "Invalid virtual server group IP address " + text + " "
                    + (portWord != null ? "/port/" + portWord : "") + " - skipping");
        }
        return start;
    }

    private Optional<AddressRange> range(Location at, String text, String portWord, Endpoint start) {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return masked(at, text, text.substring(slash + 1), start);
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return Optional.of(new AddressRange(start.address(), start.address(), start.port()));
        }
        String endText = text.substring(dash + 1);
        boolean fullRange = endText.indexOf(start.family() == AddressFamily.INET ? '.' : ':') >= 0;
        return fullRange ? fullRange(at, text, endText, portWord, start) : lastPartRange(at, text, endText, start);
    }

    private Optional<AddressRange> masked(Location at, String text, String maskText, Endpoint start) {
        int bits = start.family() == AddressFamily.INET ? 32 : 128;
        int mask = maskText.matches("[0-9]{1,9}") ? Integer.parseInt(maskText) : -1;
        if (mask <= 0 || mask > bits) {
            ctx.report(Severity.GENERAL_ERROR, at, "Invalid netmask - " + text + " - skipping");
            return Optional.empty();
        }
        BigInteger hostBits = BigInteger.ONE.shiftLeft(bits - mask).subtract(BigInteger.ONE);
        BigInteger first = new BigInteger(1, start.address().getAddress());
        if (first.and(hostBits).signum() != 0) {
            ctx.report(Severity.GENERAL_ERROR, at, "Address mask bits not empty - " + text + " - skipping");
            return Optional.empty();
        }
        return Optional.of(new AddressRange(start.address(), address(first.or(hostBits), bits / 8), start.port()));
    }

    private Optional<AddressRange> fullRange(Location at, String text, String endText, String portWord,
                                             Endpoint start) {
        Optional<Endpoint> end = CheckParser.endpoint(ctx, at, endText, portWord);
        if (end.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at, "Invalid range end " + text + " - skipping");
            return Optional.empty();
        }
        if (end.get().family() != start.family()) {
            ctx.report(Severity.GENERAL_ERROR, at, "Range address families do not match " + text + " - skipping");
            return Optional.empty();
        }
        BigInteger first = new BigInteger(1, start.address().getAddress());
        BigInteger last = new BigInteger(1, end.get().address().getAddress());
        if (last.compareTo(first) < 0) {
            ctx.report(Severity.GENERAL_ERROR, at,
                    "Address range end is less than address range start - " + text + " - skipping");
            return Optional.empty();
        }
        return Optional.of(new AddressRange(start.address(), end.get().address(), start.port()));
    }

    /** keepalived's {@code inet_stor}: {@code A.B.C.D-E} (decimal) or {@code ...:X-Y} (hex) ranges the last part. */
    private Optional<AddressRange> lastPartRange(Location at, String text, String endText, Endpoint start) {
        boolean ipv4 = start.family() == AddressFamily.INET;
        int digits = 0;
        while (digits < endText.length() && Character.digit(endText.charAt(digits), ipv4 ? 10 : 16) >= 0
                && endText.charAt(digits) < 0x80) {
            digits++;
        }
        BigInteger rangeEnd = digits == 0 ? BigInteger.ZERO
                : new BigInteger(endText.substring(0, digits), ipv4 ? 10 : 16);
        if (digits < endText.length()) {
            String warn = ctx.configTest() ? "" : "WARNING - ";
            ctx.report(Severity.INVALID_NUMBER, at, warn + "Virtual server group range '" + text
                    + "' has extra characters at end '" + endText.substring(digits) + "'");
            if (ctx.configTest()) {
                return Optional.empty();
            }
        } else if (rangeEnd.compareTo(BigInteger.valueOf(ipv4 ? IPV4_LAST_OCTET_MAX : IPV6_LAST_WORD_MAX)) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at,
                    "Virtual server group range '" + text + "' end '" + endText + "' too large");
            return Optional.empty();
        }
        // keepalived keeps only the low byte or word of an end that strtoul read past the range
        int partBits = ipv4 ? 8 : 16;
        int end = rangeEnd.intValue() & ((1 << partBits) - 1);
        BigInteger first = new BigInteger(1, start.address().getAddress());
        int startPart = first.intValue() & ((1 << partBits) - 1);
        if (startPart >= end) {
            ctx.report(Severity.GENERAL_ERROR, at,
                    "Address range end is not greater than address range start - " + text + " - skipping");
            return Optional.empty();
        }
        BigInteger last = first.shiftRight(partBits).shiftLeft(partBits).or(BigInteger.valueOf(end));
        return Optional.of(new AddressRange(start.address(), address(last, ipv4 ? 4 : 16), start.port()));
    }

    private static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        return IpAddresses.fromBytes(bytes);
    }
}
