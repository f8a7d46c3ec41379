package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SyslogAppenderTest {
    private static final long PID = 4242;

    private static String format(SyslogAppender appender, String logger, Level level, String message) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(null, context.getLogger(logger), level, message, null, null);
        event.setTimeStamp(LocalDateTime.of(2026, 11, 2, 6, 26, 18).toInstant(ZoneOffset.UTC).toEpochMilli());
        return appender.format(event);
    }

    @Test
    void aLineIsGlibcsSyslogDatagramWithTheDayPaddedAndNoHostName() {
        SyslogAppender appender = new SyslogAppender("/dev/log", 3, SyslogIdent.DEFAULT, PID, ZoneOffset.UTC);
        assertEquals("<30>Nov  2 06:26:18 Keepalived[4242]: Starting Keepalived v2.2.7 (01/16,2022)",
                format(appender, "Keepalived", Level.INFO, "Starting Keepalived v2.2.7 (01/16,2022)"));
    }

    @Test
    void theVrrpEnginesLinesCarryTheVrrpChildsIdentAndTheFacilityOfDashS() {
        SyslogAppender appender = new SyslogAppender("/dev/log", 16 + 3, SyslogIdent.DEFAULT, PID, ZoneOffset.UTC);
        assertEquals("<158>Nov  2 06:26:18 Keepalived_vrrp[4242]: (VI_1) Entering MASTER STATE",
                format(appender, "Keepalived_vrrp", Level.INFO, "(VI_1) Entering MASTER STATE"));
    }

    @Test
    void errorsAreLogErrAndANamespaceSuffixesEveryIdent() {
        SyslogAppender appender = new SyslogAppender("/dev/log", 3, SyslogIdent.forNamespace("blue"), PID,
                ZoneOffset.UTC);
        assertEquals("<27>Nov  2 06:26:18 Keepalived_healthcheckers_blue[4242]: failed",
                format(appender, "Keepalived_healthcheckers", Level.ERROR, "failed"));
        assertEquals("<27>Nov  2 06:26:18 Keepalived_blue[4242]: failed",
                format(appender, "Keepalived", Level.ERROR, "failed"));
    }
}
