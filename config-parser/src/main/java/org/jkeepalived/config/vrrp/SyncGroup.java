package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code vrrp_sync_group}: member instance names in file order, what it tracks, its notify scripts by keyword.
 *
 * @param notifyPriorityChanges {@code notify_priority_changes}: the default of members that do not set it
 * @param smtpAlert             {@code smtp_alert}; empty when unset (decided as for an instance)
 */
public record SyncGroup(String name, List<String> members, Tracking tracking, Map<String, ScriptSpec> notifyScripts,
                        Optional<Boolean> notifyPriorityChanges, Optional<Boolean> smtpAlert) {

    public SyncGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        Objects.requireNonNull(tracking, "tracking");
        notifyScripts = VrrpConfig.ordered(notifyScripts);
        Objects.requireNonNull(notifyPriorityChanges, "notifyPriorityChanges");
        Objects.requireNonNull(smtpAlert, "smtpAlert");
    }
}
