package org.jkeepalived.daemon.smtp;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code smtp_alert} mail as keepalived 2.2.7's smtp.c builds it: the subject already prefixed (with
 * {@code [router_id]}), cut to 255 characters, the body cut to 511.
 */
public record AlertMail(String subject, String body) {

    /** keepalived's MAX_HEADERS_LENGTH and MAX_BODY_LENGTH, less the terminating NUL. */
    static final int MAX_SUBJECT_CHARS = 255;
    static final int MAX_BODY_CHARS = 511;
    /** keepalived's SMTP_BUFFER_MAX less the NUL: every command, the whole DATA text included, is cut to it. */
    static final int MAX_COMMAND_CHARS = 1023;
    /** strftime's {@code "%a, %d %b %Y %H:%M:%S %z"} in the C locale. */
    private static final DateTimeFormatter RFC822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    public AlertMail {
        subject = truncate(Objects.requireNonNull(subject, "subject"), MAX_SUBJECT_CHARS);
        body = truncate(Objects.requireNonNull(body, "body"), MAX_BODY_CHARS);
    }

    /** keepalived's subject for a mail with no instance, group or server of its own: {@code [router_id] subject}. */
    public static AlertMail of(String routerId, String subject, String body) {
        return new AlertMail("[" + routerId + "] " + subject, body);
    }

    /** {@code SMTP_MSG_VRRP}: {@code [router_id] VRRP Instance NAME - Entering MASTER state}. */
    public static AlertMail instance(String routerId, String instanceName, String subject, String body) {
        return of(routerId, "VRRP Instance " + instanceName + " - " + subject, body);
    }

    /** {@code SMTP_MSG_VGROUP}: {@code [router_id] VRRP Group NAME - Entering MASTER state}. */
    public static AlertMail group(String routerId, String groupName, String subject, String body) {
        return of(routerId, "VRRP Group " + groupName + " - " + subject, body);
    }

    /**
     * What follows DATA, up to and including the lone dot: headers Date, From, Subject, X-Mailer, To (the recipients
     * joined by {@code ", "}), a blank line, the body, then {@code CRLF . CRLF}.
     */
    public String data(SmtpSettings settings, ZonedDateTime now) {
        String text = "Date: " + RFC822.format(now) + "\r\nFrom: " + settings.from() + "\r\nSubject: " + subject
                + "\r\nX-Mailer: Keepalived\r\nTo: " + String.join(", ", settings.recipients()) + "\r\n\r\n"
                + body + "\r\n" + "\r\n.\r\n";
        return truncate(text, MAX_COMMAND_CHARS);
    }

    static String truncate(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars);
    }
}
