package org.jkeepalived.vrrp.engine;

/**
 * Told on the VRRP loop thread after an instance or a sync group has sent its notifications for a new state, where
 * keepalived 2.2.7's {@code send_instance_notifies} and {@code send_group_notifies} end with their
 * {@code smtp_alert}. Whether a mail goes out ({@code smtp_alert}, {@code no_email_faults}, the last state mailed)
 * is the listener's decision. Implementations must not block: the loop waits for them.
 */
@FunctionalInterface
public interface AlertListener {

    /** Told nothing: the engine without a listener. */
    AlertListener NONE = (type, name, state) -> {
    };

    /**
     * @param type  {@code INSTANCE} or {@code GROUP}, as in the notify scripts' arguments
     * @param name  the instance's or the group's name
     * @param state {@code MASTER}, {@code BACKUP}, {@code FAULT}, {@code STOP} or {@code DELETED}
     */
    void notified(String type, String name, String state);
}
