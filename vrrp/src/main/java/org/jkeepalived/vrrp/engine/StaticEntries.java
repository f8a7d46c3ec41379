package org.jkeepalived.vrrp.engine;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.vrrp.VirtualAddress;

/**
 * keepalived 2.2.7's static_ipaddress, static_routes and static_rules: at start its VRRP process removes leftover
 * static rules (quietly where there is none) and sets the addresses, routes and rules; at the end it clears the rules,
 * routes and addresses, {@code -V} or not.
 */
final class StaticEntries {

    private StaticEntries() {
    }

    static void install(EngineIo io, List<VirtualAddress> addresses, RoutingSet routing) {
        routing.removeRules(io, true);
        addresses.forEach(address -> change(io, address, true));
        routing.addRoutes(io);
        routing.addRules(io);
    }

    static void remove(EngineIo io, List<VirtualAddress> addresses, RoutingSet routing) {
        routing.removeRules(io, false);
        routing.removeRoutes(io);
        addresses.forEach(address -> change(io, address, false));
    }

    private static void change(EngineIo io, VirtualAddress address, boolean add) {
        Optional<LinkState> link = address.device().flatMap(io::link);
        if (link.isEmpty()) {
            io.log("Static address " + IpAddresses.format(address.address()) + " has no interface "
                    + address.device().orElse(""));
            return;
        }
        EngineEffects.changeAddress(io, "Netlink: error: ", link.get().index(), address, add);
    }
}
