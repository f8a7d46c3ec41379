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
        long timeoutMicros = VrrpState.STOP == state ? STOP_TIMEOUT_MICROS : VrrpEffects.NO_TIMEOUT;
        notify(state.name(), stateScript(state), stateScriptStopTimeout ? timeoutMicros : VrrpEffects.NO_TIMEOUT,
                timeoutMicros, priority);
    }

    /** keepalived's notifications of an instance removed at reload with {@code notify_deleted}. */
    void deleted(int priority) {
        notify("DELETED", script("notify_deleted"), VrrpEffects.NO_TIMEOUT, VrrpEffects.NO_TIMEOUT, priority);
    }

    private void notify(String stateName, Optional<ScriptSpec> stateScript, long stateScriptTimeoutMicros,
                        long notifyTimeoutMicros, int priority) {
        stateScript.ifPresent(script -> effects.runNotifyScript(script, script.argv(), stateScriptTimeoutMicros));
        script("notify").ifPresent(script -> {
            List<String> argv = new ArrayList<>(script.argv());
            argv.addAll(List.of(type, name, stateName, Integer.toString(priority)));
            effects.runNotifyScript(script, argv, notifyTimeoutMicros);
        });
        fifo(stateName, priority);
        effects.notified(type, name, stateName);
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
