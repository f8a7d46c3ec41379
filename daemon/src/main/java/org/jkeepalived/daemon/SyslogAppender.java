package org.jkeepalived.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.UnixDatagramSocket;

/**
 * keepalived's syslog: each event one datagram to the syslog socket (/dev/log), as glibc's syslog(3) sends it with
 * {@code LOG_PID}: {@code <PRI>Mmm dd hh:mm:ss IDENT[PID]: message}, no host name, no newline. Like glibc it drops
 * what it cannot send (no socket there, the reader's queue full) and never blocks the caller.
 */
final class SyslogAppender extends AppenderBase<ILoggingEvent> {
    /** glibc's {@code "%h %e %T"} in the C locale. */
    private static final DateTimeFormatter SYSLOG_TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);
    private static final int LOG_ERR = 3;
    private static final int LOG_WARNING = 4;
    private static final int LOG_INFO = 6;
    private static final int LOG_DEBUG = 7;

    private final String socketPath;
    private final int facility;
    private final SyslogIdent ident;
    private final long pid;
    private final ZoneId zone;
    private UnixDatagramSocket socket;

    /**
     * @param socketPath the syslog socket, /dev/log outside tests
     * @param facility   a syslog facility number ({@code -S}), LOG_DAEMON (3) by default
     */
    SyslogAppender(String socketPath, int facility, SyslogIdent ident, long pid, ZoneId zone) {
        this.socketPath = socketPath;
        this.facility = facility;
        this.ident = ident;
        this.pid = pid;
        this.zone = zone;
    }

    @Override
    protected void append(ILoggingEvent event) {
        byte[] datagram = format(event).getBytes(StandardCharsets.UTF_8);
        try {
            if (socket == null) {
                socket = UnixDatagramSocket.open();
            }
            socket.send(datagram, socketPath);
        } catch (NativeIoException | RuntimeException e) {
            // glibc's syslog(3) loses the line silently when nobody listens; so do we
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (socket != null) {
            try {
                socket.close();
            } catch (NativeIoException e) {
                addWarn("closing the syslog socket: " + e.getMessage());
            }
            socket = null;
        }
    }

    String format(ILoggingEvent event) {
        int priority = facility * 8 + severity(event.getLevel());
        return "<" + priority + ">"
                + SYSLOG_TIMESTAMP.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)) + " "
                + ident.of(event.getLoggerName()) + "[" + pid + "]: " + event.getFormattedMessage();
    }

    private static int severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> LOG_ERR;
            case Level.WARN_INT -> LOG_WARNING;
            case Level.INFO_INT -> LOG_INFO;
            default -> LOG_DEBUG;
        };
    }
}
