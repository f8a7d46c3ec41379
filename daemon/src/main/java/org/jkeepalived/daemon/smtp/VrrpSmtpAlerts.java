package org.jkeepalived.daemon.smtp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.vrrp.engine.AlertListener;

/**
 * keepalived 2.2.7's {@code vrrp_smtp_notifier} and {@code vrrp_sync_smtp_notifier} (vrrp_notify.c): a mail for each
 * new state of an instance or group with {@code smtp_alert}, none for a state already mailed, none for FAULT under
 * {@code no_email_faults}.
 */
public final class VrrpSmtpAlerts implements AlertListener {

    private final SmtpAlerter alerter;
    /** Written by the thread that (re)loads the config, read on the VRRP loop. */
    private volatile VrrpAlertSettings settings;
    /** keepalived's {@code last_email_state}, by type and name; only the VRRP loop touches it. */
    private final Map<String, String> lastMailedState = new HashMap<>();

    public VrrpSmtpAlerts(SmtpAlerter alerter, KeepalivedConfig config) {
        this.alerter = alerter;
        this.settings = VrrpAlertSettings.of(config);
    }

    public void reload(KeepalivedConfig config) {
        settings = VrrpAlertSettings.of(config);
    }

    @Override
    public void notified(String type, String name, String state) {
        VrrpAlertSettings current = settings;
        if (!current.alerts(type, name) || (current.noEmailFaults() && state.equals("FAULT"))) {
            return;
        }
        String key = type + " " + name;
        if (state.equals(lastMailedState.get(key))) {
            return;
        }
        Optional<Texts> texts = type.equals("GROUP") ? groupTexts(state) : instanceTexts(state);
        Optional<String> routerId = alerter.routerId();
        if (texts.isEmpty() || routerId.isEmpty()) {
            return;
        }
        Texts mail = texts.get();
        alerter.send(type.equals("GROUP") ? AlertMail.group(routerId.get(), name, mail.subject(), mail.body())
                : AlertMail.instance(routerId.get(), name, mail.subject(), mail.body()));
        lastMailedState.put(key, state);
    }

    /** The end of a mail's subject after {@code - }, and its body. */
    record Texts(String subject, String body) {
    }

    /** The texts keepalived gives each state of an instance. */
    static Optional<Texts> instanceTexts(String state) {
        return Optional.ofNullable(switch (state) {
            case "MASTER" -> new Texts("Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=");
            case "BACKUP" -> new Texts("Entering BACKUP state",
                "=> VRRP Instance is no longer owning VRRP VIPs <=");
            case "FAULT" -> new Texts("Entering FAULT state", "=> VRRP Instance is no longer owning VRRP VIPs <=");
            case "STOP" -> new Texts("Stopping", "=> VRRP Instance stopping <=");
            case "DELETED" -> new Texts("Deleted", "=> VRRP Deleted at reload <=");
            default -> null;
        });
    }

    /** The texts keepalived gives each state of a sync group. */
    static Optional<Texts> groupTexts(String state) {
        return Optional.ofNullable(switch (state) {
            case "MASTER" -> new Texts("Entering MASTER state",
                "=> All VRRP group instances are now in MASTER state <=");
            case "BACKUP" -> new Texts("Entering BACKUP state",
                "=> All VRRP group instances are now in BACKUP state <=");
            case "FAULT" -> new Texts("Entering FAULT state",
                "=> All VRRP group instances are now in FAULT state <=");
            case "STOP" -> new Texts("Stopping", "=> All VRRP group instances are now stopping <=");
            default -> null;
        });
    }
}
