package org.jkeepalived.config.vrrp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.Values;

/**
 * The address, route and rule lines of the VRRP side (keepalived 2.2.7's vrrp_ipaddress.c {@code alloc_ipaddress},
 * vrrp_iproute.c {@code alloc_route}, vrrp_iprule.c {@code alloc_rule}), with what they share over one load: the
 * interface lookup, the track groups, the route name files and the preferences handed to rules that give none.
 */
public final class IpLines {
    /** keepalived's RULE_START_PRIORITY: rules without a preference count down from here, per family. */
    private static final long RULE_START_PREFERENCE = 16384;

    final BuildContext ctx;
    final RtNames names;
    private final Predicate<String> interfaceUsable;
    private final List<ConfigNode> rootItems;
    private final String defaultInterface;
    private long nextRulePreference4 = RULE_START_PREFERENCE;
    private long nextRulePreference6 = RULE_START_PREFERENCE;

    /**
     * @param root            the config root, where {@code track_group} blocks are found
     * @param interfaceUsable keepalived's {@code if_get_by_ifname(IF_CREATE_IF_DYNAMIC)}; the caller records a
     *                        name that is not usable for the "Non-existent interface" summary
     * @param defaultInterface the interface of static addresses given without {@code dev}
     */
    public IpLines(BuildContext ctx, ConfigNode root, Predicate<String> interfaceUsable, String defaultInterface) {
        this(ctx, root, interfaceUsable, defaultInterface, ctx.host()::iproute2File);
    }

    IpLines(BuildContext ctx, ConfigNode root, Predicate<String> interfaceUsable, String defaultInterface,
            Function<String, List<String>> iproute2File) {
        this.ctx = ctx;
        this.names = new RtNames(iproute2File);
        this.interfaceUsable = interfaceUsable;
        this.rootItems = root.children();
        this.defaultInterface = defaultInterface;
    }

    /** A {@code static_ipaddress} block. */
    public List<VirtualAddress> staticAddresses(ConfigNode block) {
        return each(block, line -> address(line, true, trackGroupsBefore(block)));
    }

    /** A {@code virtual_ipaddress} or {@code virtual_ipaddress_excluded} line. */
    public Optional<VirtualAddress> virtualAddress(ConfigNode line) {
        return address(line, false, name -> false);
    }

    public List<IpRoute> staticRoutes(ConfigNode block) {
        return each(block, line -> new RouteLine(this, line, Optional.of(trackGroupsBefore(block))).parse());
    }

    public List<IpRoute> virtualRoutes(ConfigNode block) {
        return each(block, line -> new RouteLine(this, line, Optional.empty()).parse());
    }

    public List<IpRule> staticRules(ConfigNode block) {
        return each(block, line -> new RuleLine(this, line, Optional.of(trackGroupsBefore(block))).parse());
    }

    public List<IpRule> virtualRules(ConfigNode block) {
        return each(block, line -> new RuleLine(this, line, Optional.empty()).parse());
    }

    private static <T> List<T> each(ConfigNode block, Function<ConfigNode, Optional<T>> parse) {
        List<T> parsed = new ArrayList<>();
        block.children().forEach(line -> parse.apply(line).ifPresent(parsed::add));
        return parsed;
    }

    private Optional<VirtualAddress> address(ConfigNode line, boolean staticAddress, Predicate<String> trackGroups) {
        return new AddressLine(this, line, staticAddress, trackGroups).parse();
    }

    /** keepalived finds a track group only among the {@code track_group NAME} blocks read before the line. */
    private Predicate<String> trackGroupsBefore(ConfigNode block) {
        List<String> defined = new ArrayList<>();
        for (ConfigNode item : rootItems) {
            if (item == block) {
                break;
            }
            if (item.keyword().equals("track_group") && item.args().size() == 1) {
                defined.add(item.args().get(0));
            }
        }
        return defined::contains;
    }

    boolean interfaceUsable(String name) {
        return interfaceUsable.test(name);
    }

    String defaultInterface() {
        return defaultInterface;
    }

    /** The next preference for a rule that gives none, counting down per family from 16384. */
    long nextRulePreference(IpFamily family) {
        return family == IpFamily.INET ? nextRulePreference4-- : nextRulePreference6--;
    }

    void error(Location at, String message) {
        ctx.report(Severity.GENERAL_ERROR, at, message);
    }

    /**
     * {@code parse_ipaddress}: the family is IPv6 when the word has a colon; with {@code allowPrefix} a
     * {@code /LEN} is read (an invalid one is reported and the full length used).
     */
    Optional<AddressAndLength> ipAddress(Location at, String word, boolean allowPrefix) {
        IpFamily family = word.indexOf(':') >= 0 ? IpFamily.INET6 : IpFamily.INET;
        int prefixLength = family.bits();
        String literal = word;
        int slash = allowPrefix ? word.indexOf('/') : -1;
        if (slash >= 0) {
            String lengthWord = word.substring(slash + 1);
            OptionalLong length = Values.readUnsigned(ctx, at, lengthWord, 0, family.bits(), true);
            if (length.isEmpty()) {
                error(at, "Invalid address prefix len " + lengthWord + " for address " + word + " - using "
                        + family.bits());
            } else {
                prefixLength = (int) length.getAsLong();
            }
            literal = word.substring(0, slash);
        }
        Optional<InetAddress> address = IpAddresses.parse(literal).map(a -> inFamily(a, family));
        if (address.isEmpty() || IpAddresses.isIpv6(address.get()) != (family == IpFamily.INET6)) {
            error(at, "VRRP parsed invalid IP " + word + ". skipping IP...");
            return Optional.empty();
        }
        return Optional.of(new AddressAndLength(family, address.get(), prefixLength));
    }

    /** {@code parse_route}: an address with optional prefix, or {@code default}/{@code any}/{@code all}. */
    Optional<RoutePrefix> routePrefix(Location at, String word) {
        switch (word) {
            case "default", "any", "all" -> {
                return Optional.of(new RoutePrefix(Optional.empty(), Optional.empty(), 0));
            }
            case "default6" -> {
                // keepalived 2.2.7 only logs that 'default6' is deprecated; it is not a config error
                return Optional.of(new RoutePrefix(Optional.of(IpFamily.INET6), Optional.empty(), 0));
            }
            default -> {
                return ipAddress(at, word, true).map(a -> new RoutePrefix(Optional.of(a.family()),
                        Optional.of(a.address()), a.prefixLength()));
            }
        }
    }

    /** inet_pton(AF_INET6) of an IPv4-mapped literal gives an IPv6 address; Java gives the IPv4 one. */
    private static InetAddress inFamily(InetAddress address, IpFamily family) {
        if (family == IpFamily.INET6 && address instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
            try {
                return Inet6Address.getByAddress(null, mapped, -1);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are an IPv6 address", e);
            }
        }
        return address;
    }

    /** What {@code parse_ipaddress} gives. */
    record AddressAndLength(IpFamily family, InetAddress address, int prefixLength) {
    }

    /** What {@code parse_route} gives: the family is unknown for {@code default} until the line settles it. */
    record RoutePrefix(Optional<IpFamily> family, Optional<InetAddress> address, int prefixLength) {

        IpPrefix in(IpFamily lineFamily) {
            return new IpPrefix(family.orElse(lineFamily), address, prefixLength);
        }
    }
}
