package org.jkeepalived.vrrp.machine;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.vrrp.machine.MachineSettings.Tracker;

/**
 * One VRRP instance's state machine (RFC 3768 / RFC 5798 §6.4) as keepalived 2.2.7 runs it: INIT, BACKUP, MASTER and
 * FAULT, priority tracking, preemption, gratuitous ARP timing and notifications.
 *
 * <p>It does no I/O and reads no clock: every input carries {@code nowNs}, every effect goes to {@link VrrpEffects},
 * and {@link #nextDeadlineNs()} says when {@link #doWork(long)} must run next. Not thread safe: one event loop owns
 * it. Adverts given to {@link #onAdvert} must already have passed the receive checks.
 *
 * <p>Every state change goes through one private {@code state(newState, nowNs, reason)}; the
 * {@link StateChangeReason} picks keepalived's entry actions for that path.
 */
public final class VrrpInstanceMachine {

    /** {@link #nextDeadlineNs()} when nothing is scheduled. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    private static final int PRIORITY_OWNER = MachineSettings.PRIORITY_OWNER;
    private static final int PRIORITY_STOP = 0;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_CENTI = 10_000L;
    private static final int FILE_FAULT_STATUS = -254;
    private static final int FILE_MAX_STATUS = 253;

    private final MachineSettings settings;
    private final VrrpEffects effects;
    private final Notifier notifier;
    private final Map<String, TrackerSlot> trackers = new LinkedHashMap<>();
    private SyncGroupMachine group;

    private boolean started;
    private VrrpState state = VrrpState.INIT;
    private VrrpState wantState;
    private int basePriority;
    private int effectivePriority;
    private int totalPriority;
    /** keepalived's {@code num_script_if_fault}: trackers holding the instance in FAULT. */
    private int faultCount;
    /** keepalived's {@code num_script_init}: weightless scripts that have not reported yet. */
    private int initCount;
    /** keepalived's {@code saddr}: what adverts are sent from and the equal-priority tie-break compares. */
    private Optional<InetAddress> sourceAddress;
    /** No address to send from (keepalived's {@code saddr} AF_UNSPEC): one fault in {@link #faultCount}. */
    private boolean sourceMissing;
    private long masterAdvertIntervalMicros;
    private long masterDownNs;
    /** keepalived's {@code sands}: the next advert as MASTER, the master-down expiry as BACKUP. */
    private long timerDeadlineNs = NO_DEADLINE;
    private long garpDelayDeadlineNs = NO_DEADLINE;
    private long lowerPrioGarpDeadlineNs = NO_DEADLINE;
    private long garpRefreshDueNs;
    /** keepalived's {@code vrrp_delayed_start_time}: no BACKUP's master-down wait ends before this. */
    private long startupEndsNs;
    private boolean preemptDelayRunning;
    private long preemptDelayEndNs;
    /**
     * keepalived 2.2.7's {@code vipset}: set at start for an interface that existed before (vrrp_complete_instance),
     * so that vrrp_init_state removes the addresses a previous run, killed outright, left behind.
     */
    private boolean vipSet = true;
    /** keepalived's {@code reload_master}: a master kept through a reload, which sends its next advert at once. */
    private boolean reloadMaster;
    private boolean notifiesSent;
    private Optional<InetAddress> masterAddress = Optional.empty();
    private int masterPriority;
    private Optional<StateChange> lastStateChange = Optional.empty();
    /** keepalived's {@code stats->become_master}. */
    private int becameMasterCount;
    /** keepalived's {@code stats->release_master}. */
    private int releasedMasterCount;

    public VrrpInstanceMachine(MachineSettings settings, VrrpEffects effects) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.effects = Objects.requireNonNull(effects, "effects");
        this.notifier = new Notifier("INSTANCE", settings.name(), settings.notifyScripts(), true, effects);
        this.wantState = settings.wantMaster() ? VrrpState.MASTER : VrrpState.BACKUP;
        this.basePriority = settings.basePriority();
        this.effectivePriority = settings.basePriority();
        this.totalPriority = settings.basePriority();
        this.masterAdvertIntervalMicros = settings.advertIntervalMicros();
        this.sourceAddress = settings.sourceAddress();
        for (Tracker tracker : settings.trackers()) {
            trackers.putIfAbsent(key(tracker.kind(), tracker.name()), new TrackerSlot(tracker));
        }
        this.masterDownNs = masterDownNs();
    }

    public String name() {
        return settings.name();
    }

    public VrrpState state() {
        return state;
    }

    /** The priority adverts carry: the base priority moved by the weighted trackers, within 1..254. */
    public int effectivePriority() {
        return effectivePriority;
    }

    /** The source of the last advert accepted as BACKUP. */
    public Optional<InetAddress> masterAddress() {
        return masterAddress;
    }

    /** The priority of the last master advert accepted; 0 before any. */
    public int masterPriority() {
        return masterPriority;
    }

    /** Whether the instance holds its virtual addresses (keepalived's {@code vipset}). */
    public boolean addressesSet() {
        return vipSet;
    }

    /** The earliest time {@link #doWork(long)} has something to do; {@link #NO_DEADLINE} for never. */
    public long nextDeadlineNs() {
        return Math.min(timerDeadlineNs, Math.min(garpDelayDeadlineNs, lowerPrioGarpDeadlineNs));
    }

    /**
     * Leaves INIT as keepalived's {@code initialise_tracking_priorities} and {@code vrrp_init_state} do: BACKUP (or
     * straight to MASTER at the first {@link #doWork} for an address owner), or FAULT when a tracker is down.
     * Tracker states reported before this count as the starting state.
     */
    public void start(long nowNs) {
        requireUngrouped("start");
        initialiseTracking(nowNs);
        announceFaultAtStart(Optional.empty());
        initialiseState(nowNs);
    }

    /** Shuts down as keepalived does: a master sends priority 0 and removes its addresses; STOP notifications. */
    public void stop(long nowNs) {
        requireUngrouped("stop");
        stopInstance(nowNs);
    }

    private void requireUngrouped(String action) {
        if (null != group) {
            throw new IllegalStateException(action + ": " + name() + " is a member of sync group " + group.name()
                    + " (" + action + " the group)");
        }
    }

    /**
     * Starts in place of {@code previous}, this instance's machine under the config before a reload, as keepalived
     * 2.2.7's reload does ({@code restore_vrrp_state}, then {@code vrrp_init_state}): a MASTER or BACKUP that its
     * trackers hold neither in FAULT nor in INIT keeps its state with no new election and no notification, and a
     * master keeps its addresses and sends an advert at once; otherwise it starts as at start-up, removing the
     * addresses it held. Tracker states reported before this count as the starting state, as for {@link #start}.
     */
    public void resume(VrrpInstanceMachine previous, long nowNs) {
        requireUngrouped("resume");
        initialiseTracking(nowNs);
        adopt(previous);
        announceFaultAtStart(Optional.of(previous.state));
        initialiseState(nowNs);
    }

    /**
     * The instance is gone from the config after a reload, as keepalived 2.2.7's {@code clear_diff_vrrp}: a master
     * sends priority 0 and removes its addresses, then DELETED notifications with {@code notify_deleted}, else FAULT
     * ones (keepalived's older way), which an instance already in FAULT does not send again. The machine does nothing
     * more afterwards.
     */
    public void remove(long nowNs) {
        if (VrrpState.MASTER == state) {
            restoreInterface(true);
        }
        if (settings.notifyDeleted()) {
            notifier.deleted(effectivePriority);
        } else if (VrrpState.FAULT != state) {
            notifier.stateChanged(VrrpState.FAULT, effectivePriority);
        }
        lastStateChange = Optional.of(new StateChange(state, VrrpState.STOP, StateChangeReason.STOP, nowNs));
        state = VrrpState.STOP;
        timerDeadlineNs = NO_DEADLINE;
        garpDelayDeadlineNs = NO_DEADLINE;
        lowerPrioGarpDeadlineNs = NO_DEADLINE;
    }

    /**
     * A master that kept its addresses through a reload has added new ones: keepalived's reload sends a gratuitous
     * burst for all of them and restarts the refresh timer.
     */
    public void addressesAdded(long nowNs) {
        sendGratuitousUpdates(settings.garp().masterRepeat());
        if (settings.garp().masterRefreshMicros() > 0) {
            garpRefreshDueNs = nowNs + settings.garp().masterRefreshMicros() * NANOS_PER_MICRO;
        }
    }

    /** Runs what is due at {@code nowNs}: master-down expiry, periodic adverts, delayed GARP bursts. */
    public int doWork(long nowNs) {
        int workCount = 0;
        if (isDue(garpDelayDeadlineNs, nowNs)) {
            garpDelayDeadlineNs = NO_DEADLINE;
            sendGratuitousUpdates(settings.garp().masterRepeat());
            workCount++;
        }
        if (isDue(lowerPrioGarpDeadlineNs, nowNs)) {
            lowerPrioGarpDeadlineNs = NO_DEADLINE;
            sendGratuitousUpdates(settings.garp().lowerPrioRepeat());
            workCount++;
        }
        if (isDue(timerDeadlineNs, nowNs)) {
            VrrpState previous = state;
            if (VrrpState.BACKUP == state) {
                logDetail("(" + name() + ") Receive advertisement timeout");
                wantState = VrrpState.MASTER;
                gotoMaster(nowNs, StateChangeReason.MASTER_DOWN_TIMER);
            } else if (VrrpState.MASTER == state) {
                masterTransmit(nowNs);
            }
            syncTransition(previous, nowNs);
            initTimer(nowNs);
            workCount++;
        }
        return workCount;
    }

    /** An advert for this instance's VRID that passed the receive checks. Ignored in INIT and FAULT. */
    public void onAdvert(ReceivedAdvert advert, long nowNs) {
        if (VrrpState.BACKUP != state && VrrpState.MASTER != state) {
            return;
        }
        VrrpState previous = state;
        if (VrrpState.BACKUP == state) {
            backupReceive(advert, nowNs);
        } else if (masterReceive(advert, nowNs)) {
            state(VrrpState.BACKUP, nowNs, StateChangeReason.HIGHER_PRIORITY_SEEN);
        }
        syncTransition(previous, nowNs);
        if (VrrpState.MASTER != state || !settings.lowerPrioNoAdvert()) {
            initTimer(nowNs);
        }
    }

    /**
     * The address the instance sends from, as keepalived's {@code netlink_if_address_filter} follows its interface's
     * addresses: with none the instance is held in FAULT (a fault of its own, beside its trackers'), and an address
     * that comes back lets it leave FAULT as a recovered tracker does. Reported before the start, it is the starting
     * state, as keepalived's {@code initialise_vrrp_tracking_priorities} finds it.
     */
    public void onSourceAddressChange(Optional<InetAddress> source, long nowNs) {
        source.ifPresent(address -> sourceAddress = Optional.of(address));
        boolean missing = source.isEmpty();
        if (missing == sourceMissing) {
            return;
        }
        sourceMissing = missing;
        if (!started) {
            return;
        }
        if (missing) {
            downInstance(nowNs);
        } else {
            tryUpInstance(nowNs, false);
        }
    }

    /** The instance's own interface went up or down. */
    public void onInterfaceChange(boolean up, long nowNs) {
        settings.ownInterface().ifPresent(name -> onTrackerChange(new TrackerEvent.InterfaceLink(name, up), nowNs));
    }

    /** A tracker changed; events for trackers this instance does not track are ignored. */
    public void onTrackerChange(TrackerEvent event, long nowNs) {
        TrackerSlot slot = trackers.get(key(event.kind(), event.name()));
        if (null == slot) {
            return;
        }
        if (!started) {
            slot.record(event);
            return;
        }
        if (event instanceof TrackerEvent.FileValue fileValue) {
            fileChanged(slot, fileValue.value(), nowNs);
        } else if (event instanceof TrackerEvent.ScriptResult result) {
            scriptChanged(slot, result.ok(), nowNs);
        } else {
            boolean up = event instanceof TrackerEvent.InterfaceLink link ? link.up()
                    : event instanceof TrackerEvent.ProcessQuorum quorum ? quorum.haveQuorum()
                    : ((TrackerEvent.BfdState) event).up();
            if (slot.up != up) {
                slot.up = up;
                upDownChanged(slot.tracker, up, nowNs);
            }
        }
    }

    void joinGroup(SyncGroupMachine syncGroup) {
        if (null != group) {
            throw new IllegalArgumentException("instance " + name() + " already in sync group " + group.name());
        }
        group = syncGroup;
    }

    VrrpState wantState() {
        return wantState;
    }

    boolean isAddressOwner() {
        return PRIORITY_OWNER == basePriority;
    }

    boolean hasScriptsInInit() {
        return initCount > 0;
    }

    /** The last state change; empty before the first. */
    Optional<StateChange> lastStateChange() {
        return lastStateChange;
    }

    int becameMasterCount() {
        return becameMasterCount;
    }

    int releasedMasterCount() {
        return releasedMasterCount;
    }

    /** The sync group takes this member to {@code newState} with another member. */
    void syncTo(VrrpState newState, long nowNs) {
        wantState = newState;
        if (VrrpState.MASTER == newState) {
            gotoMaster(nowNs, StateChangeReason.SYNC_GROUP);
        } else {
            state(newState, nowNs, StateChangeReason.SYNC_GROUP);
        }
    }

    // keepalived's initialise_vrrp_tracking_priorities and the per-tracker initialisers before it.
    void initialiseTracking(long nowNs) {
        started = true;
        startupEndsNs = nowNs + settings.startupDelayMicros() * NANOS_PER_MICRO;
        for (TrackerSlot slot : trackers.values()) {
            Tracker tracker = slot.tracker;
            switch (tracker.kind()) {
                case INTERFACE -> initialiseUpDown(slot, "(" + name() + "): entering FAULT state (interface "
                        + tracker.name() + " down)");
                case PROCESS -> initialiseUpDown(slot, "(" + name() + ") entering FAULT state (tracked process "
                        + tracker.name() + " quorum not achieved)");
                case FILE -> initialiseFile(slot);
                case SCRIPT -> initialiseScript(slot);
                case BFD -> initialiseBfd(slot);
            }
        }
        if (sourceMissing) {
            faultCount++;
        }
        if (faultCount > 0 && VrrpState.FAULT != state) {
            state(VrrpState.FAULT, nowNs, StateChangeReason.TRACKER_DOWN_AT_START);
        }
        setEffectivePriority();
    }

    /**
     * keepalived's {@code vrrp_complete_init}: an instance its trackers hold in FAULT, or a member of a sync group in
     * FAULT, says so and notifies FAULT before it starts; at a reload, not again when {@code previousState} (that of
     * its incarnation before) was FAULT already.
     */
    void announceFaultAtStart(Optional<VrrpState> previousState) {
        if (VrrpState.FAULT != state && (null == group || VrrpState.FAULT != group.state())) {
            return;
        }
        state = VrrpState.FAULT;
        if (previousState.filter(VrrpState.FAULT::equals).isPresent()) {
            return;
        }
        effects.log("(" + name() + ") entering FAULT state");
        sendInstanceNotifies();
    }

    /**
     * keepalived's reload copying the state of the instance's previous incarnation (vrrp_complete_init and
     * restore_vrrp_state): after the trackers are initialised and before the state is.
     */
    void adopt(VrrpInstanceMachine previous) {
        vipSet = previous.vipSet;
        becameMasterCount = previous.becameMasterCount;
        releasedMasterCount = previous.releasedMasterCount;
        boolean running = VrrpState.MASTER == previous.state || VrrpState.BACKUP == previous.state;
        boolean groupFault = null != group && VrrpState.FAULT == group.state();
        if (running && VrrpState.FAULT != state && !groupFault && 0 == initCount) {
            state = previous.state;
            wantState = previous.state;
            masterAddress = previous.masterAddress;
            masterPriority = previous.masterPriority;
        }
        reloadMaster = VrrpState.MASTER == state;
    }

    // keepalived's vrrp_init_state for one instance, then vrrp_init_sands.
    void initialiseState(long nowNs) {
        if (VrrpState.FAULT == state) {
            wantState = VrrpState.FAULT;
        }
        VrrpState startState = startState();
        boolean ready = 0 == faultCount && 0 == initCount && (null == group || 0 == group.membersInInit());
        boolean wasMaster = reloadMaster;
        reloadMaster = false;
        if (ready && VrrpState.MASTER == startState && wasMaster && VrrpState.MASTER == wantState) {
            timerDeadlineNs = nowNs;
        } else if (ready && VrrpState.MASTER == startState && isAddressOwner() && VrrpState.MASTER == wantState) {
            state(VrrpState.BACKUP, nowNs, StateChangeReason.ADDRESS_OWNER_START);
        } else {
            state(ready && VrrpState.FAULT != startState ? VrrpState.BACKUP : VrrpState.FAULT, nowNs,
                    StateChangeReason.STARTED);
        }
    }

    void stopInstance(long nowNs) {
        state(VrrpState.STOP, nowNs, StateChangeReason.STOP);
    }

    // keepalived's vrrp_state_goto_master up to the state change: a sync group may hold the member back.
    private void gotoMaster(long nowNs, StateChangeReason reason) {
        if (null != group && !group.canGotoMaster(this, nowNs)) {
            wantState = VrrpState.MASTER;
            return;
        }
        state(VrrpState.MASTER, nowNs, reason);
    }

    /**
     * The one place the state changes: records the change, runs the entry actions of the keepalived function the
     * reason leads through ({@link EntryPath#of}), each in keepalived's order, then restarts the advert or
     * master-down timer for the new state.
     */
    private void state(VrrpState newState, long nowNs, StateChangeReason reason) {
        VrrpState oldState = state;
        state = newState;
        lastStateChange = Optional.of(new StateChange(oldState, newState, reason, nowNs));
        switch (EntryPath.of(oldState, newState, reason)) {
            case MARK_ONLY -> { }
            case INIT_STATE -> enterFromInit(oldState, newState, reason);
            // vrrp_state_master_tx logs the line and adds the addresses after the advert
            case GOTO_MASTER -> masterTransmit(nowNs);
            case LEAVE_MASTER -> leaveMaster(newState, reason);
            case LEAVE_FAULT -> leaveFault(oldState, newState, reason, nowNs);
            case SHUTDOWN -> shutdown(oldState);
        }
        initTimer(nowNs);
    }

    private void enterFromInit(VrrpState oldState, VrrpState newState, StateChangeReason reason) {
        restoreInterface(false);
        if (StateChangeReason.ADDRESS_OWNER_START == reason) {
            // keepalived becomes master by timing out of BACKUP after one microsecond
            masterDownNs = NANOS_PER_MICRO;
            return;
        }
        masterDownNs = VrrpState.BACKUP == startState() && VrrpState.MASTER == wantState
                ? (masterAdvertIntervalMicros + skewMicros(1)) * NANOS_PER_MICRO : masterDownNs();
        if (VrrpState.BACKUP == newState && VrrpState.BACKUP != oldState) {
            logEntering(VrrpState.BACKUP, " (init)");
        }
        if (oldState != newState && (VrrpState.FAULT != newState || faultCount > 0)) {
            sendInstanceNotifies();
        }
    }

    // keepalived's vrrp_state_leave_master.
    private void leaveMaster(VrrpState newState, StateChangeReason reason) {
        if (vipSet) {
            effects.leavingMaster();
        }
        logEntering(newState, "");
        if (VrrpState.BACKUP == newState) {
            preemptDelayRunning = false;
        } else {
            effects.sendAdvert(PRIORITY_STOP);
        }
        // only down_instance asks for the second priority 0 advert
        restoreInterface(StateChangeReason.TRACKER_FAULT == reason);
        sendInstanceNotifies();
        masterDownNs = masterDownNs();
        releasedMasterCount++;
    }

    // keepalived's vrrp_state_leave_fault.
    private void leaveFault(VrrpState oldState, VrrpState newState, StateChangeReason reason, long nowNs) {
        if (VrrpState.MASTER == newState) {
            masterTransmit(nowNs);
        } else {
            // vrrp_sync_fault marks the member FAULT before calling leave_fault, so it logs no line of its own
            VrrpState leftState = StateChangeReason.SYNC_GROUP == reason && VrrpState.FAULT == newState
                    ? VrrpState.FAULT : oldState;
            if (leftState != newState) {
                logEntering(newState, "");
            }
            if (VrrpState.FAULT == newState && VrrpState.MASTER == leftState) {
                effects.sendAdvert(PRIORITY_STOP);
                restoreInterface(false);
            }
            sendInstanceNotifies();
            if (VrrpState.BACKUP == newState) {
                preemptDelayRunning = false;
            }
        }
        masterAdvertIntervalMicros = settings.advertIntervalMicros();
        masterDownNs = masterDownNs();
    }

    private void shutdown(VrrpState oldState) {
        if (VrrpState.MASTER == oldState) {
            restoreInterface(true);
        }
        garpDelayDeadlineNs = NO_DEADLINE;
        lowerPrioGarpDeadlineNs = NO_DEADLINE;
        sendInstanceNotifies();
    }

    private void logEntering(VrrpState newState, String suffix) {
        effects.log("(" + name() + ") Entering " + newState + " STATE" + suffix);
    }

    /** The state vrrp_init_state aims for: the sync group's, else the configured one. */
    private VrrpState startState() {
        return null != group ? group.state() : wantState;
    }

    /** keepalived's {@code vrrp_sync_can_goto_master} holding this member back: a full master-down wait again. */
    void restartMasterDownTimer(long nowNs) {
        masterDownNs = masterDownNs();
        initTimer(nowNs);
    }

    void sendLowerPriorityGratuitousUpdates(long nowNs) {
        if (0 == settings.garp().lowerPrioRepeat()) {
            return;
        }
        sendGratuitousUpdates(settings.garp().lowerPrioRepeat());
        if (settings.garp().lowerPrioDelayMicros() > 0) {
            lowerPrioGarpDeadlineNs = nowNs + settings.garp().lowerPrioDelayMicros() * NANOS_PER_MICRO;
        }
    }

    private void backupReceive(ReceivedAdvert advert, long nowNs) {
        int priority = advert.priority();
        if (PRIORITY_STOP == priority) {
            logDetail("(" + name() + ") Backup received priority 0 advertisement");
            masterDownNs = skewMicros(256 - effectivePriority) * NANOS_PER_MICRO;
        } else if (!shouldPreempt(priority, effectivePriority, settings.nopreempt(), preemptDelayHolds(nowNs))) {
            adoptMasterInterval(advert);
            masterDownNs = masterDownNs();
            masterAddress = Optional.of(advert.source());
            masterPriority = priority;
            if (settings.preemptDelayMicros() > 0) {
                trackPreemptDelay(priority, nowNs);
            }
            wantState = VrrpState.BACKUP;
        } else {
            effects.log("(" + name() + ") received lower priority (" + priority + ") advert from "
                    + IpAddresses.format(advert.source()) + " - discarding");
            masterAddress = Optional.of(advert.source());
            // the ignored advert must not restart the timer: keep what is left of it
            masterDownNs = Math.max(0, timerDeadlineNs - nowNs);
        }
    }

    private boolean preemptDelayHolds(long nowNs) {
        return preemptDelayHolds(settings.preemptDelayMicros(), preemptDelayRunning, preemptDelayEndNs, nowNs);
    }

    /**
     * keepalived's vrrp_state_backup: a backup preempts by discarding a lower priority advert and letting its
     * master-down timer run out, unless {@code nopreempt} or a running {@code preempt_delay} holds it back.
     */
    static boolean shouldPreempt(int advertPriority, int ourPriority, boolean nopreempt, boolean preemptDelayHolds) {
        return !nopreempt && advertPriority < ourPriority && !preemptDelayHolds;
    }

    /** A configured {@code preempt_delay} holds until its first lower priority advert starts it, then until it ends. */
    static boolean preemptDelayHolds(long preemptDelayMicros, boolean delayRunning, long delayEndNs, long nowNs) {
        return preemptDelayMicros > 0 && (!delayRunning || delayEndNs - nowNs > 0);
    }

    private void trackPreemptDelay(int priority, long nowNs) {
        if (priority >= effectivePriority) {
            if (preemptDelayRunning) {
                logDetail("(" + name() + ") stop preempt delay");
                preemptDelayRunning = false;
            }
        } else if (!preemptDelayRunning) {
            long delayMicros = settings.preemptDelayMicros();
            logDetail(String.format("(%s) start preempt delay (%d.%06d)", name(), delayMicros / MICROS_PER_SECOND,
                    delayMicros % MICROS_PER_SECOND));
            preemptDelayRunning = true;
            preemptDelayEndNs = nowNs + delayMicros * NANOS_PER_MICRO;
        }
    }

    // keepalived's vrrp_state_master_rx: true when the instance must leave MASTER for BACKUP.
    private boolean masterReceive(ReceivedAdvert advert, long nowNs) {
        int priority = advert.priority();
        int addressOrder = compareAddresses(advert.source(), sourceAddress);
        boolean higher = advertPrecedence(priority, effectivePriority, addressOrder) > 0;
        if (PRIORITY_STOP == priority || (settings.higherPrioSendAdvert() && higher)) {
            effects.sendAdvert(effectivePriority);
            if (PRIORITY_STOP == priority) {
                logDetail("(" + name() + ") Master received priority 0 message");
                return false;
            }
        }
        if (priority == effectivePriority) {
            if (0 == addressOrder) {
                effects.log("(" + name() + ") WARNING - equal priority advert received from remote host with our IP"
                        + " address.");
            } else if (PRIORITY_OWNER == effectivePriority) {
                effects.log("(" + name() + ") CONFIGURATION ERROR: local instance and a remote instance are both"
                        + " configured as address owner, please fix - reducing local priority");
                effectivePriority = PRIORITY_OWNER - 1;
                basePriority = PRIORITY_OWNER - 1;
            }
        }
        String source = IpAddresses.format(advert.source());
        // the CONFIGURATION ERROR above may have lowered our priority
        int precedence = advertPrecedence(priority, effectivePriority, addressOrder);
        if (precedence < 0) {
            effects.log("(" + name() + ") Received advert from " + source + " with lower priority " + priority
                    + ", ours " + effectivePriority + (settings.lowerPrioNoAdvert() ? "" : ", forcing new election"));
            effects.syncAuthSequenceAfterLowerPriority();
            if (!settings.lowerPrioNoAdvert()) {
                effects.sendAdvert(effectivePriority);
            }
            sendLowerPriorityGratuitousUpdates(nowNs);
            if (null != group) {
                group.sendLowerPriorityGratuitousUpdates(this, nowNs);
            }
            notifier.script("notify_master_rx_lower_pri")
                    .ifPresent(script -> effects.runNotifyScript(script, script.argv(), VrrpEffects.NO_TIMEOUT));
            notifier.fifo("MASTER_RX_LOWER_PRI", effectivePriority);
            return false;
        }
        if (0 == precedence) {
            return false;
        }
        if (priority > effectivePriority) {
            effects.log("(" + name() + ") Master received advert from " + source + " with higher priority "
                    + priority + ", ours " + effectivePriority);
        } else {
            effects.log("(" + name() + ") Master received advert from " + source + " with same priority "
                    + priority + " but higher IP address than ours");
        }
        adoptMasterInterval(advert);
        masterDownNs = masterDownNs();
        masterPriority = priority;
        wantState = VrrpState.BACKUP;
        return true;
    }

    private void adoptMasterInterval(ReceivedAdvert advert) {
        if (3 != settings.version()) {
            return;
        }
        // RFC 5798 §6.4.2: Master_Adver_Interval is the interval of the master's advertisement
        long advertisedMicros = advert.advertIntervalCentis() * MICROS_PER_CENTI;
        if (advertisedMicros != masterAdvertIntervalMicros) {
            logDetail("(" + name() + ") advertisement interval updated from " + masterAdvertIntervalMicros / 1000
                    + "ms to " + advertisedMicros / 1000 + "ms by master");
            masterAdvertIntervalMicros = advertisedMicros;
        }
    }

    // keepalived's vrrp_state_master_tx.
    private void masterTransmit(long nowNs) {
        // the old master must remove the addresses before our gratuitous ARPs, so the advert goes first
        effects.sendAdvert(effectivePriority);
        if (!vipSet) {
            logEntering(VrrpState.MASTER, "");
            becomeMaster(nowNs);
            if (settings.garp().masterDelayMicros() > 0) {
                garpDelayDeadlineNs = nowNs + settings.garp().masterDelayMicros() * NANOS_PER_MICRO;
            }
        } else if (settings.garp().masterRefreshMicros() > 0 && nowNs - garpRefreshDueNs > 0) {
            sendGratuitousUpdates(settings.garp().masterRefreshRepeat());
            garpRefreshDueNs = nowNs + settings.garp().masterRefreshMicros() * NANOS_PER_MICRO;
        }
    }

    // keepalived's vrrp_state_become_master.
    private void becomeMaster(long nowNs) {
        becameMasterCount++;
        if (3 == settings.version() && settings.logDetail()
                && masterAdvertIntervalMicros != settings.advertIntervalMicros()) {
            // keepalived 2.2.7 only resets the interval when it logs this line
            effects.log("(" + name() + ") changing advert interval from " + masterAdvertIntervalMicros / 1000
                    + "ms to locally configured " + settings.advertIntervalMicros() / 1000 + "ms");
            masterAdvertIntervalMicros = settings.advertIntervalMicros();
        }
        effects.addVirtualAddresses();
        vipSet = true;
        effects.addVirtualRoutes();
        effects.addVirtualRules();
        sendGratuitousUpdates(settings.garp().masterRepeat());
        if (settings.garp().masterRefreshMicros() > 0) {
            garpRefreshDueNs = nowNs + settings.garp().masterRefreshMicros() * NANOS_PER_MICRO;
        }
        sendInstanceNotifies();
        effects.becameMaster();
    }

    // keepalived's vrrp_restore_interface.
    private void restoreInterface(boolean sendPriorityZero) {
        if (sendPriorityZero) {
            effects.sendAdvert(PRIORITY_STOP);
            logDetail("(" + name() + ") sent 0 priority");
        }
        effects.removeVirtualRules();
        effects.removeVirtualRoutes();
        // keepalived leaves its delayed bursts scheduled and lets them find no addresses; we drop them
        garpDelayDeadlineNs = NO_DEADLINE;
        lowerPrioGarpDeadlineNs = NO_DEADLINE;
        effects.cancelQueuedGratuitousUpdates();
        if (vipSet) {
            effects.removeVirtualAddresses();
            vipSet = false;
        }
    }

    private void sendGratuitousUpdates(int rounds) {
        // keepalived's vrrp_send_link_update: only while the addresses are set
        if (vipSet && rounds > 0) {
            effects.sendGratuitousUpdates(rounds);
        }
    }

    private void sendInstanceNotifies() {
        if (notifiesSent && null != group && state == group.state()) {
            return;
        }
        notifiesSent = true;
        notifier.stateChanged(state, effectivePriority);
    }

    private void syncTransition(VrrpState previous, long nowNs) {
        if (null != group) {
            group.onMemberTransition(this, previous, nowNs);
        }
    }

    // keepalived's vrrp_init_instance_sands.
    private void initTimer(long nowNs) {
        timerDeadlineNs = switch (state) {
            case MASTER -> nowNs + settings.advertIntervalMicros() * NANOS_PER_MICRO;
            case BACKUP -> (nowNs - startupEndsNs < 0 ? startupEndsNs : nowNs) + masterDownNs;
            case INIT, FAULT, STOP -> NO_DEADLINE;
        };
    }

    private void initialiseUpDown(TrackerSlot slot, String faultLine) {
        Tracker tracker = slot.tracker;
        if (0 == tracker.weight()) {
            if (slot.up != (1 == tracker.multiplier())) {
                effects.log(faultLine);
                faultCount++;
            }
        } else if (slot.up ? tracker.weight() > 0 : tracker.weight() < 0) {
            totalPriority += tracker.weight() * tracker.multiplier();
        }
    }

    private void initialiseBfd(TrackerSlot slot) {
        Tracker tracker = slot.tracker;
        if (0 == tracker.weight()) {
            if (slot.up == tracker.reverse()) {
                faultCount++;
            }
        } else if (slot.up ? tracker.weight() > 0 : tracker.weight() < 0) {
            totalPriority += tracker.weight() * tracker.multiplier();
        }
    }

    private void initialiseFile(TrackerSlot slot) {
        int status = fileStatus(slot.tracker, slot.fileValue);
        if (status <= FILE_FAULT_STATUS) {
            effects.log("(" + name() + "): entering FAULT state (tracked file " + slot.tracker.name()
                    + " has status " + status + ")");
            faultCount++;
        } else {
            totalPriority += Math.min(status, FILE_MAX_STATUS);
        }
    }

    private void initialiseScript(TrackerSlot slot) {
        Tracker tracker = slot.tracker;
        boolean inInit = ScriptPhase.INIT == slot.scriptPhase;
        if (0 == tracker.weight()) {
            if (inInit) {
                initCount++;
            } else if (!slot.up) {
                effects.log("(" + name() + "): entering FAULT state due to script " + tracker.name());
                faultCount++;
            }
        } else if (!isAddressOwner() && !inInit && (slot.up ? tracker.weight() > 0 : tracker.weight() < 0)) {
            // keepalived 2.2.7 ignores reverse here (no weight_multiplier), unlike at run time
            totalPriority += tracker.weight();
        }
    }

    // keepalived's process_if_status_change / vrrp_handle_bfd_event / process_update_track_process_status.
    private void upDownChanged(Tracker tracker, boolean up, long nowNs) {
        if (0 == tracker.weight()) {
            if (up == (1 == tracker.multiplier())) {
                tryUpInstance(nowNs, false);
            } else {
                downInstance(nowNs);
            }
            return;
        }
        if (TrackerKind.PROCESS == tracker.kind()) {
            if (isAddressOwner()) {
                return;
            }
            int change = tracker.weight() * tracker.multiplier();
            totalPriority += (tracker.weight() > 0) == up ? change : -change;
        } else {
            int change = Math.abs(tracker.weight()) * tracker.multiplier();
            totalPriority += up ? change : -change;
        }
        setEffectivePriority();
    }

    // keepalived's process_script_update_priority.
    private void scriptChanged(TrackerSlot slot, boolean ok, long nowNs) {
        boolean wasInInit = ScriptPhase.INIT == slot.scriptPhase;
        if (!wasInInit && slot.up == ok) {
            return;
        }
        slot.scriptPhase = ScriptPhase.REPORTED;
        slot.up = ok;
        Tracker tracker = slot.tracker;
        int multiplier = tracker.multiplier();
        if (0 == tracker.weight()) {
            boolean leftInit = false;
            if (wasInInit && 0 == --initCount) {
                leftInit = true;
                if (null != group) {
                    group.memberLeftInit();
                }
            }
            if (ok != (1 == multiplier)) {
                downInstance(nowNs);
            } else if (0 == initCount && (null == group || 0 == group.membersInInit())) {
                tryUpInstance(nowNs, leftInit);
            }
            return;
        }
        if (wasInInit) {
            if (ok ? tracker.weight() > 0 : tracker.weight() < 0) {
                totalPriority += tracker.weight() * multiplier;
            }
        } else {
            int change = Math.abs(tracker.weight()) * multiplier;
            totalPriority += ok ? change : -change;
        }
        setEffectivePriority();
    }

    // keepalived's process_update_vrrp_track_file_status.
    private void fileChanged(TrackerSlot slot, long value, long nowNs) {
        if (slot.fileValue == value) {
            return;
        }
        Tracker tracker = slot.tracker;
        int previousStatus = clampFileStatus(fileStatus(tracker, slot.fileValue));
        int newStatus = clampFileStatus(fileStatus(tracker, value));
        slot.fileValue = value;
        if (previousStatus == newStatus) {
            return;
        }
        if (FILE_FAULT_STATUS == newStatus) {
            logDetail("(" + name() + "): tracked file " + tracker.name() + " now FAULT state");
            if (0 != tracker.weight()) {
                totalPriority -= previousStatus;
            }
            downInstance(nowNs);
        } else if (FILE_FAULT_STATUS == previousStatus) {
            if (0 != tracker.weight()) {
                totalPriority += newStatus;
                effectivePriority = clampPriority(totalPriority);
            }
            logDetail("(" + name() + "): tracked file " + tracker.name() + " leaving FAULT state");
            if (0 != newStatus) {
                logDetail("(" + name() + ") Setting effective priority to " + effectivePriority);
            }
            tryUpInstance(nowNs, false);
        } else {
            totalPriority += newStatus - previousStatus;
            setEffectivePriority();
        }
    }

    /** A file's contribution: value × weight, or for weight 0 the fault status when the value says failed. */
    private static int fileStatus(Tracker tracker, long value) {
        if (0 == tracker.weight()) {
            return (0 != value) == (1 == tracker.multiplier()) ? FILE_FAULT_STATUS : 0;
        }
        long status = value * tracker.weight() * tracker.multiplier();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status));
    }

    private static int clampFileStatus(int status) {
        return Math.max(FILE_FAULT_STATUS, Math.min(FILE_MAX_STATUS, status));
    }

    // keepalived's down_instance.
    private void downInstance(long nowNs) {
        if (0 != faultCount++) {
            return;
        }
        wantState = VrrpState.FAULT;
        state(VrrpState.FAULT, nowNs, StateChangeReason.TRACKER_FAULT);
        if (null != group) {
            group.memberFaulted(this, nowNs);
        }
    }

    // keepalived's try_up_instance.
    private void tryUpInstance(long nowNs, boolean leavingInit) {
        if (leavingInit) {
            if (faultCount > 0) {
                return;
            }
        } else if (0 != --faultCount || initCount > 0) {
            if (0 == faultCount) {
                if (null != group) {
                    group.memberRecoveredWhileInit();
                }
                wantState = VrrpState.BACKUP;
            }
            return;
        }
        boolean ownerWantingMaster = VrrpState.MASTER == wantState && isAddressOwner();
        if (!ownerWantingMaster) {
            wantState = VrrpState.BACKUP;
        }
        masterAdvertIntervalMicros = settings.advertIntervalMicros();
        masterDownNs = ownerWantingMaster
                ? (masterAdvertIntervalMicros + skewMicros(256 - effectivePriority)) * NANOS_PER_MICRO
                : masterDownNs();
        if (null != group && !group.memberRecovered(leavingInit)) {
            return;
        }
        VrrpState wanted = wantState;
        if (null != group && VrrpState.MASTER == wantState && !group.canGotoMaster(this, nowNs)) {
            wantState = VrrpState.BACKUP;
        }
        if (VrrpState.MASTER == wantState) {
            gotoMaster(nowNs, StateChangeReason.FAULT_CLEARED);
        } else {
            state(wantState, nowNs, StateChangeReason.FAULT_CLEARED);
        }
        wantState = wanted;
        if (null != group) {
            if (VrrpState.MASTER == state) {
                group.syncMaster(this, nowNs);
            } else {
                group.syncBackup(this, nowNs);
            }
        }
    }

    // keepalived's vrrp_set_effective_priority.
    private void setEffectivePriority() {
        if (isAddressOwner()) {
            return;
        }
        int newPriority = clampPriority(totalPriority);
        if (effectivePriority == newPriority) {
            return;
        }
        effects.log("(" + name() + ") Changing effective priority from " + effectivePriority + " to " + newPriority);
        effectivePriority = newPriority;
        long oldMasterDownNs = masterDownNs;
        masterDownNs = masterDownNs();
        if (VrrpState.BACKUP == state) {
            timerDeadlineNs += masterDownNs - oldMasterDownNs;
        }
        if (settings.notifyPriorityChanges()) {
            notifier.fifo(VrrpState.MASTER == state ? "MASTER_PRIORITY" : "BACKUP_PRIORITY", effectivePriority);
        }
    }

    /** A non-owner's effective priority stays within 1..254 whatever its trackers add. */
    static int clampPriority(int total) {
        return Math.max(1, Math.min(PRIORITY_OWNER - 1, total));
    }

    /** keepalived's {@code VRRP_MS_DOWN_TIMER}: down_timer_adverts × Master_Adver_Interval + Skew_Time. */
    private long masterDownNs() {
        return (settings.downTimerAdverts() * masterAdvertIntervalMicros + skewMicros(256 - effectivePriority))
                * NANOS_PER_MICRO;
    }

    private long skewMicros(int priorityValue) {
        return skewMicros(settings.version(), priorityValue, masterAdvertIntervalMicros);
    }

    /**
     * keepalived's {@code VRRP_TIMER_SKEW_CALC}: (256 − priority) / 256 s for VRRPv2; for VRRPv3 the same fraction of
     * Master_Adver_Interval, computed from centiseconds as 625/16 µs each to stay in 32 bits.
     */
    static long skewMicros(int version, int priorityValue, long masterAdvertIntervalMicros) {
        if (3 == version) {
            return priorityValue * (masterAdvertIntervalMicros / MICROS_PER_CENTI) * 625 / 16;
        }
        return priorityValue * MICROS_PER_SECOND / 256;
    }

    /**
     * RFC 5798 §6.4.3 as keepalived's vrrp_state_master_rx applies it: positive when the advert wins over us (a
     * higher priority, or the same priority from a higher address), negative when we win, 0 for the same priority
     * from our own address.
     *
     * @param addressOrder the sign of {@link #compareAddresses} of the advert's source with ours
     */
    static int advertPrecedence(int advertPriority, int ourPriority, int addressOrder) {
        int byPriority = Integer.compare(advertPriority, ourPriority);
        return 0 != byPriority ? Integer.signum(byPriority) : Integer.signum(addressOrder);
    }

    /**
     * keepalived's vrrp_saddr_cmp: IPv4 and IPv6 both compare as unsigned big-endian numbers; 0 without an own
     * address or across families.
     */
    static int compareAddresses(InetAddress source, Optional<InetAddress> own) {
        if (own.isEmpty() || own.get().getAddress().length != source.getAddress().length) {
            return 0;
        }
        return Integer.signum(Arrays.compareUnsigned(source.getAddress(), own.get().getAddress()));
    }

    private void logDetail(String line) {
        if (settings.logDetail()) {
            effects.log(line);
        }
    }

    private static boolean isDue(long deadlineNs, long nowNs) {
        return NO_DEADLINE != deadlineNs && nowNs - deadlineNs >= 0;
    }

    private static String key(TrackerKind kind, String name) {
        return kind + "/" + name;
    }

    private enum ScriptPhase { INIT, REPORTED }

    /** What one tracker last reported; before any report: up, file value 0, scripts unknown (failed with init_fail). */
    private static final class TrackerSlot {
        final Tracker tracker;
        boolean up;
        long fileValue;
        ScriptPhase scriptPhase;

        TrackerSlot(Tracker tracker) {
            this.tracker = tracker;
            boolean scriptFailsAtInit = TrackerKind.SCRIPT == tracker.kind() && tracker.initFail();
            this.up = !scriptFailsAtInit;
            this.scriptPhase = scriptFailsAtInit ? ScriptPhase.REPORTED : ScriptPhase.INIT;
        }

        void record(TrackerEvent event) {
            if (event instanceof TrackerEvent.FileValue fileValue) {
                this.fileValue = fileValue.value();
            } else if (event instanceof TrackerEvent.ScriptResult result) {
                up = result.ok();
                scriptPhase = ScriptPhase.REPORTED;
            } else if (event instanceof TrackerEvent.InterfaceLink link) {
                up = link.up();
            } else if (event instanceof TrackerEvent.ProcessQuorum quorum) {
                up = quorum.haveQuorum();
            } else if (event instanceof TrackerEvent.BfdState bfd) {
                up = bfd.up();
            }
        }
    }
}
