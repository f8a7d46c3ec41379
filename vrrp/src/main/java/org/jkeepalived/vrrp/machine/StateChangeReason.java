package org.jkeepalived.vrrp.machine;

/**
 * Why a VRRP instance changes state. keepalived 2.2.7 reaches each state through several functions whose entry
 * actions differ (which log line, whether a priority 0 advert goes out, whether notifications are sent), so the
 * reason names the path and {@link EntryPath#of} maps it onto keepalived's function.
 */
enum StateChangeReason {
    /** A weightless tracker is down before start: initialise_tracking_priorities only marks the instance FAULT. */
    TRACKER_DOWN_AT_START,
    /** vrrp_init_state: INIT to BACKUP, logged with {@code (init)}, or to FAULT without a line. */
    STARTED,
    /** vrrp_init_state for an address owner wanting MASTER: a silent BACKUP that times out after 1 µs. */
    ADDRESS_OWNER_START,
    /** A backup's master-down timer expired (RFC 5798 §6.4.2). */
    MASTER_DOWN_TIMER,
    /** A master heard a higher priority, or an equal priority from a higher address (RFC 5798 §6.4.3). */
    HIGHER_PRIORITY_SEEN,
    /** down_instance: a tracker took the instance to FAULT. */
    TRACKER_FAULT,
    /** try_up_instance: the last fault cleared. */
    FAULT_CLEARED,
    /** vrrp_sync_master, vrrp_sync_backup or vrrp_sync_fault moved a sync group member along with another. */
    SYNC_GROUP,
    /** Shutdown. */
    STOP
}
