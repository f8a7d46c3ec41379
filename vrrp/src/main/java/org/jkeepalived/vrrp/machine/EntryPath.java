package org.jkeepalived.vrrp.machine;

/** The keepalived 2.2.7 function whose entry actions a state change runs. */
enum EntryPath {
    /** Only {@code vrrp->state} changes. */
    MARK_ONLY,
    /** vrrp_init_state. */
    INIT_STATE,
    /** vrrp_state_goto_master. */
    GOTO_MASTER,
    /** vrrp_state_leave_master. */
    LEAVE_MASTER,
    /** vrrp_state_leave_fault, which calls vrrp_state_goto_master when it wants MASTER. */
    LEAVE_FAULT,
    /** The shutdown of an instance: vrrp_restore_interface for a master, then the STOP notifications. */
    SHUTDOWN;

    /** The path keepalived's caller for {@code reason} takes from {@code oldState} to {@code newState}. */
    static EntryPath of(VrrpState oldState, VrrpState newState, StateChangeReason reason) {
        return switch (reason) {
            case TRACKER_DOWN_AT_START -> MARK_ONLY;
            case STARTED, ADDRESS_OWNER_START -> INIT_STATE;
            case MASTER_DOWN_TIMER -> GOTO_MASTER;
            case HIGHER_PRIORITY_SEEN -> LEAVE_MASTER;
            case FAULT_CLEARED -> LEAVE_FAULT;
            case TRACKER_FAULT -> VrrpState.MASTER == oldState ? LEAVE_MASTER : LEAVE_FAULT;
            case SYNC_GROUP -> switch (newState) {
                case MASTER -> GOTO_MASTER;
                // vrrp_sync_backup leaves FAULT and INIT by leave_fault and anything else by leave_master
                case BACKUP -> VrrpState.FAULT == oldState || VrrpState.INIT == oldState ? LEAVE_FAULT : LEAVE_MASTER;
                case INIT, FAULT, STOP -> VrrpState.MASTER == oldState ? LEAVE_MASTER : LEAVE_FAULT;
            };
            case STOP -> SHUTDOWN;
        };
    }
}
