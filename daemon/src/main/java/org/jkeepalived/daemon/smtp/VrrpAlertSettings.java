package org.jkeepalived.daemon.smtp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.RawSetting;
import org.jkeepalived.config.value.Values;

/**
 * Which VRRP instances and sync groups mail their state changes, resolved as keepalived 2.2.7's
 * {@code vrrp_complete_instance} and {@code vrrp_complete_init} do: their own {@code smtp_alert}, else the global
 * {@code smtp_alert_vrrp}, else the global {@code smtp_alert}, else no mail. The model keeps these keywords as
 * settings not acted on, so they are read from there.
 *
 * @param alertingInstances the names of the instances that mail
 * @param alertingGroups    the names of the sync groups that mail
 * @param noEmailFaults     {@code no_email_faults}: no mail for FAULT
 */
public record VrrpAlertSettings(Set<String> alertingInstances, Set<String> alertingGroups, boolean noEmailFaults) {

    private static final String SMTP_ALERT = "smtp_alert";

    public VrrpAlertSettings {
        alertingInstances = Set.copyOf(alertingInstances);
        alertingGroups = Set.copyOf(alertingGroups);
    }

    public static VrrpAlertSettings of(KeepalivedConfig config) {
        boolean byDefault = config.global().smtpAlertVrrp().or(() -> config.global().smtpAlert()).orElse(false);
        Map<String, Boolean> instances = ownSettings(config, "vrrp_instance ");
        Map<String, Boolean> groups = ownSettings(config, "vrrp_sync_group ");
        boolean noEmailFaults = config.notActedOn().stream()
                .anyMatch(raw -> raw.blockPath().equals("global_defs") && raw.keyword().equals("no_email_faults"));
        return new VrrpAlertSettings(
                alerting(config.vrrp().instances().keySet(), instances, byDefault),
                alerting(config.vrrp().syncGroups().keySet(), groups, byDefault), noEmailFaults);
    }

    public boolean alerts(String type, String name) {
        return (type.equals("GROUP") ? alertingGroups : alertingInstances).contains(name);
    }

    /** The last valid {@code smtp_alert} of each block: keepalived ignores (after reporting) a word not a boolean. */
    private static Map<String, Boolean> ownSettings(KeepalivedConfig config, String blockPrefix) {
        Map<String, Boolean> own = new HashMap<>();
        for (RawSetting raw : config.notActedOn()) {
            if (raw.keyword().equals(SMTP_ALERT) && raw.blockPath().startsWith(blockPrefix)) {
                String name = raw.blockPath().substring(blockPrefix.length());
                value(raw).ifPresent(alert -> own.put(name, alert));
            }
        }
        return own;
    }

    private static Optional<Boolean> value(RawSetting raw) {
        if (raw.args().isEmpty()) {
            return Optional.of(true);
        }
        int value = Values.checkTrueFalse(raw.args().get(0));
        return value < 0 ? Optional.empty() : Optional.of(value == 1);
    }

    private static Set<String> alerting(Set<String> names, Map<String, Boolean> own, boolean byDefault) {
        return names.stream().filter(name -> own.getOrDefault(name, byDefault)).collect(Collectors.toSet());
    }
}
