package org.jkeepalived.config.lvs;

import java.util.Objects;
import org.jkeepalived.config.Location;

/**
 * {@code SMTP_CHECK}: the real server is up while it greets, accepts HELO and QUIT. keepalived turns each deprecated
 * {@code host} sub-block into a further SMTP checker of its own; so does this model.
 */
public record SmtpCheck(Location location, CheckerTiming timing, ConnectionOptions connection, String heloName)
        implements Checker {

    /** keepalived's HELO name when none is configured. */
    public static final String DEFAULT_HELO_NAME = "smtpchecker.keepalived.org";

    public SmtpCheck {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(heloName, "heloName");
    }
}
