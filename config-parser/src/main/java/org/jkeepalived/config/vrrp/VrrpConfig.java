package org.jkeepalived.config.vrrp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the VRRP side of keepalived reads: instances, sync groups, track scripts, static addresses. Maps are
 * keyed by name and keep file order, so a reload can diff two configs by name.
 */
public record VrrpConfig(Map<String, VrrpInstance> instances, Map<String, SyncGroup> syncGroups,
                         Map<String, VrrpScript> scripts, List<VirtualAddress> staticAddresses,
                         List<IpRoute> staticRoutes, List<IpRule> staticRules) {

    public VrrpConfig {
        instances = ordered(instances);
        syncGroups = ordered(syncGroups);
        scripts = ordered(scripts);
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
