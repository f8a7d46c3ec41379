package org.jkeepalived.daemon;

import org.jkeepalived.cli.GnuOption;

/** keepalived 2.2.7's options as the Debian build has them ({@code parse_cmdline}), in its table's order. */
enum KeepalivedOption implements GnuOption {
    USE_FILE('f', "use-file", Argument.REQUIRED),
    VRRP('P', "vrrp", Argument.NONE),
    CHECK('C', "check", Argument.NONE),
    NO_BFD('B', "no_bfd", Argument.NONE),
    ALL(LONG_ONLY, "all", Argument.NONE),
    LOG_CONSOLE('l', "log-console", Argument.NONE),
    LOG_DETAIL('D', "log-detail", Argument.NONE),
    LOG_FACILITY('S', "log-facility", Argument.REQUIRED),
    LOG_FILE('g', "log-file", Argument.OPTIONAL),
    ALL_CONFIG('e', "all-config", Argument.NONE),
    NO_SYSLOG('G', "no-syslog", Argument.NONE),
    UMASK('u', "umask", Argument.REQUIRED),
    RELEASE_VIPS('X', "release-vips", Argument.NONE),
    DONT_RELEASE_VRRP('V', "dont-release-vrrp", Argument.NONE),
    DONT_RELEASE_IPVS('I', "dont-release-ipvs", Argument.NONE),
    DONT_RESPAWN('R', "dont-respawn", Argument.NONE),
    DONT_FORK('n', "dont-fork", Argument.NONE),
    DUMP_CONF('d', "dump-conf", Argument.NONE),
    PID('p', "pid", Argument.REQUIRED),
    VRRP_PID('r', "vrrp_pid", Argument.REQUIRED),
    GENHASH('T', "genhash", Argument.NONE),
    CHECKERS_PID('c', "checkers_pid", Argument.REQUIRED),
    ADDRESS_MONITORING('a', "address-monitoring", Argument.NONE),
    BFD_PID('b', "bfd_pid", Argument.REQUIRED),
    SNMP('x', "snmp", Argument.NONE),
    SNMP_AGENT_SOCKET('A', "snmp-agent-socket", Argument.REQUIRED),
    CORE_DUMP('m', "core-dump", Argument.NONE),
    CORE_DUMP_PATTERN('M', "core-dump-pattern", Argument.OPTIONAL),
    NAMESPACE('s', "namespace", Argument.REQUIRED),
    CONFIG_ID('i', "config-id", Argument.REQUIRED),
    SIGNUM(LONG_ONLY, "signum", Argument.REQUIRED),
    CONFIG_TEST('t', "config-test", Argument.OPTIONAL),
    CONFIG_FD(LONG_ONLY, "config-fd", Argument.REQUIRED),
    VERSION('v', "version", Argument.NONE),
    HELP('h', "help", Argument.NONE);

    private final Spec spec;

    KeepalivedOption(char shortName, String longName, Argument argument) {
        this.spec = new Spec(shortName, longName, argument);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
