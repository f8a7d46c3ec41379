package org.jkeepalived.vrrp.engine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jkeepalived.config.vrrp.VirtualAddress;

/**
 * What the kernel tells one address of an interface from another by: the address, its prefix length and the
 * interface. A reload that only relabels an address, or changes its broadcast or scope, leaves the kernel's address
 * in place, so it must not remove it as an old one.
 */
record AddressKey(InetAddress address, int prefixLength, String device) {

    static AddressKey of(InstanceRuntime runtime, VirtualAddress address) {
        return new AddressKey(address.address(), address.prefixLength(), EngineEffects.deviceOf(runtime, address));
    }

    /** The instance's virtual and excluded addresses, in configuration order. */
    static List<VirtualAddress> addressesOf(InstanceRuntime runtime) {
        List<VirtualAddress> addresses = new ArrayList<>(runtime.config.virtualAddresses());
        addresses.addAll(runtime.config.excludedAddresses());
        return addresses;
    }

    static Set<AddressKey> allOf(InstanceRuntime runtime) {
        Set<AddressKey> keys = new LinkedHashSet<>();
        addressesOf(runtime).forEach(address -> keys.add(of(runtime, address)));
        return keys;
    }
}
