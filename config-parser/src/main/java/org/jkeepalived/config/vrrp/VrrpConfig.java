package org.jkeepalived.config.vrrp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the VRRP side of keepalived reads: instances, sync groups, track scripts, static addresses and the
 * tracker blocks. Maps are keyed by name and keep file order, so a reload can diff two configs by name.
 */
public record VrrpConfig(Map<String, VrrpInstance> instances, Map<String, SyncGroup> syncGroups,
                         Map<String, VrrpScript> scripts, List<VirtualAddress> staticAddresses,
                         List<IpRoute> staticRoutes, List<IpRule> staticRules, Trackers trackers) {

    public VrrpConfig {
        instances = ordered(instances);
        syncGroups = ordered(syncGroups);
        scripts = ordered(scripts);
        staticAddresses = List.copyOf(staticAddresses);
        staticRoutes = List.copyOf(staticRoutes);
        staticRules = List.copyOf(staticRules);
    }

    /** The {@code track_file} blocks by name; FILE_CHECK refers to them too. */
    public Map<String, TrackFile> trackFiles() {
        return trackers.files();
    }

    /** The {@code bfd_instance} blocks the BFD process runs, by name; BFD_CHECK refers to them too. */
    public Map<String, BfdInstance> bfdInstances() {
        return trackers.bfdInstances();
    }

    /**
     * The tracker root blocks.
     *
     * @param interfaceTimings {@code linkbeat_interfaces} and {@code interface_up_down_delays}, by interface
     */
    public record Trackers(Map<String, TrackFile> files, Map<String, TrackedProcess> processes,
                           Map<String, BfdInstance> bfdInstances, List<GarpGroup> garpGroups,
                           Map<String, TrackGroup> trackGroups, Map<String, InterfaceTiming> interfaceTimings) {

        public Trackers {
            files = ordered(files);
            processes = ordered(processes);
            bfdInstances = ordered(bfdInstances);
            garpGroups = List.copyOf(garpGroups);
            trackGroups = ordered(trackGroups);
            interfaceTimings = ordered(interfaceTimings);
        }
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
