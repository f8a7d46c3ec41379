package org.jkeepalived.vrrp.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.value.ScriptSpec;

/**
 * keepalived 2.2.7's notifications (vrrp_notify.c) for one instance or sync group: the per-state script with only
 * its configured words, the generic {@code notify} script with {@code INSTANCE|GROUP name STATE priority} appended,
 * then the FIFO line {@code INSTANCE "VI_1" MASTER 100}.
 */
final class Notifier {

    /** keepalived runs STOP notifications with a one second timeout ({@code system_call_script(..., TIMER_HZ)}). */
    static final long STOP_TIMEOUT_MICROS = 1_000_000L;

    private final String type;
    private final String name;
    private final Map<String, ScriptSpec> scripts;
    private final boolean stateScriptStopTimeout;
    private final VrrpEffects effects;

    /**
     * @param stateScriptStopTimeout whether {@code notify_stop} itself gets the one second timeout: keepalived
     *                               gives it to an instance's but not to a sync group's
     */
    Notifier(String type, String name, Map<String, ScriptSpec> scripts, boolean stateScriptStopTimeout,
             VrrpEffects effects) {
        this.type = type;
        this.name = name;
        this.scripts = scripts;
        this.stateScriptStopTimeout = stateScriptStopTimeout;
        this.effects = effects;
    }

    void stateChanged(VrrpState state, int priority) {
        notify(state.name(), stateScript(state), VrrpState.STOP == state, priority);
    }

    /** keepalived's notifications for an instance a reload deleted, with {@code notify_deleted} configured. */
    void deleted(int priority) {
        notify("DELETED", script("notify_deleted"), false, priority);
    }

    private void notify(String state, Optional<ScriptSpec> stateScript, boolean stopping, int priority) {
        long timeoutMicros = stopping ? STOP_TIMEOUT_MICROS : VrrpEffects.NO_TIMEOUT;
        stateScript.ifPresent(script -> effects.runNotifyScript(script, script.argv(),
                stateScriptStopTimeout ? timeoutMicros : VrrpEffects.NO_TIMEOUT));
        script("notify").ifPresent(script -> {
            List<String> argv = new ArrayList<>(script.argv());
            argv.addAll(List.of(type, name, state, Integer.toString(priority)));
            effects.runNotifyScript(script, argv, timeoutMicros);
        });
        fifo(state, priority);
    }

    /** An event that is no state: {@code MASTER_RX_LOWER_PRI}, {@code MASTER_PRIORITY}, {@code BACKUP_PRIORITY}. */
    void fifo(String event, int priority) {
        effects.writeNotifyFifo(type + " \"" + name + "\" " + event + " " + priority + "\n");
    }

    Optional<ScriptSpec> script(String keyword) {
        return Optional.ofNullable(scripts.get(keyword));
    }

    private Optional<ScriptSpec> stateScript(VrrpState state) {
        return switch (state) {
            case MASTER -> script("notify_master");
            case BACKUP -> script("notify_backup");
            case FAULT -> script("notify_fault");
            case STOP -> script("notify_stop");
            case INIT -> Optional.empty();
        };
    }
}
