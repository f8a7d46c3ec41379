package org.jkeepalived.vrrp.machine;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.vrrp.SyncGroup;
import org.jkeepalived.config.vrrp.Tracked;
import org.jkeepalived.config.vrrp.Tracking;
import org.jkeepalived.config.vrrp.VrrpConfig;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.config.vrrp.VrrpScript;

/**
 * What one {@link VrrpInstanceMachine} needs to know, with keepalived 2.2.7's defaults already applied.
 *
 * @param name                 the instance name, as in {@code (VI_1) Entering MASTER STATE}
 * @param version              2 or 3
 * @param basePriority         the configured priority, 1..255 (255: address owner)
 * @param advertIntervalMicros {@code advert_int}
 * @param wantMaster           {@code state MASTER} (or derived from priority 255)
 * @param nopreempt            {@code nopreempt}
 * @param preemptDelayMicros   {@code preempt_delay}; 0 for none
 * @param downTimerAdverts     adverts missed before the master is down, 1..100
 * @param lowerPrioNoAdvert    {@code lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code higher_prio_send_advert}
 * @param sourceAddress        the address compared for the equal-priority tie-break (keepalived's
 *                             {@code vrrp_saddr_cmp}); empty when unknown
 * @param garp                 gratuitous ARP / NA timing
 * @param trackers             what the instance tracks, in keepalived's initialisation order; the instance's own
 *                             interface first when it is tracked
 * @param ownInterface         the instance's interface, whose link {@code onInterfaceChange} reports
 * @param notifyScripts        by keyword: {@code notify}, {@code notify_master}, {@code notify_backup},
 *                             {@code notify_fault}, {@code notify_stop}, {@code notify_master_rx_lower_pri}
 * @param notifyPriorityChanges {@code notify_priority_changes}: FIFO lines when the effective priority changes
 * @param logDetail            keepalived's {@code --log-detail}: the lines it logs only then
 * @param startupDelayMicros   {@code vrrp_startup_delay}: a BACKUP's first master-down wait starts this long after
 *                             the start
 * @param notifyDeleted        {@code notify_deleted}: removal at reload notifies DELETED rather than FAULT
 */
public record MachineSettings(String name, int version, int basePriority, long advertIntervalMicros,
                              boolean wantMaster, boolean nopreempt, long preemptDelayMicros, int downTimerAdverts,
                              boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert,
                              Optional<InetAddress> sourceAddress, GarpTiming garp, List<Tracker> trackers,
                              Optional<String> ownInterface, Map<String, ScriptSpec> notifyScripts,
                              boolean notifyPriorityChanges, boolean logDetail, long startupDelayMicros,
                              boolean notifyDeleted) {

    public static final int PRIORITY_OWNER = 255;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    public MachineSettings {
        Objects.requireNonNull(name, "name");
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version: " + version + " (expected 2 or 3)");
        }
        if (basePriority < 1 || basePriority > PRIORITY_OWNER) {
            throw new IllegalArgumentException("basePriority: " + basePriority + " (expected 1..255)");
        }
        if (advertIntervalMicros <= 0) {
            throw new IllegalArgumentException("advertIntervalMicros: " + advertIntervalMicros + " (expected > 0)");
        }
        if (preemptDelayMicros < 0) {
            throw new IllegalArgumentException("preemptDelayMicros: " + preemptDelayMicros + " (expected >= 0)");
        }
        if (downTimerAdverts < 1 || downTimerAdverts > 100) {
            throw new IllegalArgumentException("downTimerAdverts: " + downTimerAdverts + " (expected 1..100)");
        }
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(garp, "garp");
        trackers = List.copyOf(trackers);
        Objects.requireNonNull(ownInterface, "ownInterface");
        notifyScripts = Map.copyOf(notifyScripts);
        if (startupDelayMicros < 0) {
            throw new IllegalArgumentException("startupDelayMicros: " + startupDelayMicros + " (expected >= 0)");
        }
    }

    /**
     * Gratuitous ARP / unsolicited NA timing of one instance.
     *
     * @param masterDelayMicros     {@code garp_master_delay}: the second burst after becoming master; 0 for none
     * @param masterRepeat          {@code garp_master_repeat}: rounds in a burst
     * @param masterRefreshMicros   {@code garp_master_refresh}; 0 for none
     * @param masterRefreshRepeat   {@code garp_master_refresh_repeat}
     * @param lowerPrioDelayMicros  {@code garp_lower_prio_delay}; 0 for no second burst
     * @param lowerPrioRepeat       {@code garp_lower_prio_repeat}; 0 for none
     */
    public record GarpTiming(long masterDelayMicros, int masterRepeat, long masterRefreshMicros,
                             int masterRefreshRepeat, long lowerPrioDelayMicros, int lowerPrioRepeat) {
        public GarpTiming {
            requireNotNegative("masterDelayMicros", masterDelayMicros);
            requireNotNegative("masterRepeat", masterRepeat);
            requireNotNegative("masterRefreshMicros", masterRefreshMicros);
            requireNotNegative("masterRefreshRepeat", masterRefreshRepeat);
            requireNotNegative("lowerPrioDelayMicros", lowerPrioDelayMicros);
            requireNotNegative("lowerPrioRepeat", lowerPrioRepeat);
        }

        private static void requireNotNegative(String name, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + ": " + value + " (expected >= 0)");
            }
        }
    }

    /**
     * One tracked object and how it counts.
     *
     * @param weight   0: FAULT while it is down (failed, non-zero file); otherwise added to or taken from the
     *                 priority as keepalived's vrrp_track.c does
     * @param reverse  {@code reverse}: the weight (or the fault) applies the other way round
     * @param initFail for scripts, {@code init_fail}: failed until it first succeeds
     */
    public record Tracker(TrackerKind kind, String name, int weight, boolean reverse, boolean initFail) {
        public Tracker {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            if (weight < -254 || weight > 254) {
                throw new IllegalArgumentException("weight: " + weight + " (expected -254..254)");
            }
        }

        /** keepalived's {@code weight_multiplier}. */
        int multiplier() {
            return reverse ? -1 : 1;
        }
    }

    /**
     * The settings keepalived 2.2.7 derives from a parsed instance.
     *
     * @param interfaceAddress the primary address of the instance's interface in its family, used for the
     *                         tie-break when neither {@code unicast_src_ip} nor {@code mcast_src_ip} is set
     */
    public static MachineSettings fromConfig(VrrpInstance instance, VrrpConfig config, GlobalDefs global,
                                             Optional<InetAddress> interfaceAddress, boolean logDetail) {
        Optional<InetAddress> configuredSource = instance.unicastSourceIp().or(instance::mcastSourceIp)
                .flatMap(IpAddresses::parse);
        VrrpInstance.GarpSettings garp = instance.garp();
        GlobalDefs.GarpDefaults garpDefaults = global.garp();
        long lowerPrioRepeat = instance.strictMode() ? 0
                : garp.lowerPrioRepeat().orElse(garpDefaults.lowerPrioRepeat().orElse(garp.masterRepeat()));
        long lowerPrioDelaySecs = instance.strictMode() ? 0
                : garp.lowerPrioDelaySecs().orElse(garpDefaults.lowerPrioDelaySecs().orElse(garp.masterDelaySecs()));
        GarpTiming timing = new GarpTiming(garp.masterDelaySecs() * MICROS_PER_SECOND, (int) garp.masterRepeat(),
                garp.masterRefreshSecs() * MICROS_PER_SECOND, (int) garp.masterRefreshRepeat(),
                lowerPrioDelaySecs * MICROS_PER_SECOND, (int) lowerPrioRepeat);
        return new MachineSettings(instance.name(), instance.version(), instance.priority(),
                instance.advertIntervalMicros(), instance.initialState() == VrrpInstance.State.MASTER,
                instance.nopreempt(), instance.preemptDelayMicros(), instance.downTimerAdverts(),
                instance.lowerPrioNoAdvert(), instance.higherPrioSendAdvert(),
                configuredSource.or(() -> interfaceAddress), timing, trackers(instance, config),
                instance.interfaceName(), instance.notifyScripts(),
                instance.notifyPriorityChanges().or(() -> groupOf(instance, config)
                        .flatMap(SyncGroup::notifyPriorityChanges)).orElse(global.vrrpNotifyPriorityChanges()),
                logDetail,
                global.vrrpStartupDelayMicros(), instance.notifyDeleted());
    }

    private static List<Tracker> trackers(VrrpInstance instance, VrrpConfig config) {
        List<Tracker> trackers = new ArrayList<>();
        // keepalived tracks the instance's own interface without a weight; a track_interface naming it too
        // keeps that unweighted entry (add_vrrp_to_interface). dont_track_primary makes it VRRP_NOT_TRACK_IF,
        // which no link change reaches.
        instance.interfaceName().filter(name -> !instance.dontTrackPrimary()).ifPresent(name -> trackers.add(
                new Tracker(TrackerKind.INTERFACE, name, 0, false, false)));
        addAll(trackers, TrackerKind.INTERFACE, instance.tracking().interfaces(), config, instance);
        addAll(trackers, TrackerKind.FILE, instance.tracking().files(), config, instance);
        addAll(trackers, TrackerKind.PROCESS, instance.tracking().processes(), config, instance);
        addAll(trackers, TrackerKind.SCRIPT, instance.tracking().scripts(), config, instance);
        addAll(trackers, TrackerKind.BFD, instance.tracking().bfds(), config, instance);
        groupOf(instance, config).ifPresent(group -> addGroupTracking(trackers, group, config, instance));
        trackers.sort(Comparator.comparing(Tracker::kind));
        return trackers;
    }

    /** The sync group the instance is a member of. */
    private static Optional<SyncGroup> groupOf(VrrpInstance instance, VrrpConfig config) {
        return config.syncGroups().values().stream().filter(group -> group.members().contains(instance.name()))
                .findFirst();
    }

    /**
     * keepalived's sync_group_tracking_init: every member tracks what its group tracks, with no weight when a member
     * is an address owner. An object the instance tracks itself keeps its entry, with the group's weight unless the
     * instance's is 0 (keepalived keeps the instance's {@code reverse} for a process).
     */
    private static void addGroupTracking(List<Tracker> trackers, SyncGroup group, VrrpConfig config,
                                         VrrpInstance instance) {
        boolean hasOwner = group.members().stream().map(config.instances()::get).filter(Objects::nonNull)
                .anyMatch(member -> member.priority() == PRIORITY_OWNER);
        List<Tracker> groupTrackers = new ArrayList<>();
        Tracking tracking = group.tracking();
        addAll(groupTrackers, TrackerKind.INTERFACE, tracking.interfaces(), config, instance);
        addAll(groupTrackers, TrackerKind.FILE, tracking.files(), config, instance);
        addAll(groupTrackers, TrackerKind.PROCESS, tracking.processes(), config, instance);
        addAll(groupTrackers, TrackerKind.SCRIPT, tracking.scripts(), config, instance);
        addAll(groupTrackers, TrackerKind.BFD, tracking.bfds(), config, instance);
        for (Tracker fromGroup : groupTrackers) {
            Tracker added = hasOwner ? new Tracker(fromGroup.kind(), fromGroup.name(), 0, fromGroup.reverse(),
                    fromGroup.initFail()) : fromGroup;
            OptionalInt existing = IntStream.range(0, trackers.size()).filter(index -> trackers.get(index).kind()
                    == added.kind() && trackers.get(index).name().equals(added.name())).findFirst();
            if (existing.isEmpty()) {
                trackers.add(added);
                continue;
            }
            Tracker own = trackers.get(existing.getAsInt());
            if (own.weight() != 0) {
                boolean reverse = added.kind() == TrackerKind.PROCESS ? own.reverse() : added.reverse();
                trackers.set(existing.getAsInt(), new Tracker(own.kind(), own.name(), added.weight(), reverse,
                        own.initFail()));
            }
        }
    }

    private static void addAll(List<Tracker> trackers, TrackerKind kind, List<Tracked> tracked, VrrpConfig config,
                               VrrpInstance instance) {
        for (Tracked entry : tracked) {
            boolean ownInterface = kind == TrackerKind.INTERFACE
                    && instance.interfaceName().filter(entry.name()::equals).isPresent();
            if (ownInterface) {
                continue;
            }
            boolean initFail = kind == TrackerKind.SCRIPT
                    && Optional.ofNullable(config.scripts().get(entry.name())).map(VrrpScript::initFail).orElse(false);
            trackers.add(new Tracker(kind, entry.name(), entry.weight(), entry.reverse(), initFail));
        }
    }
}
