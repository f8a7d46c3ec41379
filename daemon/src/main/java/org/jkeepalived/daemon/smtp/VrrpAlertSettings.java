package org.jkeepalived.daemon.smtp;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jkeepalived.config.KeepalivedConfig;

/**
 * Which VRRP instances and sync groups mail their state changes, resolved as keepalived 2.2.7's
 * {@code vrrp_complete_instance} and {@code vrrp_complete_init} do: their own {@code smtp_alert}, else the global
 * {@code smtp_alert_vrrp}, else the global {@code smtp_alert}, else no mail.
 *
 * @param alertingInstances the names of the instances that mail
 * @param alertingGroups    the names of the sync groups that mail
 * @param noEmailFaults     global {@code no_email_faults}: no mail for FAULT
 */
public record VrrpAlertSettings(Set<String> alertingInstances, Set<String> alertingGroups, boolean noEmailFaults) {

    public VrrpAlertSettings {
        alertingInstances = Set.copyOf(alertingInstances);
        alertingGroups = Set.copyOf(alertingGroups);
    }

    public static VrrpAlertSettings of(KeepalivedConfig config) {
        boolean byDefault = config.global().smtpAlertVrrp().or(() -> config.global().smtpAlert()).orElse(false);
        return new VrrpAlertSettings(
                alerting(config.vrrp().instances(), instance -> instance.smtpAlert(), byDefault),
                alerting(config.vrrp().syncGroups(), group -> group.smtpAlert(), byDefault),
                config.global().noEmailFaults());
    }

    public boolean alerts(String type, String name) {
        return (type.equals("GROUP") ? alertingGroups : alertingInstances).contains(name);
    }

    private static <T> Set<String> alerting(Map<String, T> byName, Function<T, Optional<Boolean>> own,
                                            boolean byDefault) {
        return byName.entrySet().stream().filter(entry -> own.apply(entry.getValue()).orElse(byDefault))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
