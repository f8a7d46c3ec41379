package org.jkeepalived.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The texts of {@code keepalived --help} and {@code keepalived --version}, laid out as keepalived 2.2.7's. */
final class HelpText {
    /** The options jkeepalived reads but whose effect comes with the engines of a later release. */
    static final String LATER_OPTIONS = "-B -S -u -X -V -I -R -a -b -x -A -s -m -M --all";

    private HelpText() {
    }

    static void usage(PrintStream err, String program) {
        err.print("Usage: " + program + " [OPTION...]\n"
                + "  -f, --use-file=FILE          Use the specified configuration file\n"
                + "                                default '" + Options.DEFAULT_CONFIG_FILE + "'\n"
                + "  -P, --vrrp                   Only run with VRRP subsystem\n"
                + "  -C, --check                  Only run with Health-checker subsystem\n"
                + "  -B, --no_bfd                 Don't run BFD subsystem\n"
                + "      --all                    Force all child processes to run, even if have no configuration\n"
                + "  -l, --log-console            Log messages to local console\n"
                + "  -D, --log-detail             Detailed log messages\n"
                + "  -S, --log-facility=([0-7]|local[0-7]|user|daemon)\n"
                + "                               Set syslog facility to LOG_LOCAL[0-7], user or daemon (default)\n"
                + "  -G, --no-syslog              Don't log via syslog\n"
                + "  -u, --umask=MASK             umask for file creation (in numeric form)\n"
                + "  -X, --release-vips           Drop VIP on transition from signal.\n"
                + "  -V, --dont-release-vrrp      Don't remove VRRP VIPs and VROUTEs on daemon stop\n"
                + "  -I, --dont-release-ipvs      Don't remove IPVS topology on daemon stop\n"
                + "  -R, --dont-respawn           Don't respawn child processes\n"
                + "  -n, --dont-fork              Don't fork the daemon process\n"
                + "  -d, --dump-conf              Dump the configuration data\n"
                + "  -p, --pid=FILE               Use specified pidfile for parent process\n"
                + "  -r, --vrrp_pid=FILE          Use specified pidfile for VRRP child process\n"
                + "  -T, --genhash                Enter into genhash utility mode "
                + "(this should be the first option used).\n"
                + "  -c, --checkers_pid=FILE      Use specified pidfile for checkers child process\n"
                + "  -a, --address-monitoring     Report all address additions/deletions notified via netlink\n"
                + "  -b, --bfd_pid=FILE           Use specified pidfile for BFD child process\n"
                + "  -x, --snmp                   Enable SNMP subsystem\n"
                + "  -A, --snmp-agent-socket=FILE Use the specified socket for master agent\n"
                + "  -s, --namespace=NAME         Run in network namespace NAME (overrides config)\n"
                + "  -m, --core-dump              Produce core dump if terminate abnormally\n"
                + "  -M, --core-dump-pattern=PATN Also set /proc/sys/kernel/core_pattern to PATN (default 'core')\n"
                + "  -e, --all-config             Error if any configuration file missing (same as includet)\n"
                + "  -i, --config-id id           Skip any configuration lines beginning '@' that don't match id\n"
                + "                                or any lines beginning @^ that do match.\n"
                + "                                The config-id defaults to the node name if option not used\n"
                + "      --signum=SIGFUNC         Return signal number for STOP, RELOAD, DATA, STATS, STATS_CLEAR,"
                + " JSON\n"
                + "  -t, --config-test[=LOG_FILE] Check the configuration for obvious errors, output to\n"
                + "                                stderr by default\n"
                + "  -v, --version                Display the version number\n"
                + "  -h, --help                   Display this help message\n"
                + "\n"
                + "jkeepalived " + Version.jkeepalived() + ": every option above is accepted; these are "
                + "implemented by a later release:\n"
                + "  " + LATER_OPTIONS + "\n"
                + "  Without -n jkeepalived still stays in the foreground: a JVM cannot fork.\n");
        err.flush();
    }

    static void version(PrintStream err, Uname uname) {
        err.print(Version.KEEPALIVED + "\n"
                + "jkeepalived " + Version.jkeepalived() + ", a reimplementation of keepalived 2.2.7 in Java "
                + Runtime.version() + "\n"
                + "\n" + Version.COPYRIGHT + "\n\n"
                + "Built with kernel headers for Linux " + Version.BUILT_FOR_LINUX + "\n"
                + "Running on " + uname.sysname() + " " + uname.release() + " " + uname.version() + "\n"
                + distro().map(name -> "Distro: " + name + "\n").orElse("")
                + "\n"
                + "configure options: none (jkeepalived is built with Maven)\n\n"
                + "Config options:  LVS VRRP VRRP_AUTH VRRP_VMAC JSON BFD\n\n"
                + "System options:  none\n");
        err.flush();
    }

    /** keepalived's {@code report_distro}: PRETTY_NAME of /etc/os-release. */
    private static Optional<String> distro() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(line -> line.startsWith("PRETTY_NAME="))
                    .map(line -> line.substring("PRETTY_NAME=".length()).replaceAll("^\"|\"$", ""))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
