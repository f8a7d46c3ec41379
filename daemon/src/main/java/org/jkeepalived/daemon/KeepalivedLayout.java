package org.jkeepalived.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** keepalived's console log line: {@code strftime("%c")} in the C locale, a colon, the message. */
final class KeepalivedLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter C_LOCALE_DATE_TIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final ZoneId zone;

    KeepalivedLayout(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return C_LOCALE_DATE_TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)) + ": "
                + event.getFormattedMessage() + "\n";
    }
}
