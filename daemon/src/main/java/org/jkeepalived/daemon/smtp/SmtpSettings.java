package org.jkeepalived.daemon.smtp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.global.GlobalDefs;

/**
 * Where and how {@code smtp_alert} mail goes, from {@code global_defs}.
 *
 * @param host                 {@code smtp_server}'s address or name, resolved when a mail is sent
 * @param port                 {@code smtp_server}'s port, 25 unless given
 * @param heloName             {@code smtp_helo_name}, else the local host name
 * @param from                 {@code notification_email_from}, else {@code user@local-host-name}
 * @param recipients           {@code notification_email}, in file order, never empty
 * @param routerId             {@code router_id}, the subject's prefix
 * @param connectTimeoutMillis {@code smtp_connect_timeout}: for the connection and for each reply
 */
public record SmtpSettings(String host, int port, String heloName, String from, List<String> recipients,
                           String routerId, int connectTimeoutMillis) {

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(routerId, "routerId");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients: [] (expected at least one)");
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connectTimeoutMillis: " + connectTimeoutMillis + " (expected > 0)");
        }
    }

    /**
     * keepalived 2.2.7 sends mail only when {@code notification_email} and {@code smtp_server} are both set
     * ({@code smtp_alert}); {@code init_global_data} fills the HELO name and sender from the local host name.
     *
     * @param localName the local host name (keepalived's {@code get_local_name})
     * @param userName  the name of the user the daemon runs as
     */
    public static Optional<SmtpSettings> of(GlobalDefs global, String localName, String userName) {
        if (global.notificationEmails().isEmpty()) {
            return Optional.empty();
        }
        return global.smtpServer().map(server -> new SmtpSettings(server.host(), server.port(),
                global.smtpHeloName().orElse(localName),
                global.notificationEmailFrom().orElse(userName + "@" + localName), global.notificationEmails(),
                global.routerId(), global.smtpConnectTimeoutSecs() * 1000));
    }
}
