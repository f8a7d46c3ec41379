package org.jkeepalived.config.lvs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lvs.VirtualServer.ServiceFlag;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUsers;
import org.jkeepalived.config.value.Scripts;
import org.jkeepalived.config.value.Values;

/**
 * keepalived 2.2.7's checker-process parse (keepalived/check/check_parser.c and the {@code alloc_*} functions of
 * check_data.c): reads the root keywords in file order into drafts, reporting as its handlers do. Owned by the
 * thread doing the load.
 */
final class CheckParser {
    static final long UINT_MAX = 0xFFFF_FFFFL;
    static final long WEIGHT_LIMIT = Integer.MAX_VALUE;
    /** LVS_MAX_TIMEOUT: 31 days. */
    static final long MAX_PERSISTENCE_TIMEOUT_SECS = 86_400L * 31;
    /** IPVS_SVC_PERSISTENT_TIMEOUT: the persistence timeout of a bare {@code persistence_timeout}. */
    static final long DEFAULT_PERSISTENCE_TIMEOUT_SECS = 360;
    private static final int PERSISTENCE_ENGINE_MAX = 15;
    private static final List<String> SCHEDULERS =
            List.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");

    private final BuildContext ctx;
    private final ScriptUsers scriptUsers;
    private final CheckerBlocks checkerBlocks;
    private SslContext ssl;
    private final List<VirtualServerGroup> groups = new ArrayList<>();
    private final List<VsDraft> virtualServers = new ArrayList<>();

    CheckParser(BuildContext ctx, CheckerGlobals globals) {
        this.ctx = ctx;
        this.scriptUsers = new ScriptUsers(ctx, globals.scriptSecurity(), globals.scriptUser());
        this.checkerBlocks = new CheckerBlocks(ctx, scriptUsers);
    }

    void parse(ConfigNode root) {
        for (ConfigNode node : root.children()) {
            switch (node.keyword()) {
                case "SSL" -> ssl(node);
                case "virtual_server_group" -> new GroupParser(ctx).parse(node).ifPresent(groups::add);
                case "virtual_server" -> virtualServer(node);
                case "track_file", "vrrp_track_file" -> checkerBlocks.trackFileDeclared(node);
                case "bfd_instance" -> checkerBlocks.bfdInstanceDeclared(node);
                default -> {
                    // the other processes' keywords: the checker process skips them
                }
            }
        }
    }

    Optional<SslContext> ssl() {
        return Optional.ofNullable(ssl);
    }

    List<VirtualServerGroup> groups() {
        return groups;
    }

    List<VsDraft> virtualServers() {
        return virtualServers;
    }

    private void ssl(ConfigNode node) {
        if (ssl != null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "SSL context already specified - replacing");
        }
        Optional<String> password = Optional.empty();
        Optional<String> ca = Optional.empty();
        Optional<String> certificate = Optional.empty();
        Optional<String> key = Optional.empty();
        for (ConfigNode child : node.children()) {
            switch (child.keyword()) {
                case "password" -> password = sslFile(child, password, "password");
                case "ca" -> ca = sslFile(child, ca, "cafile");
                case "certificate" -> certificate = sslFile(child, certificate, "certfile");
                case "key" -> key = sslFile(child, key, "keyfile");
                default -> {
                    // reported by the tree parser
                }
            }
        }
        ssl = new SslContext(password, ca, certificate, key);
    }

    private Optional<String> sslFile(ConfigNode node, Optional<String> previous, String type) {
        if (node.args().isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "SSL " + type + " missing");
            return previous;
        }
        if (previous.isPresent()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "SSL " + type + " already specified - replacing");
        }
        return Optional.of(node.args().get(0));
    }

    private void virtualServer(ConfigNode node) {
        Location at = node.location();
        String first = ctx.word(node, 1);
        Optional<VsDraft> allocated = switch (first) {
            case "group" -> Optional.of(new VsDraft(new VirtualServerKey.Group(ctx.word(node, 2)), at,
                    AddressFamily.UNSPEC));
            case "fwmark" -> fwmarkServer(node);
            default -> addressServer(node, first);
        };
        if (allocated.isEmpty()) {
            return;
        }
        VsDraft vs = allocated.get();
        virtualServers.add(vs);
        for (ConfigNode child : node.children()) {
            virtualServerKeyword(vs, child);
        }
        endVirtualServer(vs);
    }

    private Optional<VsDraft> fwmarkServer(ConfigNode node) {
        String word = ctx.word(node, 2);
        OptionalLong fwmark = Values.readUnsigned(ctx, node.location(), word, 0, UINT_MAX, true);
        if (fwmark.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "virtual server fwmark '" + word + "' must be in [0, " + UINT_MAX + "] - ignoring");
            return Optional.empty();
        }
        return Optional.of(new VsDraft(new VirtualServerKey.Fwmark(fwmark.getAsLong()), node.location(),
                AddressFamily.UNSPEC));
    }

    private Optional<VsDraft> addressServer(ConfigNode node, String addressWord) {
        String portWord = significantPort(node.args().size() >= 2 ? node.args().get(1) : null);
        Optional<Endpoint> endpoint = endpoint(ctx, node.location(), addressWord, portWord);
        if (endpoint.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "Invalid virtual server IP address"
                    + (portWord != null ? "/port" : "") + " " + addressWord
                    + (portWord != null ? "/" + portWord : "") + " - skipping");
            return Optional.empty();
        }
        Endpoint vip = endpoint.get();
        return Optional.of(new VsDraft(new VirtualServerKey.Address(vip.address(), vip.port()), node.location(),
                vip.family()));
    }

    /** keepalived passes no port when the port is all zeros (accepted since 2.0.7 for legacy configs). */
    static String significantPort(String portWord) {
        return portWord == null || portWord.chars().allMatch(c -> c == '0') ? null : portWord;
    }

    /** keepalived's {@code inet_stosockaddr}: the port is read first (1..65535), then the address. */
    static Optional<Endpoint> endpoint(BuildContext ctx, Location at, String addressWord, String portWord) {
        int port = 0;
        if (portWord != null) {
            OptionalLong parsed = Values.readUnsigned(ctx, at, portWord, 1, 65535, true);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            port = (int) parsed.getAsLong();
        }
        int finalPort = port;
        return IpAddresses.parseIgnoringRangeAndMask(addressWord).map(address -> new Endpoint(address, finalPort));
    }

    private void virtualServerKeyword(VsDraft vs, ConfigNode node) {
        Location at = node.location();
        switch (node.keyword()) {
            case "ip_family" -> ipFamily(vs, node);
            case "retry" -> readRetry(node).ifPresent(v -> vs.retry = v);
            case "delay_before_retry" -> timer(node, 0, 0, "virtual server delay before retry '%s' invalid - ignoring")
                    .ifPresent(v -> vs.delayBeforeRetryMicros = v);
            case "warmup" -> timer(node, 0, 0, "virtual server warmup '%s' invalid - ignoring")
                    .ifPresent(v -> vs.warmupMicros = v);
            case "connect_timeout" -> timer(node, 1, UINT_MAX, "virtual server connect_timeout %s invalid - ignoring")
                    .ifPresent(v -> vs.connectTimeoutMicros = v);
            case "delay_loop" -> timer(node, 1, 0, "virtual server delay loop '%s' invalid - ignoring")
                    .ifPresent(v -> vs.delayLoopMicros = v);
            case "inhibit_on_failure" -> vs.inhibit = true;
            case "lb_algo", "lvs_sched" -> scheduler(vs, node);
            case "hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port", "mh-fallback" ->
                    serviceFlag(vs, node);
            case "lb_kind", "lvs_method" -> vs.forwarding = forwarding(node, vs.forwarding, "virtual");
            case "persistence_engine" -> persistenceEngine(vs, node);
            case "persistence_timeout" -> persistenceTimeout(vs, node);
            case "persistence_granularity" -> persistenceGranularity(vs, node);
            case "protocol" -> protocol(vs, node);
            case "ha_suspend" -> vs.haSuspend = true;
            case "smtp_alert" -> Values.optionalBool(ctx, node, w -> "Invalid virtual_server smtp_alert parameter " + w)
                    .ifPresent(v -> vs.smtpAlert = v);
            case "virtualhost" -> vs.virtualhost = virtualhost(node, "virtual server virtualhost missing");
            case "alpha" -> vs.alpha = true;
            case "omega" -> vs.omega = true;
            case "quorum_up" -> vs.quorumUp = notify(vs, node, vs.quorumUp, "quorum");
            case "quorum_down" -> vs.quorumDown = notify(vs, node, vs.quorumDown, "quorum");
            case "quorum" -> quorum(vs, node);
            case "hysteresis" -> hysteresis(vs, node);
            case "weight" -> virtualServerWeight(vs, node);
            case "sorry_server" -> sorryServer(vs, node);
            case "sorry_server_inhibit" -> sorryServerInhibit(vs, at);
            case "sorry_server_lvs_method" -> sorryServerForwarding(vs, node);
            case "real_server" -> realServer(vs, node);
            case "snmp_name" -> ctx.notActedOn("virtual_server", node);
            default -> {
                // reported by the tree parser
            }
        }
    }

    private void ipFamily(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        AddressFamily family = switch (word) {
            case "inet" -> AddressFamily.INET;
            case "inet6" -> AddressFamily.INET6;
            default -> null;
        };
        if (family == null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "unknown address family " + word);
        } else if (vs.family != AddressFamily.UNSPEC && vs.family != family) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Virtual server specified family " + word + " conflicts with server family");
        } else {
            vs.family = family;
        }
    }

    private Optional<Long> readRetry(ConfigNode node) {
        String word = ctx.word(node, 1);
        OptionalLong retry = Values.readUnsigned(ctx, node.location(), word, 1, UINT_MAX, false);
        if (retry.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "retry value invalid - " + word);
            return Optional.empty();
        }
        return Optional.of(retry.getAsLong());
    }

    /** A {@code read_timer} keyword whose failure keepalived reports with {@code format} (%s: the word). */
    OptionalLong timer(ConfigNode node, long minMicros, long maxMicros, String format) {
        return Values.timerParameter(ctx, node, minMicros, maxMicros, word -> format.replace("%s", word));
    }

    private String virtualhost(ConfigNode node, String missing) {
        if (node.args().isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), missing);
            return null;
        }
        return node.args().get(0);
    }

    private void scheduler(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        if (SCHEDULERS.contains(word)) {
            vs.scheduler = word;
        } else {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "Invalid lvs_scheduler '" + word + "' - ignoring");
        }
    }

    /** keepalived 2.2.7 checks sh-/mh- flags against the scheduler set so far, and rejects {@code hashed} oddly. */
    private void serviceFlag(VsDraft vs, ConfigNode node) {
        String word = node.keyword();
        switch (word) {
            case "ops" -> vs.flags.add(ServiceFlag.ONE_PACKET);
            case "flag-1" -> vs.flags.add(ServiceFlag.SCHED_1);
            case "flag-2" -> vs.flags.add(ServiceFlag.SCHED_2);
            case "flag-3" -> vs.flags.add(ServiceFlag.SCHED_3);
            default -> {
                if ("sh".equals(vs.scheduler)) {
                    addIf(vs, word, "sh-port", ServiceFlag.SH_PORT);
                    addIf(vs, word, "sh-fallback", ServiceFlag.SH_FALLBACK);
                } else if ("mh".equals(vs.scheduler)) {
                    addIf(vs, word, "mh-port", ServiceFlag.MH_PORT);
                    addIf(vs, word, "mh-fallback", ServiceFlag.MH_FALLBACK);
                } else {
                    ctx.report(Severity.GENERAL_ERROR, node.location(),
                            word + " only applies to sh scheduler - ignoring");
                }
            }
        }
    }

    private static void addIf(VsDraft vs, String word, String expected, ServiceFlag flag) {
        if (word.equals(expected)) {
            vs.flags.add(flag);
        }
    }

    /**
     * keepalived's {@code svr_forwarding_handler}: the method is taken even when a tunnel option is then rejected;
     * the tunnel settings only when all of them are valid.
     */
    Forwarding forwarding(ConfigNode node, Forwarding previous, String serverType) {
        Location at = node.location();
        String word = ctx.word(node, 1);
        Forwarding.Method method = switch (word) {
            case "NAT" -> Forwarding.Method.NAT;
            case "DR" -> Forwarding.Method.DR;
            case "TUN" -> Forwarding.Method.TUN;
            default -> null;
        };
        if (method == null) {
            ctx.report(Severity.GENERAL_ERROR, at,
                    "PARSER : unknown [" + word + "] routing method for " + serverType + " server.");
            return previous;
        }
        Forwarding base = previous != null ? previous : Forwarding.NAT;
        Forwarding methodOnly = new Forwarding(method, base.tunnelType(), base.tunnelPort(), base.tunnelChecksum());
        Forwarding.TunnelType type = Forwarding.TunnelType.IPIP;
        long port = 0;
        Forwarding.TunnelChecksum checksum = Forwarding.TunnelChecksum.NOCSUM;
        List<String> args = node.args();
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            boolean hasValue = i + 1 < args.size();
            switch (option) {
                case "type" -> {
                    if (!hasValue) {
                        return rejected(at, "Missing tunnel type for " + serverType + " server.", methodOnly);
                    }
                    String value = args.get(++i);
                    type = switch (value) {
                        case "ipip" -> Forwarding.TunnelType.IPIP;
                        case "gue" -> Forwarding.TunnelType.GUE;
                        case "gre" -> Forwarding.TunnelType.GRE;
                        default -> null;
                    };
                    if (type == null) {
                        return rejected(at, "Unknown tunnel type " + value + " for " + serverType + " server.",
                                methodOnly);
                    }
                }
                case "port" -> {
                    if (!hasValue) {
                        return rejected(at, "Missing port for " + serverType + " server gue tunnel.", methodOnly);
                    }
                    String value = args.get(++i);
                    OptionalLong parsed = Values.readUnsigned(ctx, at, value, 1, 65535, false);
                    if (parsed.isEmpty()) {
                        return rejected(at, "Invalid gue tunnel port " + value + " for " + serverType + " server.",
                                methodOnly);
                    }
                    port = parsed.getAsLong();
                }
                case "nocsum" -> checksum = Forwarding.TunnelChecksum.NOCSUM;
                case "csum" -> checksum = Forwarding.TunnelChecksum.CSUM;
                case "remcsum" -> checksum = Forwarding.TunnelChecksum.REMCSUM;
                default -> {
                    return rejected(at, "Invalid tunnel option " + option + " for " + serverType + " server.",
                            methodOnly);
                }
            }
        }
        if ((type == Forwarding.TunnelType.GUE) != (port != 0)) {
            return rejected(at, "gue tunnels require port, otherwise cannot have port.", methodOnly);
        }
        if (type == Forwarding.TunnelType.IPIP && checksum != Forwarding.TunnelChecksum.NOCSUM) {
            return rejected(at, "ipip tunnels do not support checksum option.", methodOnly);
        }
        if (type == Forwarding.TunnelType.GRE && checksum == Forwarding.TunnelChecksum.REMCSUM) {
            return rejected(at, "gre tunnels do not support remote checksum option.", methodOnly);
        }
        return new Forwarding(method, type, (int) port, checksum);
    }

    private Forwarding rejected(Location at, String message, Forwarding methodOnly) {
        ctx.report(Severity.GENERAL_ERROR, at, message);
        return methodOnly;
    }

    private void persistenceEngine(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        if (word.length() > PERSISTENCE_ENGINE_MAX) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "persistence_name too long, truncating - " + word);
        }
        vs.persistenceEngine = word.substring(0, Math.min(word.length(), PERSISTENCE_ENGINE_MAX));
    }

    private void persistenceTimeout(VsDraft vs, ConfigNode node) {
        if (node.args().isEmpty()) {
            vs.persistenceTimeoutSecs = DEFAULT_PERSISTENCE_TIMEOUT_SECS;
            return;
        }
        OptionalLong timeout = Values.readUnsigned(ctx, node.location(), node.args().get(0), 1,
                MAX_PERSISTENCE_TIMEOUT_SECS, false);
        if (timeout.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "persistence_timeout invalid");
            return;
        }
        vs.persistenceTimeoutSecs = timeout.getAsLong();
    }

    private void persistenceGranularity(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        AddressFamily family = vs.family;
        if (family == AddressFamily.UNSPEC) {
            family = word.indexOf('.') >= 0 ? AddressFamily.INET : AddressFamily.INET6;
        }
        if (family == AddressFamily.INET6) {
            if (Values.readUnsigned(ctx, node.location(), word, 1, 128, false).isEmpty()) {
                ctx.report(Severity.GENERAL_ERROR, node.location(),
                        "Invalid IPv6 persistence_granularity specified - " + word);
                return;
            }
        } else if (word.indexOf(':') >= 0 || IpAddresses.parse(word).isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Invalid IPv4 persistence_granularity specified - " + word);
            return;
        }
        vs.persistenceGranularity = word;
        if (vs.family == AddressFamily.UNSPEC) {
            vs.family = family;
        }
        if (vs.persistenceTimeoutSecs == 0) {
            vs.persistenceTimeoutSecs = DEFAULT_PERSISTENCE_TIMEOUT_SECS;
        }
    }

    private void protocol(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        switch (word.toUpperCase(Locale.ROOT)) {
            case "TCP" -> vs.protocol = Protocol.TCP;
            case "SCTP" -> vs.protocol = Protocol.SCTP;
            case "UDP" -> vs.protocol = Protocol.UDP;
            default -> ctx.report(Severity.GENERAL_ERROR, node.location(), "Unknown protocol " + word + " - ignoring");
        }
    }

    /**
     * A notify-style script ({@code quorum_up}, {@code notify_up}...): keepalived keeps the first and reports the
     * rest, naming the virtual server by its group name, which it prints as {@code (null)} for other servers.
     */
    ScriptSpec notify(VsDraft vs, ConfigNode node, ScriptSpec previous, String type) {
        if (previous != null) {
            String group = vs.key instanceof VirtualServerKey.Group g ? g.name() : "(null)";
            ctx.report(Severity.GENERAL_ERROR, node.location(), "(" + group + ") " + node.keyword()
                    + " script already specified - ignoring " + ctx.word(node, 1));
            return previous;
        }
        return Scripts.parseNotify(node, type, scriptUsers, ctx).orElse(null);
    }

    private void quorum(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        OptionalLong quorum = Values.readUnsigned(ctx, node.location(), word, 1, UINT_MAX, true);
        if (quorum.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Quorum " + word + " must be in [1, " + UINT_MAX + "]. Setting to 1.");
        }
        vs.quorum = quorum.orElse(1);
    }

    private void hysteresis(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        OptionalLong hysteresis = Values.readUnsigned(ctx, node.location(), word, 0, UINT_MAX, true);
        if (hysteresis.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Hysteresis " + word + " must be in [0, " + UINT_MAX + "] - ignoring");
            return;
        }
        vs.hysteresis = hysteresis.getAsLong();
    }

    private void virtualServerWeight(VsDraft vs, ConfigNode node) {
        String word = ctx.word(node, 1);
        OptionalLong weight = Values.readUnsigned(ctx, node.location(), word, 1, WEIGHT_LIMIT, true);
        if (weight.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Virtual server weight " + word + " is outside range 1-" + WEIGHT_LIMIT);
            return;
        }
        vs.weight = weight.getAsLong();
    }

    private void sorryServer(VsDraft vs, ConfigNode node) {
        String addressWord = ctx.word(node, 1);
        String portWord = significantPort(node.args().size() >= 2 ? node.args().get(1) : null);
        Optional<Endpoint> endpoint = endpoint(ctx, node.location(), addressWord, portWord);
        if (endpoint.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Invalid sorry server IP address " + addressWord + " - skipping");
            return;
        }
        vs.sorry = new VsDraft.SorryDraft(endpoint.get(), vs.forwarding);
    }

    private void sorryServerInhibit(VsDraft vs, Location at) {
        if (vs.sorry == null) {
            ctx.report(Severity.GENERAL_ERROR, at, "Ignoring sorry_server inhibit used before or without sorry_server");
            return;
        }
        vs.sorry.inhibit = true;
    }

    private void sorryServerForwarding(VsDraft vs, ConfigNode node) {
        if (vs.sorry == null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "sorry_server forwarding used without sorry_server");
            return;
        }
        vs.sorry.forwarding = forwarding(node, vs.sorry.forwarding, "sorry");
    }

    /** keepalived's {@code vs_end_handler}: the sorry server's family, or a tunnelled-only server's. */
    private void endVirtualServer(VsDraft vs) {
        if (vs.sorry != null && !isTunnel(vs.sorry.forwarding)) {
            AddressFamily sorryFamily = vs.sorry.endpoint.family();
            if (vs.family == AddressFamily.UNSPEC) {
                vs.family = sorryFamily;
            } else if (vs.family != sorryFamily) {
                ctx.report(Severity.GENERAL_ERROR, vs.location, "Address family of virtual server and sorry server "
                        + IpAddresses.format(vs.sorry.endpoint.address()) + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.family == AddressFamily.UNSPEC && !(vs.key instanceof VirtualServerKey.Group)) {
            Set<AddressFamily> families = new HashSet<>();
            if (vs.sorry != null) {
                families.add(vs.sorry.endpoint.family());
            }
            vs.realServers.forEach(rs -> families.add(rs.endpoint.family()));
            // mixed or no tunnelled servers: keepalived defaults to IPv4
            vs.family = families.size() == 1 ? families.iterator().next() : AddressFamily.INET;
        }
    }

    static boolean isTunnel(Forwarding forwarding) {
        return forwarding != null && forwarding.method() == Forwarding.Method.TUN;
    }

    private void realServer(VsDraft vs, ConfigNode node) {
        Location at = node.location();
        String addressWord = ctx.word(node, 1);
        String rawPort = node.args().size() >= 2 ? node.args().get(1) : null;
        Optional<Endpoint> endpoint = endpoint(ctx, at, addressWord, significantPort(rawPort));
        if (endpoint.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at,
                    "Invalid real server ip address/port " + addressWord + "/" + rawPort + " - skipping");
            return;
        }
        RsDraft rs = new RsDraft(endpoint.get(), at, vs.forwarding);
        vs.realServers.add(rs);
        for (ConfigNode child : node.children()) {
            realServerKeyword(vs, rs, child);
        }
        if (!isTunnel(rs.forwarding)) {
            AddressFamily family = rs.endpoint.family();
            if (vs.family == AddressFamily.UNSPEC) {
                vs.family = family;
            } else if (vs.family != family) {
                ctx.report(Severity.GENERAL_ERROR, at, "Address family of virtual server and real server "
                        + IpAddresses.format(rs.endpoint.address()) + " don't match - skipping real server.");
                vs.realServers.remove(rs);
            }
        }
    }

    private void realServerKeyword(VsDraft vs, RsDraft rs, ConfigNode node) {
        switch (node.keyword()) {
            case "weight" -> realServerWeight(rs, node);
            case "lvs_method" -> rs.forwarding = forwarding(node, rs.forwarding, "real");
            case "uthreshold" -> threshold(node, "uthreshold").ifPresent(v -> rs.upperThreshold = v);
            case "lthreshold" -> threshold(node, "lthreshold").ifPresent(v -> rs.lowerThreshold = v);
            case "inhibit_on_failure" ->
                    Values.optionalBool(ctx, node, w -> "Invalid inhibit_on_failure parameter " + w)
                            .ifPresent(v -> rs.inhibit = v);
            case "notify_up" -> rs.notifyUp = notify(vs, node, rs.notifyUp, "notify");
            case "notify_down" -> rs.notifyDown = notify(vs, node, rs.notifyDown, "notify");
            case "alpha" -> Values.optionalBool(ctx, node, w -> "Invalid alpha parameter " + w)
                    .ifPresent(v -> rs.alpha = v);
            case "retry" -> readRetry(node).ifPresent(v -> rs.retry = v);
            case "delay_before_retry" -> timer(node, 0, 0, "real server delay_before_retry '%s' invalid - ignoring")
                    .ifPresent(v -> rs.delayBeforeRetryMicros = v);
            case "warmup" -> timer(node, 0, 0, "real server warmup '%s' invalid - ignoring")
                    .ifPresent(v -> rs.warmupMicros = v);
            case "connect_timeout" -> timer(node, 1, UINT_MAX, "real server connect_timeout %s invalid - ignoring")
                    .ifPresent(v -> rs.connectTimeoutMicros = v);
            case "delay_loop" -> timer(node, 1, 0, "real server delay_loop '%s' invalid - ignoring")
                    .ifPresent(v -> rs.delayLoopMicros = v);
            case "smtp_alert" -> Values.optionalBool(ctx, node, w -> "Invalid real_server smtp_alert parameter " + w)
                    .ifPresent(v -> rs.smtpAlert = v);
            case "virtualhost" -> rs.virtualhost = virtualhost(node, "real server virtualhost missing");
            case "snmp_name" -> ctx.notActedOn("virtual_server real_server", node);
            default -> checkerBlocks.checker(vs, rs, node);
        }
    }

    private void realServerWeight(RsDraft rs, ConfigNode node) {
        String word = ctx.word(node, 1);
        OptionalLong weight = Values.readUnsigned(ctx, node.location(), word, 0, WEIGHT_LIMIT, true);
        if (weight.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Real server weight " + word + " is outside range 0-" + WEIGHT_LIMIT);
            return;
        }
        rs.weight = weight.getAsLong();
    }

    private Optional<Long> threshold(ConfigNode node, String name) {
        String word = ctx.word(node, 1);
        OptionalLong threshold = Values.readUnsigned(ctx, node.location(), word, 0, UINT_MAX, true);
        if (threshold.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "Invalid real_server " + name + " '" + word + "' - ignoring");
            return Optional.empty();
        }
        return Optional.of(threshold.getAsLong());
    }
}
