package org.jkeepalived.vrrp.engine;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.SameSettings;
import org.jkeepalived.config.vrrp.SyncGroup;
import org.jkeepalived.config.vrrp.VrrpConfig;
import org.jkeepalived.vrrp.machine.VrrpInstanceMachine;

/**
 * What a reload does with each instance and sync group, decided from the old and the new config before anything is
 * touched. An instance is known by its name.
 *
 * @param kept       instances whose settings are the same, in an unchanged sync group or in none: left running
 * @param resumed    instances with other settings on the same virtual router (keepalived's {@code vrrp_exist}:
 *                   VRID, family, interface, unicast or not, and the unicast source or multicast group), by name,
 *                   with their runtime under the old config: they take their previous state over
 * @param added      instances new to the config, or moved to another virtual router: they start as at start-up
 * @param removed    instances of the old config neither kept nor resumed: they stop and release what they hold
 * @param keptGroups sync groups whose settings and members are all the same: left running
 */
record ReloadPlan(Set<String> kept, Map<String, InstanceRuntime> resumed, Set<String> added, Set<String> removed,
                  Set<String> keptGroups) {

    ReloadPlan {
        kept = Set.copyOf(kept);
        resumed = Map.copyOf(resumed);
        added = Set.copyOf(added);
        removed = Set.copyOf(removed);
        keptGroups = Set.copyOf(keptGroups);
    }

    /**
     * @param previous   the running instances by name
     * @param candidates a runtime for each instance of {@code newConfig}, by name, not started
     */
    static ReloadPlan of(VrrpConfig oldConfig, VrrpConfig newConfig, Map<String, InstanceRuntime> previous,
                         Map<String, InstanceRuntime> candidates) {
        Set<String> unchanged = new LinkedHashSet<>();
        candidates.forEach((name, candidate) -> {
            InstanceRuntime old = previous.get(name);
            if (old != null && sameInstance(old, candidate)) {
                unchanged.add(name);
            }
        });
        Set<String> keptGroups = new LinkedHashSet<>();
        for (SyncGroup group : newConfig.syncGroups().values()) {
            SyncGroup old = oldConfig.syncGroups().get(group.name());
            boolean membersUnchanged = group.members().stream()
                    .allMatch(member -> unchanged.contains(member) || !candidates.containsKey(member));
            if (old != null && SameSettings.of(old, group) && membersUnchanged) {
                keptGroups.add(group.name());
            }
        }
        Set<String> kept = new LinkedHashSet<>();
        Map<String, InstanceRuntime> resumed = new LinkedHashMap<>();
        Set<String> added = new LinkedHashSet<>();
        for (String name : candidates.keySet()) {
            Optional<String> group = groupOf(newConfig, name);
            boolean groupKept = group.equals(groupOf(oldConfig, name))
                    && group.map(keptGroups::contains).orElse(true);
            InstanceRuntime old = previous.get(name);
            if (unchanged.contains(name) && groupKept) {
                kept.add(name);
            } else if (old != null && sameVirtualRouter(old, candidates.get(name))) {
                resumed.put(name, old);
            } else {
                added.add(name);
            }
        }
        Set<String> removed = new LinkedHashSet<>(previous.keySet());
        removed.removeAll(kept);
        removed.removeAll(resumed.keySet());
        return new ReloadPlan(kept, resumed, added, removed, keptGroups);
    }

    /** The sync group of {@code config} that names {@code instance}, if any. */
    static Optional<String> groupOf(VrrpConfig config, String instance) {
        return config.syncGroups().values().stream().filter(group -> group.members().contains(instance))
                .map(SyncGroup::name).findFirst();
    }

    Optional<InstanceRuntime> resumedFrom(String name) {
        return Optional.ofNullable(resumed.get(name));
    }

    /** The machines under the old config of the resumed instances, by name. */
    Map<String, VrrpInstanceMachine> resumedMachines() {
        Map<String, VrrpInstanceMachine> machines = new LinkedHashMap<>();
        resumed.forEach((name, runtime) -> machines.put(name, runtime.machine));
        return machines;
    }

    /** For the log line: how many instances each way went. */
    String describe() {
        return kept.size() + " unchanged, " + resumed.size() + " changed, " + added.size() + " added, "
                + removed.size() + " removed";
    }

    private static boolean sameInstance(InstanceRuntime old, InstanceRuntime candidate) {
        return SameSettings.of(old.config, candidate.config) && SameSettings.of(old.settings, candidate.settings)
                && old.receiverSettings.equals(candidate.receiverSettings)
                && old.socketKey().equals(candidate.socketKey());
    }

    private static boolean sameVirtualRouter(InstanceRuntime old, InstanceRuntime candidate) {
        boolean sameDestination = old.unicast()
                ? old.sourceAddress.equals(candidate.sourceAddress)
                : old.multicastGroup.equals(candidate.multicastGroup);
        return old.config.virtualRouterId() == candidate.config.virtualRouterId() && old.family == candidate.family
                && old.config.interfaceName().equals(candidate.config.interfaceName())
                && old.unicast() == candidate.unicast() && sameDestination;
    }
}
