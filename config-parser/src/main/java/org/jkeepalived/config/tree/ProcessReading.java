package org.jkeepalived.config.tree;

import java.util.Set;

/**
 * keepalived 2.2.7 reads its configuration once per process (with {@code -t}: the parent, then the checker, VRRP and
 * BFD readings), each with its own root keywords active. An inactive root keyword's line is still recognised, but
 * its block is skipped unread. {@link #ALL} is jkeepalived's single reading with every keyword active.
 */
public enum ProcessReading {
    ALL(Set.of()),
    PARENT(Set.of("linkbeat_use_polling", "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets",
            "use_pid_dir", "instance", "child_wait_time", "global_defs")),
    CHECKER(Set.of("SSL", "virtual_server_group", "virtual_server", "bfd_instance", "track_file",
            "vrrp_track_file")),
    VRRP(Set.of("track_group", "static_ipaddress", "static_routes", "static_rules", "vrrp_sync_group",
            "garp_group", "linkbeat_interfaces", "vrrp_instance", "vrrp_script", "vrrp_track_process",
            "interface_up_down_delays", "bfd_instance", "track_file", "vrrp_track_file")),
    BFD(Set.of("bfd_instance"));

    private final Set<String> activeRootKeywords;

    ProcessReading(Set<String> activeRootKeywords) {
        this.activeRootKeywords = activeRootKeywords;
    }

    /** Whether this reading parses the block of this root keyword (global_defs only in the parent's: no reload). */
    public boolean isActive(String rootKeyword) {
        return this == ALL || activeRootKeywords.contains(rootKeyword);
    }
}
