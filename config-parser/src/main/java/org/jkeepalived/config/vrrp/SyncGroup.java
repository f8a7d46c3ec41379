package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jkeepalived.config.value.ScriptSpec;

/** A {@code vrrp_sync_group}: member instance names in file order, its tracking and notify scripts by keyword. */
public record SyncGroup(String name, List<String> members, List<Tracked> trackInterfaces,
                        List<Tracked> trackScripts, Map<String, ScriptSpec> notifyScripts) {

    public SyncGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        notifyScripts = VrrpConfig.ordered(notifyScripts);
    }
}
