package org.jkeepalived.healthcheck.pool;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.AddressFamily;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.Protocol;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerGroup;
import org.jkeepalived.config.lvs.VirtualServerKey;

/**
 * keepalived's {@code vs_iseq}: what makes a virtual server of a reloaded config the one already running. An address
 * is the same with the same protocol; a firewall mark with the same family; a group with the same number among the
 * virtual servers naming it. jkeepalived also requires a group's entries to be unchanged: keepalived adds and removes
 * changed entries in place ({@code clear_diff_vsge}), jkeepalived replaces the virtual server.
 *
 * @param groupEntries empty unless a group
 */
record ReloadKey(VirtualServerKey key, int groupMemberNumber, AddressFamily family, Optional<Protocol> protocol,
                 List<VirtualServerGroup.Entry> groupEntries) {

    static ReloadKey of(VirtualServer virtualServer, int groupMemberNumber, LvsConfig lvs) {
        VirtualServerKey key = virtualServer.key();
        if (key instanceof VirtualServerKey.Group group) {
            List<VirtualServerGroup.Entry> entries = lvs.group(group.name()).map(VirtualServerGroup::entries)
                    .orElse(List.of());
            return new ReloadKey(key, groupMemberNumber, AddressFamily.UNSPEC, Optional.empty(), entries);
        }
        return new ReloadKey(key, 0, virtualServer.family(), virtualServer.protocol(), List.of());
    }
}
