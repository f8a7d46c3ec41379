package org.jkeepalived.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.config.Severity;

/**
 * keepalived 2.2.7's command line once read: what to load, how to log, where the pid files go and the switches the
 * later engines will honour.
 *
 * @param commandLine        argv as given, program name first, for the {@code Command line:} log line
 * @param configFile         {@code -f}: a glob (default /etc/keepalived/keepalived.conf)
 * @param configId           {@code -i}; empty: the short host name
 * @param includeCheckAll    {@code -e}
 * @param configTest         {@code -t}
 * @param dumpConf           {@code -d}
 * @param dontFork           {@code -n}; jkeepalived always stays in the foreground (a JVM cannot fork)
 * @param subsystems         {@code -P}, {@code -C}, {@code -B}, {@code --all}
 * @param log                {@code -l}, {@code -D}, {@code -S}, {@code -G}
 * @param pidFiles           {@code -p}, {@code -r}, {@code -c}, {@code -b}
 * @param umask              {@code -u}, when valid
 * @param namespace          {@code -s}
 * @param commandLineWorst   the config error class the command line itself raised: keepalived reads a numeric
 *                           {@code -S} with its config number reader, whose complaints count towards {@code -t}
 * @param deferred           options accepted and kept for the engines of later releases ({@code -X -V -I -R -a -x
 *                           -A -m -M}), as their long names with any argument
 */
public record Options(List<String> commandLine, String configFile, Optional<String> configId,
                      boolean includeCheckAll, boolean configTest, boolean dumpConf, boolean dontFork,
                      Subsystems subsystems, LogOptions log, PidFiles pidFiles, OptionalInt umask,
                      Optional<String> namespace, Severity commandLineWorst, List<String> deferred) {

    public static final String DEFAULT_CONFIG_FILE = "/etc/keepalived/keepalived.conf";

    public Options {
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(configFile, "configFile");
        deferred = List.copyOf(deferred);
    }

    /** Which parts of keepalived run: {@code -P} clears checkers, {@code -C} clears vrrp, {@code -B} clears bfd. */
    public record Subsystems(boolean vrrp, boolean checkers, boolean bfd, boolean all) {
        public static final Subsystems DEFAULT = new Subsystems(true, true, true, false);
    }

    /**
     * @param console     {@code -l}
     * @param detailLevel {@code -D} once: 1, twice or more: 2
     * @param facility    {@code -S}: a syslog facility number (LOG_DAEMON, 3, by default)
     * @param noSyslog    {@code -G} (and {@code -t})
     */
    public record LogOptions(boolean console, int detailLevel, int facility, boolean noSyslog) {
        public static final int LOG_DAEMON = 3;
        public static final LogOptions DEFAULT = new LogOptions(false, 0, LOG_DAEMON, false);

        public LogOptions {
            if (detailLevel < 0 || detailLevel > 2) {
                throw new IllegalArgumentException("detailLevel: " + detailLevel + " (expected 0..2)");
            }
        }
    }
}
