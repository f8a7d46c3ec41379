package org.jkeepalived.config.lvs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lvs.VirtualServerGroup.AddressRange;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptCheck;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.Scripts;

/**
 * keepalived 2.2.7's checks after the checker parse: {@code link_vsg_to_vs} (ipwrapper.c),
 * {@code validate_check_config} and {@code check_check_script_security} (check_data.c); then the drafts become
 * records. These run after parsing, so their reports carry no location.
 */
final class CheckValidator {
    static final String SECURITY_VIOLATION =
            "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.";

    private final BuildContext ctx;
    private final CheckerGlobals globals;

    CheckValidator(BuildContext ctx, CheckerGlobals globals) {
        this.ctx = ctx;
        this.globals = globals;
    }

    List<VirtualServer> validate(List<VsDraft> parsed, List<VirtualServerGroup> groups) {
        List<VsDraft> servers = new ArrayList<>(parsed);
        servers.removeIf(vs -> !linkGroup(vs, groups));
        servers.removeIf(vs -> !validateServer(vs));
        if (!servers.isEmpty()) {
            checkScripts(servers);
        }
        return servers.stream().map(this::freeze).toList();
    }

    /** {@code link_vsg_to_vs}: keepalived only logs these, then drops the virtual server. */
    private boolean linkGroup(VsDraft vs, List<VirtualServerGroup> groups) {
        if (!(vs.key instanceof VirtualServerKey.Group key)) {
            return true;
        }
        Optional<VirtualServerGroup> found = groups.stream().filter(g -> g.name().equals(key.name())).findFirst();
        if (found.isEmpty()) {
            log("Virtual server group " + key.name() + " specified but not configured - ignoring virtual server "
                    + vs.format());
            return false;
        }
        VirtualServerGroup group = found.get();
        vs.group = group;
        boolean ipv4 = group.entries().stream().anyMatch(e -> familyOf(e) == AddressFamily.INET);
        boolean ipv6 = group.entries().stream().anyMatch(e -> familyOf(e) == AddressFamily.INET6);
        if (ipv4 && ipv6 && vs.family != AddressFamily.UNSPEC) {
            log(key.name() + ": virtual server group with IPv4 & IPv6 doesn't match virtual server " + vs.format()
                    + " - ignoring");
            return false;
        }
        if ((ipv4 && vs.family == AddressFamily.INET6) || (ipv6 && vs.family == AddressFamily.INET)) {
            log(key.name() + ": address family doesn't match virtual server " + vs.format() + " - ignoring");
            return false;
        }
        if (ipv4 != ipv6) {
            vs.family = ipv4 ? AddressFamily.INET : AddressFamily.INET6;
        } else if (vs.family == AddressFamily.UNSPEC && group.entries().stream()
                .anyMatch(e -> e instanceof VirtualServerGroup.FwmarkEntry f && f.family() == AddressFamily.UNSPEC)) {
            log(key.name() + ": Virtual server " + vs.format() + " address family cannot be determined,"
                    + " defaulting to IPv4");
        }
        return true;
    }

    private static AddressFamily familyOf(VirtualServerGroup.Entry entry) {
        return entry instanceof AddressRange range ? range.family()
                : ((VirtualServerGroup.FwmarkEntry) entry).family();
    }

    private void log(String message) {
        ctx.report(Severity.OK, null, message);
    }

    private void error(String message) {
        ctx.report(Severity.GENERAL_ERROR, null, message);
    }

    /** One virtual server of {@code validate_check_config}; false where keepalived removes it. */
    private boolean validateServer(VsDraft vs) {
        if (vs.realServers.isEmpty()) {
            error("Virtual server " + vs.format() + " has no real servers - ignoring");
            return false;
        }
        boolean groupFwmarks = vs.group != null && vs.group.hasFwmarks();
        boolean groupAddresses = vs.group != null && vs.group.hasAddresses();
        if (vs.haSuspend && (vs.isFwmark() || groupFwmarks)) {
            error("Virtual server " + vs.format() + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
            vs.haSuspend = false;
        }
        if (groupAddresses || (vs.group == null && !vs.isFwmark())) {
            addressServerDefaults(vs);
        }
        if (vs.persistenceTimeoutSecs == 0 && vs.group != null && vs.group.entries().stream()
                .anyMatch(e -> e instanceof AddressRange range && range.port() == 0)) {
            error("Virtual server " + vs.format() + ": zero port only valid for persistent services - setting");
            vs.persistenceTimeoutSecs = CheckParser.DEFAULT_PERSISTENCE_TIMEOUT_SECS;
        }
        if (vs.protocol != null && ((vs.group != null && !groupAddresses && groupFwmarks)
                || (vs.group == null && vs.isFwmark()))) {
            error("Warning: Virtual server " + vs.format() + ": protocol specified for fwmark - protocol will be"
                    + " ignored");
            vs.protocol = null;
        }
        if (vs.scheduler == null) {
            error("Virtual server " + vs.format() + ": no scheduler set, setting default 'wlc'");
            vs.scheduler = "wlc";
        }
        if (vs.smtpAlert == null) {
            vs.smtpAlert = globals.smtpAlertOr(false);
        }
        long weightSum = realServers(vs);
        sorryServerForwarding(vs);
        if (vs.quorum > weightSum) {
            error("Warning - quorum " + vs.quorum + " for " + vs.format() + " exceeds total weight of real servers "
                    + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            long reduced = (vs.quorum - 1) & CheckParser.UINT_MAX;
            error("Virtual server " + vs.format() + ": hysteresis " + vs.hysteresis + " >= quorum " + vs.quorum
                    + "; setting hysteresis to " + reduced);
            vs.hysteresis = reduced;
        }
        if (vs.group != null) {
            groupPorts(vs);
        } else {
            serverPorts(vs);
        }
        return true;
    }

    private void addressServerDefaults(VsDraft vs) {
        if (vs.protocol == null) {
            error("Virtual server " + vs.format() + ": no protocol set - defaulting to UDP");
            vs.protocol = Protocol.UDP;
        }
        if (vs.flags.contains(VirtualServer.ServiceFlag.ONE_PACKET) && vs.protocol != Protocol.UDP) {
            error("Virtual server " + vs.format() + ": one packet scheduling requires UDP - resetting");
            vs.flags.remove(VirtualServer.ServiceFlag.ONE_PACKET);
        }
        if (vs.persistenceTimeoutSecs == 0 && vs.group == null && !vs.isFwmark() && vs.port() == 0) {
            error("Virtual server " + vs.format() + ": zero port only valid for persistent services - setting");
            vs.persistenceTimeoutSecs = CheckParser.DEFAULT_PERSISTENCE_TIMEOUT_SECS;
        }
    }

    /** The real server loop: duplicates, forwarding, inheritance; returns the weight sum (an unsigned int). */
    private long realServers(VsDraft vs) {
        long weightSum = 0;
        Set<Endpoint> seen = new HashSet<>();
        for (Iterator<RsDraft> it = vs.realServers.iterator(); it.hasNext(); ) {
            RsDraft rs = it.next();
            if (!seen.add(rs.endpoint)) {
                error("VS " + vs.format() + ": real server " + rs.format(vs) + " is duplicated - removing second rs");
                it.remove();
                continue;
            }
            if (rs.forwarding == null) {
                rs.forwarding = defaultedForwarding(vs);
            }
            inherit(vs, rs);
            weightSum = (weightSum + rs.weight) & CheckParser.UINT_MAX;
            if (vs.sorry != null && vs.sorry.endpoint.equals(rs.endpoint) && vs.sorry.inhibit != rs.inhibit) {
                error("Virtual server " + vs.format() + ": real server " + rs.format(vs) + " matches sorry server, but"
                        + " inhibit setting differs, " + (rs.inhibit ? "sett" : "clear") + "ing on sorry server");
                vs.sorry.inhibit = rs.inhibit;
            }
        }
        return weightSum;
    }

    private Forwarding defaultedForwarding(VsDraft vs) {
        if (vs.forwarding == null) {
            error("Virtual server " + vs.format() + ": no forwarding method set, setting default NAT");
            vs.forwarding = Forwarding.NAT;
        }
        return vs.forwarding;
    }

    private void sorryServerForwarding(VsDraft vs) {
        if (vs.sorry != null && vs.sorry.forwarding == null) {
            vs.sorry.forwarding = defaultedForwarding(vs);
        }
    }

    private void inherit(VsDraft vs, RsDraft rs) {
        rs.alpha = rs.alpha != null ? rs.alpha : vs.alpha;
        rs.inhibit = rs.inhibit != null ? rs.inhibit : vs.inhibit;
        rs.retry = rs.retry != null ? rs.retry : vs.retry;
        rs.connectTimeoutMicros = rs.connectTimeoutMicros != null ? rs.connectTimeoutMicros : vs.connectTimeoutMicros;
        rs.delayLoopMicros = rs.delayLoopMicros != null ? rs.delayLoopMicros : vs.delayLoopMicros;
        rs.warmupMicros = rs.warmupMicros != null ? rs.warmupMicros : vs.warmupMicros;
        rs.delayBeforeRetryMicros = rs.delayBeforeRetryMicros != null ? rs.delayBeforeRetryMicros
                : vs.delayBeforeRetryMicros;
        rs.weight = rs.weight != null ? rs.weight : vs.weight;
        // keepalived 2.2.7 defaults a real server's smtp_alert to true, unlike the rest, for backward compatibility
        rs.smtpAlert = rs.smtpAlert != null ? rs.smtpAlert : globals.smtpAlertOr(true);
    }

    private void groupPorts(VsDraft vs) {
        if (vs.group.hasFwmarks()) {
            for (RsDraft rs : vs.realServers) {
                if (!isNat(rs.forwarding) && rs.endpoint.port() != 0) {
                    error("WARNING - fwmark virtual server " + vs.format() + ", real server " + rs.format(vs)
                            + " has port specified - port will be ignored");
                }
            }
            if (vs.sorry != null && !isNat(vs.sorry.forwarding) && vs.sorry.endpoint.port() != 0) {
                error("WARNING - fwmark virtual server " + vs.format()
                        + ", sorry server has port specified - port will be ignored");
            }
        }
        for (VirtualServerGroup.Entry entry : vs.group.entries()) {
            if (!(entry instanceof AddressRange range)) {
                continue;
            }
            for (RsDraft rs : vs.realServers) {
                if (!isNat(rs.forwarding) && rs.endpoint.port() != 0 && rs.endpoint.port() != range.port()) {
                    error("virtual server " + vs.format() + ":[" + formatEntry(range) + "] and real server "
                            + rs.format(vs) + " ports don't match");
                }
            }
            if (vs.sorry != null && !isNat(vs.sorry.forwarding) && vs.sorry.endpoint.port() != 0
                    && vs.sorry.endpoint.port() != range.port()) {
                error("WARNING - virtual server " + vs.format()
                        + ", sorry server has port specified - port will be ignored");
            }
        }
    }

    /** keepalived's {@code format_vsge} for an address entry. */
    private static String formatEntry(AddressRange range) {
        String first = IpAddresses.format(range.first());
        return range.first().equals(range.last()) ? first + "," + range.port()
                : first + "-" + IpAddresses.format(range.last()) + "," + range.port();
    }

    private void serverPorts(VsDraft vs) {
        for (RsDraft rs : vs.realServers) {
            if (isNat(rs.forwarding)) {
                if (!vs.isFwmark() && rs.endpoint.port() == 0) {
                    rs.endpoint = rs.endpoint.withPort(vs.port());
                }
            } else if (vs.isFwmark()) {
                if (rs.endpoint.port() != 0) {
                    error("WARNING - fwmark virtual server " + vs.format() + ", real server " + rs.format(vs)
                            + " has port specified - clearing");
                    rs.endpoint = rs.endpoint.withPort(0);
                }
            } else if (rs.endpoint.port() == 0) {
                rs.endpoint = rs.endpoint.withPort(vs.port());
            } else if (rs.endpoint.port() != vs.port()) {
                error("WARNING - virtual server " + vs.format() + " and real server " + rs.format(vs)
                        + " ports don't match - resetting");
                rs.endpoint = rs.endpoint.withPort(vs.port());
            }
        }
        if (vs.sorry == null || isNat(vs.sorry.forwarding)) {
            return;
        }
        Endpoint sorry = vs.sorry.endpoint;
        if (vs.isFwmark()) {
            if (sorry.port() != 0) {
                error("WARNING - virtual server " + vs.format() + ", sorry server has port specified - clearing");
                vs.sorry.endpoint = sorry.withPort(0);
            }
        } else if (sorry.port() == 0) {
            vs.sorry.endpoint = sorry.withPort(vs.port());
        } else if (sorry.port() != vs.port()) {
            error("WARNING - virtual server " + vs.format() + " and sorry server ports don't match - resetting");
            vs.sorry.endpoint = sorry.withPort(vs.port());
        }
    }

    private static boolean isNat(Forwarding forwarding) {
        return forwarding.method() == Forwarding.Method.NAT;
    }

    /**
     * {@code check_check_script_security}: MISC_CHECK scripts that cannot run are removed, notify scripts that
     * cannot run are dropped, and scripts without {@code enable_script_security} are a security error.
     */
    private void checkScripts(List<VsDraft> servers) {
        boolean security = globals.scriptSecurity();
        List<ScriptCheck> checks = new ArrayList<>();
        for (VsDraft vs : servers) {
            for (RsDraft rs : vs.realServers) {
                rs.checkers.removeIf(checker -> {
                    if (checker.misc == null) {
                        return false;
                    }
                    ScriptCheck check = Scripts.check(checker.misc.script, security, ctx.host());
                    checks.add(check);
                    return !check.trackUsable();
                });
            }
        }
        for (VsDraft vs : servers) {
            vs.quorumUp = vetted(vs.quorumUp, checks);
            vs.quorumDown = vetted(vs.quorumDown, checks);
            for (RsDraft rs : vs.realServers) {
                rs.notifyUp = vetted(rs.notifyUp, checks);
                rs.notifyDown = vetted(rs.notifyDown, checks);
            }
        }
        globals.fifoScripts().forEach(script -> checks.add(Scripts.check(script, security, ctx.host())));
        Scripts.reportSecurityViolation(checks, security, ctx, SECURITY_VIOLATION);
    }

    private ScriptSpec vetted(ScriptSpec script, List<ScriptCheck> checks) {
        if (script == null) {
            return null;
        }
        ScriptCheck check = Scripts.check(script, globals.scriptSecurity(), ctx.host());
        checks.add(check);
        return check.notifyUsable() ? script : null;
    }

    private VirtualServer freeze(VsDraft vs) {
        List<RealServer> realServers = vs.realServers.stream().map(this::freeze).toList();
        Optional<SorryServer> sorry = Optional.ofNullable(vs.sorry)
                .map(s -> new SorryServer(s.endpoint, s.forwarding, s.inhibit));
        return new VirtualServer(vs.key, vs.location, vs.family, Optional.ofNullable(vs.protocol), vs.scheduler,
                vs.flags, Optional.ofNullable(vs.forwarding), vs.persistenceTimeoutSecs,
                Optional.ofNullable(vs.persistenceGranularity), Optional.ofNullable(vs.persistenceEngine), vs.quorum,
                vs.hysteresis, sorry, vs.inhibit, vs.alpha, vs.omega, vs.delayLoopMicros, vs.connectTimeoutMicros,
                optional(vs.retry), optional(vs.delayBeforeRetryMicros), optional(vs.warmupMicros),
                Optional.ofNullable(vs.virtualhost), vs.haSuspend, vs.weight, vs.smtpAlert,
                Optional.ofNullable(vs.quorumUp), Optional.ofNullable(vs.quorumDown), realServers);
    }

    private RealServer freeze(RsDraft rs) {
        List<Checker> checkers = rs.checkers.stream().map(checker -> freeze(rs, checker)).toList();
        return new RealServer(rs.endpoint, rs.location, rs.forwarding, rs.weight, rs.upperThreshold,
                rs.lowerThreshold, rs.inhibit, rs.alpha, optional(rs.retry), rs.connectTimeoutMicros,
                rs.delayLoopMicros, optional(rs.warmupMicros), optional(rs.delayBeforeRetryMicros), rs.smtpAlert,
                Optional.ofNullable(rs.virtualhost),
                Optional.ofNullable(rs.notifyUp), Optional.ofNullable(rs.notifyDown), checkers);
    }

    /** The checker part of {@code validate_check_config}: checker, then real server, then checker defaults. */
    private static Checker freeze(RsDraft rs, CheckerDraft checker) {
        boolean alpha = checker.alpha != null ? checker.alpha : rs.alpha;
        long retry = first(checker.retry, rs.retry, checker.defaultRetry);
        long delayLoop = checker.delayLoopMicros != null ? checker.delayLoopMicros : rs.delayLoopMicros;
        long warmup = first(checker.warmupMicros, rs.warmupMicros, delayLoop);
        long delayBeforeRetry = first(checker.delayBeforeRetryMicros, rs.delayBeforeRetryMicros,
                checker.defaultDelayBeforeRetryMicros != 0 ? checker.defaultDelayBeforeRetryMicros : delayLoop);
        CheckerTiming timing = new CheckerTiming(alpha, delayLoop, warmup, retry, delayBeforeRetry,
                checker.logAllFailures);
        ConnectionOptions connection = checker.connection == null ? null
                : checker.connection.freeze(rs.connectTimeoutMicros);
        return checker.finisher.finish(timing, connection);
    }

    private static long first(Long own, Long inherited, long fallback) {
        return own != null ? own : inherited != null ? inherited : fallback;
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
