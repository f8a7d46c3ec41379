package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.Values;

/** One address line read as keepalived 2.2.7's {@code alloc_ipaddress} does. */
final class AddressLine {
    private static final int IFNAMSIZ = 16;

    private final IpLines lines;
    private final List<String> words;
    private final Location at;
    private final boolean staticAddress;
    private final Predicate<String> trackGroups;

    private Optional<String> device = Optional.empty();
    private OptionalInt scope = OptionalInt.empty();
    private Optional<String> broadcastWord = Optional.empty();
    private Optional<String> label = Optional.empty();
    private Optional<IpLines.AddressAndLength> peer = Optional.empty();
    private final Set<VirtualAddress.Flag> flags = EnumSet.noneOf(VirtualAddress.Flag.class);
    private boolean tracked = true;
    private OptionalLong preferredLifetime = OptionalLong.empty();
    private Optional<String> trackGroup = Optional.empty();
    private boolean useVmac;
    private boolean stopReading;

    AddressLine(IpLines lines, ConfigNode line, boolean staticAddress, Predicate<String> trackGroups) {
        this.lines = lines;
        this.words = RouteLine.words(line);
        this.at = line.location();
        this.staticAddress = staticAddress;
        this.trackGroups = trackGroups;
    }

    Optional<VirtualAddress> parse() {
        String first = words.get(0);
        Optional<IpLines.AddressAndLength> parsed = lines.ipAddress(at, first, true);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        IpLines.AddressAndLength address = parsed.get();
        int i = 1;
        while (i < words.size() && !stopReading) {
            String word = words.get(i);
            boolean valueNeeded = switch (word) {
                case "dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft" -> true;
                case "track_group" -> staticAddress;
                default -> false;
            };
            if (valueNeeded && i + 1 >= words.size()) {
                lines.error(at, "No " + word + " parameter specified for " + first);
                return Optional.empty();
            }
            String value = valueNeeded ? words.get(++i) : "";
            if (word.equals("peer") && peer.isPresent()) {
                // keepalived goes on with the second peer's address as if it were an option
                lines.error(at, "Peer " + value + " - another peer has already been specified");
                continue;
            }
            if (!option(word, value, address)) {
                return Optional.empty();
            }
            i++;
        }
        return complete(address);
    }

    /** One option of the line; false when keepalived drops the address. */
    private boolean option(String word, String value, IpLines.AddressAndLength address) {
        String first = words.get(0);
        switch (word) {
            case "dev" -> {
                if (device.isPresent()) {
                    lines.error(at, "Cannot specify ipaddress device more than once for " + first);
                    return false;
                }
                if (!lines.interfaceUsable(value)) {
                    lines.error(at, "WARNING - interface " + value + " for ip address " + first + " doesn't exist");
                    return false;
                }
                device = Optional.of(value);
            }
            case "scope" -> {
                OptionalLong id = lines.names.find(RtNames.Kind.SCOPE, value);
                if (id.isEmpty()) {
                    lines.error(at, "Invalid scope '" + value + "' specified for " + first + " - ignoring");
                } else {
                    scope = OptionalInt.of((int) id.getAsLong());
                }
            }
            case "broadcast", "brd" -> {
                if (address.family() == IpFamily.INET6) {
                    lines.error(at, "VRRP is trying to assign a broadcast " + word + " to the IPv6 address " + first
                            + " !!?? WTF... skipping VIP...");
                    return false;
                }
                if (!value.equals("-") && !value.equals("+") && !isIpv4(value)) {
                    lines.error(at, "VRRP is trying to assign invalid broadcast " + value + ". skipping VIP...");
                    return false;
                }
                broadcastWord = Optional.of(value);
            }
            case "label" -> {
                if (value.length() >= IFNAMSIZ) {
                    lines.error(at, "Address label " + value + " is longer than maximum length " + (IFNAMSIZ - 1)
                            + " - removing address");
                    return false;
                }
                label = Optional.of(value);
            }
            case "peer" -> peer(value, address);
            case "home" -> flags.add(VirtualAddress.Flag.HOME);
            case "-nodad" -> flags.add(VirtualAddress.Flag.NODAD);
            case "mngtmpaddr" -> flags.add(VirtualAddress.Flag.MANAGETEMPADDR);
            case "noprefixroute" -> flags.add(VirtualAddress.Flag.NOPREFIXROUTE);
            case "autojoin" -> flags.add(VirtualAddress.Flag.MCAUTOJOIN);
            case "no_track" -> tracked = false;
            case "preferred_lft" -> {
                if (value.equals("forever")) {
                    preferredLifetime = OptionalLong.of(VirtualAddress.INFINITY_LIFE_TIME);
                } else {
                    OptionalLong secs = Values.readUnsigned(lines.ctx, at, value, 0, 0xFFFF_FFFFL, true);
                    if (secs.isEmpty()) {
                        lines.error(at, "preferred_lft " + value + " is invalid");
                    } else {
                        preferredLifetime = secs;
                    }
                }
            }
            case "use_vmac" -> {
                if (staticAddress) {
                    unknown(word);
                } else {
                    useVmac = true;
                }
            }
            case "track_group" -> {
                if (!staticAddress) {
                    unknown(word);
                } else if (trackGroup.isPresent()) {
                    // keepalived stops reading the line here but keeps the address
                    lines.error(at, "track_group " + value + " is a duplicate");
                    stopReading = true;
                } else if (trackGroups.test(value)) {
                    trackGroup = Optional.of(value);
                } else {
                    lines.error(at, "track_group " + value + " not found");
                }
            }
            default -> unknown(word);
        }
        return true;
    }

    private void unknown(String word) {
        lines.error(at, "Unknown configuration entry '" + word + "' for ip address - ignoring");
    }

    private void peer(String value, IpLines.AddressAndLength address) {
        Optional<IpLines.AddressAndLength> parsed = lines.ipAddress(at, value, false);
        if (parsed.isEmpty()) {
            lines.error(at, "Invalid peer address " + value);
        } else if (parsed.get().family() != address.family()) {
            lines.error(at, "Peer address " + value + " does not match address family");
        } else {
            if (address.prefixLength() != address.family().bits()) {
                lines.error(at, "Cannot specify address prefix when specifying peer address - ignoring");
            }
            peer = parsed;
        }
    }

    private Optional<VirtualAddress> complete(IpLines.AddressAndLength address) {
        String first = words.get(0);
        int prefixLength = peer.map(IpLines.AddressAndLength::prefixLength).orElse(address.prefixLength());
        Optional<InetAddress> broadcast = Optional.empty();
        if (broadcastWord.isPresent() && peer.isPresent()) {
            lines.error(at, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
        } else if (broadcastWord.isPresent()) {
            broadcast = broadcast(broadcastWord.get(), peer.orElse(address).address(), prefixLength);
        }
        if (staticAddress && device.isEmpty()) {
            if (!lines.interfaceUsable(lines.defaultInterface())) {
                lines.ctx.report(Severity.FATAL, at, "Static address " + first + " requires either an interface or"
                        + " default interface must exist");
                return Optional.empty();
            }
            device = Optional.of(lines.defaultInterface());
        }
        if (address.family() == IpFamily.INET6) {
            if (scope.isPresent() && scope.getAsInt() != 0) {
                lines.error(at, "Cannot specify scope for IPv6 addresses (" + first + ") - ignoring scope");
            }
            scope = OptionalInt.empty();
            if (label.isPresent()) {
                lines.error(at, "Cannot specify label for IPv6 addresses (" + first + ") - ignoring label");
                label = Optional.empty();
            }
            if (preferredLifetime.isEmpty()) {
                preferredLifetime = OptionalLong.of(prefixLength == 128 ? 0 : VirtualAddress.INFINITY_LIFE_TIME);
            }
        }
        return Optional.of(new VirtualAddress(address.address(), prefixLength, broadcast, device, scope, label,
                peer.map(IpLines.AddressAndLength::address), flags, preferredLifetime, tracked, useVmac, trackGroup,
                words));
    }

    /** {@code brd +} sets the host bits, {@code brd -} clears them; only for prefixes up to /30. */
    private Optional<InetAddress> broadcast(String word, InetAddress base, int prefixLength) {
        if (!word.equals("+") && !word.equals("-")) {
            return IpAddresses.parse(word);
        }
        if (prefixLength > 30) {
            lines.error(at, "Address prefix length " + prefixLength + " too long for broadcast");
            return Optional.empty();
        }
        int bits = ByteBuffer.wrap(base.getAddress()).getInt();
        int hostMask = (int) (0xFFFF_FFFFL >>> prefixLength);
        int broadcast = word.equals("+") ? bits | hostMask : bits & ~hostMask;
        try {
            return Optional.of(InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(broadcast).array()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private static boolean isIpv4(String word) {
        return IpAddresses.parse(word).filter(a -> !IpAddresses.isIpv6(a)).isPresent();
    }
}
