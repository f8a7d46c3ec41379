package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.jkeepalived.config.Location;

/** A {@code virtual_server_group}: address ranges and firewall marks a virtual server can stand for. */
public record VirtualServerGroup(String name, List<Entry> entries, Location location) {

    public VirtualServerGroup {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    public boolean hasAddresses() {
        return entries.stream().anyMatch(AddressRange.class::isInstance);
    }

    public boolean hasFwmarks() {
        return entries.stream().anyMatch(FwmarkEntry.class::isInstance);
    }

    /** One line of the group. */
    public sealed interface Entry permits AddressRange, FwmarkEntry {
    }

    /**
     * {@code IP [PORT]}, {@code A.B.C.D-E}, {@code START-END} or {@code IP/PREFIX}: the addresses from {@code first}
     * to {@code last} inclusive (equal for a single address).
     *
     * @param port 0 when none was given
     */
    public record AddressRange(InetAddress first, InetAddress last, int port) implements Entry {

        public AddressRange {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " (expected 0..65535)");
            }
        }

        public AddressFamily family() {
            return AddressFamily.of(first);
        }
    }

    /** {@code fwmark N [inet|inet6]}; {@code family} is UNSPEC when not given. */
    public record FwmarkEntry(long fwmark, AddressFamily family) implements Entry {

        public FwmarkEntry {
            Objects.requireNonNull(family, "family");
            if (fwmark < 0 || fwmark > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("fwmark: " + fwmark + " (expected 0..4294967295)");
            }
        }
    }
}
