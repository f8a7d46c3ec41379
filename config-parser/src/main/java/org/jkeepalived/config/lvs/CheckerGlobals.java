package org.jkeepalived.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUserSetting;

/**
 * The global_defs settings the checker side reads.
 *
 * @param smtpAlert        global {@code smtp_alert}, empty when not set
 * @param smtpAlertChecker global {@code smtp_alert_checker}, empty when not set
 * @param fifoScripts      the {@code notify_fifo_script} and {@code lvs_notify_fifo_script}, which keepalived vets
 *                         with the checker scripts
 */
record CheckerGlobals(boolean scriptSecurity, Optional<ScriptUserSetting> scriptUser, Optional<Boolean> smtpAlert,
                      Optional<Boolean> smtpAlertChecker, List<ScriptSpec> fifoScripts) {

    static final CheckerGlobals DEFAULTS =
            new CheckerGlobals(false, Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    CheckerGlobals {
        Objects.requireNonNull(scriptUser, "scriptUser");
        Objects.requireNonNull(smtpAlert, "smtpAlert");
        Objects.requireNonNull(smtpAlertChecker, "smtpAlertChecker");
        fifoScripts = List.copyOf(fifoScripts);
    }

    /** The checker's view of global_defs; the FIFO scripts in the order keepalived vets them. */
    static CheckerGlobals of(GlobalDefs global) {
        List<ScriptSpec> fifoScripts = Stream.of(global.notifyFifo(), global.lvsNotifyFifo())
                .flatMap(Optional::stream).map(GlobalDefs.NotifyFifo::script).flatMap(Optional::stream).toList();
        return new CheckerGlobals(global.enableScriptSecurity(), global.scriptUser(), global.smtpAlert(),
                global.smtpAlertChecker(), fifoScripts);
    }

    /** keepalived's smtp_alert default chain: smtp_alert_checker, then smtp_alert, then {@code fallback}. */
    boolean smtpAlertOr(boolean fallback) {
        return smtpAlertChecker.or(() -> smtpAlert).orElse(fallback);
    }
}
