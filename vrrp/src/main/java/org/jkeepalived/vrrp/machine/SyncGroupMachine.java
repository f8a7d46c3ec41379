package org.jkeepalived.vrrp.machine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * A {@code vrrp_sync_group} as keepalived 2.2.7's vrrp_sync.c runs it: a member going FAULT takes every member to
 * FAULT, a member going BACKUP takes them to BACKUP, and members go MASTER only once every member wants MASTER,
 * then all together. Group notifications go out on each group state change.
 *
 * <p>Like the instances it owns, it does no I/O and reads no clock. Start and stop the members through the group.
 */
public final class SyncGroupMachine {

    private final String name;
    private final List<VrrpInstanceMachine> members;
    private final Notifier notifier;
    private final VrrpEffects effects;
    private VrrpState state = VrrpState.INIT;
    /** keepalived's {@code num_member_fault}. */
    private int membersInFault;
    /** keepalived's {@code num_member_init}. */
    private int membersInInit;

    /**
     * @param members       the member instances in {@code group} order; each joins this group
     * @param notifyScripts by keyword: {@code notify}, {@code notify_master}, {@code notify_backup},
     *                      {@code notify_fault}, {@code notify_stop}
     */
    public SyncGroupMachine(String name, List<VrrpInstanceMachine> members, Map<String, ScriptSpec> notifyScripts,
                            VrrpEffects effects) {
        this.name = Objects.requireNonNull(name, "name");
        this.members = List.copyOf(members);
        if (this.members.isEmpty()) {
            throw new IllegalArgumentException("members: none (expected at least one)");
        }
        this.effects = Objects.requireNonNull(effects, "effects");
        this.notifier = new Notifier("GROUP", name, Map.copyOf(notifyScripts), false, effects);
        // keepalived's vrrp_sync_set_group: MASTER only when every member is an address owner wanting MASTER
        for (VrrpInstanceMachine member : this.members) {
            member.joinGroup(this);
            if (VrrpState.BACKUP != state) {
                boolean ownerWantingMaster = VrrpState.MASTER == member.wantState() && member.isAddressOwner();
                state = ownerWantingMaster ? VrrpState.MASTER : VrrpState.BACKUP;
            }
        }
    }

    public String name() {
        return name;
    }

    public VrrpState state() {
        return state;
    }

    /** Starts every member as keepalived does at startup, with the group's notifications first. */
    public void start(long nowNs) {
        initialiseMembersTracking(nowNs);
        members.forEach(member -> member.announceFaultAtStart(Optional.empty()));
        if (VrrpState.FAULT == state || VrrpState.BACKUP == state) {
            sendGroupNotifies();
        }
        members.forEach(member -> member.initialiseState(nowNs));
    }

    /**
     * Starts in place of the group of the same name under the config before a reload, as keepalived 2.2.7's reload
     * does: each member with a previous incarnation in {@code previousMembers} (by name) takes its state over unless
     * held in FAULT or INIT, the group is MASTER when every member is, and the group's notifications go out only
     * when its state differs from {@code previousState} ({@code state_same_at_reload}).
     */
    public void resume(Map<String, VrrpInstanceMachine> previousMembers, Optional<VrrpState> previousState,
                       long nowNs) {
        initialiseMembersTracking(nowNs);
        for (VrrpInstanceMachine member : members) {
            Optional<VrrpInstanceMachine> previous = Optional.ofNullable(previousMembers.get(member.name()));
            previous.ifPresent(member::adopt);
            member.announceFaultAtStart(previous.map(VrrpInstanceMachine::state));
        }
        if (0 == membersInFault && 0 == membersInInit
                && members.stream().allMatch(member -> VrrpState.MASTER == member.state())) {
            state = VrrpState.MASTER;
        }
        boolean sameAsBefore = previousState.filter(state::equals).isPresent();
        if ((VrrpState.FAULT == state || VrrpState.BACKUP == state) && !sameAsBefore) {
            sendGroupNotifies();
        }
        members.forEach(member -> member.initialiseState(nowNs));
    }

    private void initialiseMembersTracking(long nowNs) {
        for (VrrpInstanceMachine member : members) {
            member.initialiseTracking(nowNs);
            if (VrrpState.FAULT == member.state()) {
                if (VrrpState.FAULT != state) {
                    state = VrrpState.FAULT;
                    effects.log("VRRP_Group(" + name + "): Syncing " + member.name() + " to FAULT state");
                }
                membersInFault++;
            }
            if (member.hasScriptsInInit()) {
                membersInInit++;
                if (VrrpState.FAULT != state) {
                    state = VrrpState.INIT;
                }
            }
        }
    }

    /** Stops every member, then the group's STOP notifications. */
    public void stop(long nowNs) {
        for (VrrpInstanceMachine member : members) {
            member.stopInstance(nowNs);
        }
        state = VrrpState.STOP;
        sendGroupNotifies();
    }

    int membersInInit() {
        return membersInInit;
    }

    void memberLeftInit() {
        membersInInit--;
    }

    void memberFaulted(VrrpInstanceMachine member, long nowNs) {
        if (0 == membersInFault++) {
            syncFault(member, nowNs);
        }
    }

    /** A member's last fault cleared while scripts are still starting: the group waits in INIT. */
    void memberRecoveredWhileInit() {
        membersInFault--;
        state = VrrpState.INIT;
    }

    /** A member's faults cleared; true when the group as a whole may now come up. */
    boolean memberRecovered(boolean leavingInit) {
        if (leavingInit) {
            return 0 == membersInFault;
        }
        return 0 == --membersInFault && 0 == membersInInit;
    }

    // keepalived's VRRP_TSM table: the transitions of one member that move the others.
    void onMemberTransition(VrrpInstanceMachine member, VrrpState previous, long nowNs) {
        if (VrrpState.MASTER == member.state()) {
            syncMaster(member, nowNs);
        } else if (VrrpState.MASTER == previous && VrrpState.BACKUP == member.state()) {
            syncBackup(member, nowNs);
        }
    }

    // keepalived's vrrp_sync_can_goto_master: prefer BACKUP to thrashing until every member wants MASTER.
    boolean canGotoMaster(VrrpInstanceMachine member, long nowNs) {
        if (VrrpState.MASTER == state) {
            return true;
        }
        for (VrrpInstanceMachine other : members) {
            if (other != member && VrrpState.MASTER != other.wantState()) {
                member.restartMasterDownTimer(nowNs);
                return false;
            }
        }
        return true;
    }

    void syncBackup(VrrpInstanceMachine member, long nowNs) {
        if (VrrpState.BACKUP == state) {
            return;
        }
        effects.log("VRRP_Group(" + name + ") Syncing instances to BACKUP state");
        for (VrrpInstanceMachine other : members) {
            if (other == member || VrrpState.BACKUP == other.state()) {
                continue;
            }
            other.syncTo(VrrpState.BACKUP, nowNs);
        }
        state = VrrpState.BACKUP;
        sendGroupNotifies();
    }

    void syncMaster(VrrpInstanceMachine member, long nowNs) {
        if (VrrpState.MASTER == state || !canGotoMaster(member, nowNs)) {
            return;
        }
        effects.log("VRRP_Group(" + name + ") Syncing instances to MASTER state");
        for (VrrpInstanceMachine other : members) {
            if (other != member && VrrpState.MASTER != other.state()) {
                other.syncTo(VrrpState.MASTER, nowNs);
            }
        }
        state = VrrpState.MASTER;
        sendGroupNotifies();
    }

    void syncFault(VrrpInstanceMachine member, long nowNs) {
        if (VrrpState.FAULT == state) {
            return;
        }
        effects.log("VRRP_Group(" + name + ") Syncing instances to FAULT state");
        for (VrrpInstanceMachine other : members) {
            if (other == member || VrrpState.FAULT == other.state()) {
                continue;
            }
            other.syncTo(VrrpState.FAULT, nowNs);
        }
        state = VrrpState.FAULT;
        sendGroupNotifies();
    }

    void sendLowerPriorityGratuitousUpdates(VrrpInstanceMachine member, long nowNs) {
        for (VrrpInstanceMachine other : members) {
            if (other != member) {
                other.sendLowerPriorityGratuitousUpdates(nowNs);
            }
        }
    }

    private void sendGroupNotifies() {
        notifier.stateChanged(state, 0);
    }
}
