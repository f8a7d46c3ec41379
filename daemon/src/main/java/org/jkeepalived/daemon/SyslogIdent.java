package org.jkeepalived.daemon;

/**
 * The syslog ident of each of keepalived 2.2.7's processes, which are one JVM here: the VRRP child's lines are
 * {@code Keepalived_vrrp}, the checker child's {@code Keepalived_healthcheckers}, the parent's {@code Keepalived}.
 * A logger's name says which process it stands for. With a network namespace ({@code -s}) keepalived appends
 * {@code _NAMESPACE} to each ident.
 *
 * @param suffix {@code _NAMESPACE}, or empty
 */
record SyslogIdent(String suffix) {
    static final String PARENT = "Keepalived";
    static final String VRRP = "Keepalived_vrrp";
    static final String CHECKERS = "Keepalived_healthcheckers";

    static final SyslogIdent DEFAULT = new SyslogIdent("");

    static SyslogIdent forNamespace(String namespace) {
        return new SyslogIdent("_" + namespace);
    }

    String of(String loggerName) {
        String name = loggerName == null ? "" : loggerName;
        if (name.startsWith(VRRP) || name.startsWith("org.jkeepalived.vrrp")) {
            return VRRP + suffix;
        }
        if (name.startsWith(CHECKERS) || name.startsWith("org.jkeepalived.healthcheck")
                || name.startsWith("org.jkeepalived.ipvs")) {
            return CHECKERS + suffix;
        }
        return PARENT + suffix;
    }
}
