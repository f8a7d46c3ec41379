package org.jkeepalived.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures logback in code as keepalived's {@code -l}, {@code -G}, {@code -S} and {@code -D} ask: syslog unless
 * {@code -G}, the console (stderr, keepalived's console format) with {@code -l}.
 */
final class Logging {
    /** Where glibc's syslog(3) writes. */
    static final String DEV_LOG = "/dev/log";

    private Logging() {
    }

    /**
     * @param syslogSocket the syslog socket, {@link #DEV_LOG} outside tests
     * @param pid          this process's pid, for the syslog lines
     */
    static Logger configure(Options.LogOptions log, ZoneId zone, String syslogSocket, SyslogIdent ident, long pid) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (log.console()) {
            KeepalivedLayout layout = new KeepalivedLayout(zone);
            layout.setContext(context);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.start();
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setTarget("System.err");
            console.setEncoder(encoder);
            console.start();
            root.addAppender(console);
        }
        if (!log.noSyslog()) {
            SyslogAppender syslog = new SyslogAppender(syslogSocket, log.facility(), ident, pid, zone);
            syslog.setContext(context);
            syslog.start();
            root.addAppender(syslog);
        }
        root.setLevel(log.detailLevel() > 0 ? Level.DEBUG : Level.INFO);
        // -D is keepalived's detail, not Netty's internals
        context.getLogger("io.netty").setLevel(Level.INFO);
        return LoggerFactory.getLogger(SyslogIdent.PARENT);
    }

    /**
     * keepalived's {@code log_options}: {@code NAME: text}, wrapped at a space to lines of at most 100 - len(NAME)
     * characters, continuation lines indented under the text.
     */
    static List<String> wrapOption(String name, String text) {
        int width = 100 - name.length();
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty()) {
            rest = rest.stripLeading();
            int end = endOfPiece(rest, width);
            String prefix = lines.isEmpty() ? name + ": " : " ".repeat(name.length() + 2);
            lines.add(prefix + rest.substring(0, end));
            rest = rest.substring(end);
        }
        return lines;
    }

    private static int endOfPiece(String text, int width) {
        if (text.length() <= width) {
            return text.length();
        }
        if (text.charAt(width) == ' ') {
            return width;
        }
        int space = text.lastIndexOf(' ', width - 1);
        return space > 0 ? space : width;
    }
}
