package org.jkeepalived.config.lvs;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lex.ScriptWords;
import org.jkeepalived.config.lvs.HttpCheck.HttpVersion;
import org.jkeepalived.config.lvs.HttpCheck.StatusCodeRange;
import org.jkeepalived.config.lvs.HttpCheck.Url;
import org.jkeepalived.config.lvs.HttpCheck.UrlRegex;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUsers;
import org.jkeepalived.config.value.Scripts;
import org.jkeepalived.config.value.Values;

/**
 * The checker blocks of a real server, as keepalived 2.2.7's check_*.c handlers read them, and the
 * {@code track_file} / {@code bfd_instance} names the checker process knows at each point of the file. Owned by the
 * thread doing the load.
 */
final class CheckerBlocks {
    private static final int IFNAME_MAX = 15;
    private static final int BFD_NAME_MAX = 31;
    private static final int MD5_HEX_LENGTH = 32;
    private static final long MAX_MISC_TIMEOUT_SECS = CheckParser.UINT_MAX / 1_000_000;
    private static final long HTTP_DEFAULT_DELAY_BEFORE_RETRY_MICROS = 3_000_000;
    private static final long DNS_DEFAULT_RETRY = 3;
    private static final List<String> DNS_TYPES =
            List.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA", "RRSIG", "DNSKEY");
    private static final Set<String> REGEX_OPTIONS = Set.of("allow_empty_class", "alt_bsux", "auto_callout",
            "caseless", "dollar_endonly", "dotall", "dupnames", "extended", "firstline", "match_unset_backref",
            "multiline", "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess", "no_dotstar_anchor",
            "no_start_optimize", "ucp", "ungreedy", "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames",
            "use_offset_limit");

    private final BuildContext ctx;
    private final ScriptUsers scriptUsers;
    private final Set<String> trackFiles = new HashSet<>();
    private final Set<String> bfdInstances = new HashSet<>();

    CheckerBlocks(BuildContext ctx, ScriptUsers scriptUsers) {
        this.ctx = ctx;
        this.scriptUsers = scriptUsers;
    }

    /** A {@code track_file} block: known to later FILE_CHECKs once it names a file, as keepalived keeps it. */
    void trackFileDeclared(ConfigNode node) {
        boolean hasFile = node.children("file").stream().anyMatch(file -> !file.args().isEmpty());
        if (!node.args().isEmpty() && hasFile) {
            trackFiles.add(node.args().get(0));
        }
    }

    /** A {@code bfd_instance}: the checker process tracks it unless its events go to the VRRP process only. */
    void bfdInstanceDeclared(ConfigNode node) {
        boolean vrrpOnly = !node.children("vrrp").isEmpty() && node.children("checker").isEmpty();
        if (!node.args().isEmpty() && !vrrpOnly) {
            bfdInstances.add(node.args().get(0));
        }
    }

    /** A checker keyword inside a real server; anything else there was reported by the tree parser. */
    void checker(VsDraft vs, RsDraft rs, ConfigNode node) {
        Optional<CheckerDraft> checker = switch (node.keyword()) {
            case "TCP_CHECK" -> plain(rs, node, TcpCheck::new);
            case "PING_CHECK" -> plain(rs, node, PingCheck::new);
            case "HTTP_GET", "SSL_GET" -> http(rs, node);
            case "MISC_CHECK" -> misc(rs, node);
            case "SMTP_CHECK" -> {
                smtp(rs, node);
                yield Optional.empty();
            }
            case "DNS_CHECK" -> dns(rs, node);
            case "UDP_CHECK" -> udp(rs, node);
            case "FILE_CHECK" -> fileCheck(node);
            case "BFD_CHECK" -> bfd(vs, rs, node);
            default -> Optional.empty();
        };
        checker.ifPresent(rs.checkers::add);
    }

    /** A checker whose record is built from its location, timing and connection only. */
    @FunctionalInterface
    private interface PlainChecker {
        Checker create(Location location, CheckerTiming timing, ConnectionOptions connection);
    }

    private Optional<CheckerDraft> plain(RsDraft rs, ConfigNode node, PlainChecker kind) {
        CheckerDraft draft = connected(rs, node);
        for (ConfigNode child : node.children()) {
            common(draft, draft.connection, child);
        }
        draft.finisher = (timing, connection) -> kind.create(node.location(), timing, connection);
        return linkLocalChecked(draft);
    }

    private static CheckerDraft connected(RsDraft rs, ConfigNode node) {
        return new CheckerDraft(node.location(),
                new CheckerDraft.Connection(rs.endpoint.address(), rs.endpoint.port()));
    }

    /** keepalived's {@code check_conn_opts}: an IPv6 link-local destination needs {@code bind_if}. */
    private Optional<CheckerDraft> linkLocalChecked(CheckerDraft draft) {
        return linkLocalOk(draft.connection, draft.location) ? Optional.of(draft) : Optional.empty();
    }

    private boolean linkLocalOk(CheckerDraft.Connection connection, Location at) {
        if (connection.destination instanceof Inet6Address v6 && v6.isLinkLocalAddress()
                && connection.bindInterface == null) {
            ctx.report(Severity.GENERAL_ERROR, at, "Checker link local address "
                    + IpAddresses.format(connection.destination) + " requires a bind_if");
            return false;
        }
        return true;
    }

    /**
     * keepalived's {@code install_checker_common_keywords}: the connection keywords apply to {@code connection}
     * (null for MISC_CHECK, which has none), the timing keywords to the checker. Returns whether it was one.
     */
    private boolean common(CheckerDraft draft, CheckerDraft.Connection connection, ConfigNode node) {
        if (connection != null && connectionKeyword(connection, node)) {
            return true;
        }
        switch (node.keyword()) {
            case "retry" -> unsigned(node, 0, CheckParser.UINT_MAX, "Invalid retry connection value '%s'")
                    .ifPresent(v -> draft.retry = v);
            case "delay_before_retry" -> timer(node, 0, 0, "Invalid delay_before_retry connection value '%s'")
                    .ifPresent(v -> draft.delayBeforeRetryMicros = v);
            case "warmup" -> timer(node, 0, 0, "Invalid warmup connection value '%s'")
                    .ifPresent(v -> draft.warmupMicros = v);
            case "delay_loop" -> timer(node, 1, 0, "delay_loop '%s' is invalid - ignoring")
                    .ifPresent(v -> draft.delayLoopMicros = v);
            case "alpha" -> Values.optionalBool(ctx, node, w -> "Invalid alpha parameter " + w)
                    .ifPresent(v -> draft.alpha = v);
            case "log_all_failures" ->
                    Values.optionalBool(ctx, node, w -> "Invalid log_all_failures parameter " + w)
                            .ifPresent(v -> draft.logAllFailures = v);
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean connectionKeyword(CheckerDraft.Connection connection, ConfigNode node) {
        Location at = node.location();
        switch (node.keyword()) {
            case "connect_ip" -> {
                String word = ctx.word(node, 1);
                IpAddresses.parse(word).ifPresentOrElse(address -> {
                    if (connection.bindTo != null && AddressFamily.of(connection.bindTo) != AddressFamily.of(address)) {
                        ctx.report(Severity.GENERAL_ERROR, at, "connect_ip address " + word
                                + " does not match address family of bindto - skipping");
                    } else {
                        connection.destination = address;
                    }
                }, () -> ctx.report(Severity.GENERAL_ERROR, at, "Invalid connect_ip address " + word + " - ignoring"));
            }
            case "connect_port" -> unsigned(node, 1, 65535, "Invalid checker connect_port '%s'", true)
                    .ifPresent(v -> connection.destinationPort = (int) v);
            case "bindto" -> {
                String word = ctx.word(node, 1);
                IpAddresses.parse(word).ifPresentOrElse(address -> {
                    if (connection.destination != null
                            && AddressFamily.of(connection.destination) != AddressFamily.of(address)) {
                        ctx.report(Severity.GENERAL_ERROR, at, "bindto address " + word
                                + " does not match address family of connect_ip - skipping");
                    } else {
                        connection.bindTo = address;
                    }
                }, () -> ctx.report(Severity.GENERAL_ERROR, at, "Invalid bindto address " + word + " - ignoring"));
            }
            case "bind_port" -> unsigned(node, 1, 65535, "Invalid checker bind_port '%s'", true)
                    .ifPresent(v -> connection.bindPort = (int) v);
            case "bind_if" -> {
                String word = ctx.word(node, 1);
                if (word.length() > IFNAME_MAX) {
                    ctx.report(Severity.GENERAL_ERROR, at, "Interface name " + word + " is too long - ignoring");
                } else {
                    connection.bindInterface = word;
                }
            }
            case "connect_timeout" -> timer(node, 1, CheckParser.UINT_MAX, "connect_timeout %s invalid - ignoring")
                    .ifPresent(v -> connection.connectTimeoutMicros = v);
            case "fwmark" -> unsigned(node, 0, CheckParser.UINT_MAX, "Invalid fwmark connection value '%s'")
                    .ifPresent(v -> connection.fwmark = v);
            default -> {
                return false;
            }
        }
        return true;
    }

    private OptionalLong unsigned(ConfigNode node, long min, long max, String format) {
        return unsigned(node, min, max, format, true);
    }

    private OptionalLong unsigned(ConfigNode node, long min, long max, String format, boolean ignoreError) {
        return Values.unsignedParameter(ctx, node, min, max, ignoreError, word -> format.replace("%s", word));
    }

    private OptionalLong timer(ConfigNode node, long minMicros, long maxMicros, String format) {
        return Values.timerParameter(ctx, node, minMicros, maxMicros, word -> format.replace("%s", word));
    }


    private Optional<CheckerDraft> http(RsDraft rs, ConfigNode node) {
        CheckerDraft draft = connected(rs, node);
        draft.defaultDelayBeforeRetryMicros = HTTP_DEFAULT_DELAY_BEFORE_RETRY_MICROS;
        HttpVersion version = HttpVersion.HTTP_1_0;
        String virtualhost = null;
        boolean enableSni = false;
        boolean fastRecovery = false;
        List<Url> urls = new ArrayList<>();
        for (ConfigNode child : node.children()) {
            if (common(draft, draft.connection, child)) {
                continue;
            }
            switch (child.keyword()) {
                case "nb_get_retry" -> {
                    ctx.report(Severity.GENERAL_ERROR, child.location(),
                            "nb_get_retry is deprecated - please use 'retry'");
                    unsigned(child, 0, CheckParser.UINT_MAX, "Invalid nb_get_retry value '%s'")
                            .ifPresent(v -> draft.retry = v);
                }
                case "virtualhost" -> {
                    if (child.args().isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "HTTP_GET virtualhost name missing");
                    } else {
                        virtualhost = child.args().get(0);
                    }
                }
                case "http_protocol" -> version = httpProtocol(child, version);
                case "enable_sni" -> enableSni =
                        Values.optionalBool(ctx, child, w -> "Invalid enable_sni parameter " + w).orElse(enableSni);
                case "fast_recovery" -> fastRecovery =
                        Values.optionalBool(ctx, child, w -> "Invalid fast_recovery parameter " + w)
                                .orElse(fastRecovery);
                case "url" -> url(child).ifPresent(urls::add);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        if (urls.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "HTTP/SSL_GET checker has no urls specified - ignoring");
            return Optional.empty();
        }
        boolean tls = node.keyword().equals("SSL_GET");
        HttpVersion finalVersion = version;
        Optional<String> finalVirtualhost = Optional.ofNullable(virtualhost);
        boolean finalSni = enableSni;
        boolean finalFastRecovery = fastRecovery;
        draft.finisher = (timing, connection) -> new HttpCheck(node.location(), timing, connection, tls,
                finalVersion, finalVirtualhost, finalSni, finalFastRecovery, urls);
        return linkLocalChecked(draft);
    }

    private HttpVersion httpProtocol(ConfigNode node, HttpVersion previous) {
        if (node.args().isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "Missing http_protocol version");
            return previous;
        }
        String word = node.args().get(0);
        return switch (word) {
            case "1.0" -> HttpVersion.HTTP_1_0;
            case "1.1" -> HttpVersion.HTTP_1_1;
            case "1.0C", "1.0c" -> HttpVersion.HTTP_1_0C;
            default -> {
                ctx.report(Severity.GENERAL_ERROR, node.location(), "Invalid http_protocol version " + word);
                yield previous;
            }
        };
    }

    private Optional<Url> url(ConfigNode node) {
        String path = null;
        String digest = null;
        TreeSet<Integer> statusCodes = new TreeSet<>();
        String virtualhost = null;
        String regex = null;
        List<String> regexOptions = new ArrayList<>();
        boolean regexNoMatch = false;
        long minOffset = 0;
        long maxOffset = 0;
        for (ConfigNode child : node.children()) {
            switch (child.keyword()) {
                case "path" -> path = ctx.word(child, 1);
                case "digest" -> digest = digest(child, digest);
                case "status_code" -> statusCodes(child, statusCodes);
                case "virtualhost" -> {
                    if (child.args().isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "Missing HTTP_GET virtualhost name");
                    } else {
                        virtualhost = child.args().get(0);
                    }
                }
                case "regex" -> {
                    // keepalived logs a malformed regex line without counting it as a config error
                    List<String> words = ScriptWords.split(child.text(), child.location(), ctx.diagnostics());
                    if (words.size() == 2) {
                        regex = words.get(1);
                    }
                }
                case "regex_no_match" -> regexNoMatch = true;
                case "regex_options" -> child.args().stream().filter(REGEX_OPTIONS::contains)
                        .forEach(regexOptions::add);
                case "regex_min_offset" -> minOffset = regexOffset(child);
                case "regex_max_offset" -> maxOffset = regexOffset(child) + 1;
                case "regex_stack" -> ctx.notActedOn("virtual_server real_server " + "url", child);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        if (path == null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "HTTP/SSL_GET checker url has no path - ignoring");
            return Optional.empty();
        }
        if (statusCodes.isEmpty()) {
            for (int code = 200; code <= 299; code++) {
                statusCodes.add(code);
            }
        }
        Optional<UrlRegex> urlRegex = Optional.empty();
        if (regex != null) {
            boolean offsetsValid = maxOffset == 0 || minOffset < maxOffset;
            urlRegex = Optional.of(new UrlRegex(regex, regexOptions, regexNoMatch, offsetsValid ? minOffset : 0,
                    offsetsValid ? maxOffset : 0));
        }
        return Optional.of(new Url(path, Optional.ofNullable(digest), ranges(statusCodes),
                Optional.ofNullable(virtualhost), urlRegex));
    }

    /** keepalived logs bad regex offsets (no config error) and uses 0. */
    private static long regexOffset(ConfigNode node) {
        if (node.args().size() != 1 || !node.args().get(0).matches("[0-9]{1,18}")) {
            return 0;
        }
        return Long.parseLong(node.args().get(0));
    }

    private String digest(ConfigNode node, String previous) {
        String word = ctx.word(node, 1);
        Location at = node.location();
        if (previous != null) {
            ctx.report(Severity.GENERAL_ERROR, at, "Digest '" + word + "' is a duplicate");
            return previous;
        }
        if (word.length() != MD5_HEX_LENGTH) {
            ctx.report(Severity.GENERAL_ERROR, at, "digest '" + word + "' character length should be "
                    + MD5_HEX_LENGTH + " rather than " + word.length());
            return null;
        }
        // keepalived reads the pairs from the last, cutting the string after the pair it reads
        for (int i = MD5_HEX_LENGTH / 2 - 1; i >= 0; i--) {
            if (!isHexPair(word.substring(2 * i, 2 * i + 2))) {
                ctx.report(Severity.GENERAL_ERROR, at, "Unable to interpret hex digit in '"
                        + word.substring(0, 2 * i + 2) + "' at offset " + 2 * i + "/" + (2 * i + 1));
                return null;
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    private static boolean isHexPair(String pair) {
        return pair.chars().allMatch(c -> c < 0x80 && Character.digit(c, 16) >= 0);
    }

    private void statusCodes(ConfigNode node, TreeSet<Integer> codes) {
        for (String word : node.args()) {
            int dash = word.indexOf('-', 1);
            String minText = dash < 0 ? word : word.substring(0, dash);
            String maxText = dash < 0 ? word : word.substring(dash + 1);
            int min = statusCode(minText);
            int max = statusCode(maxText);
            if (min < 0 || max < 0 || min > max) {
                ctx.report(Severity.GENERAL_ERROR, node.location(), "Invalid HTTP_GET status code '" + word + "'");
                continue;
            }
            for (int code = min; code <= max; code++) {
                codes.add(code);
            }
        }
    }

    private static int statusCode(String text) {
        if (!text.matches("[0-9]{1,3}")) {
            return -1;
        }
        int code = Integer.parseInt(text);
        return code >= 100 && code <= 599 ? code : -1;
    }

    private static List<StatusCodeRange> ranges(TreeSet<Integer> codes) {
        List<StatusCodeRange> ranges = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (int code : codes) {
            if (first >= 0 && code != last + 1) {
                ranges.add(new StatusCodeRange(first, last));
                first = -1;
            }
            if (first < 0) {
                first = code;
            }
            last = code;
        }
        if (first >= 0) {
            ranges.add(new StatusCodeRange(first, last));
        }
        return ranges;
    }

    private Optional<CheckerDraft> misc(RsDraft rs, ConfigNode node) {
        CheckerDraft draft = new CheckerDraft(node.location(), null);
        draft.defaultRetry = 0;
        CheckerDraft.MiscDraft misc = new CheckerDraft.MiscDraft();
        draft.misc = misc;
        boolean userSet = false;
        for (ConfigNode child : node.children()) {
            if (common(draft, null, child)) {
                continue;
            }
            switch (child.keyword()) {
                case "misc_path" -> misc.argv = Scripts.parseCommand(child, ctx);
                case "misc_timeout" -> unsigned(child, 0, MAX_MISC_TIMEOUT_SECS, "Invalid misc_timeout value '%s'")
                        .ifPresent(secs -> misc.timeoutMicros = secs * 1_000_000);
                case "misc_dynamic" -> misc.dynamic = true;
                case "user" -> {
                    if (child.args().isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(),
                                "No user specified for misc checker script " + ServerNames.commandString(misc.argv));
                        continue;
                    }
                    Optional<String> group = child.args().size() > 1 ? Optional.of(child.args().get(1))
                            : Optional.empty();
                    Optional<ScriptIdentity> runAs = Scripts.resolveUser(child.args().get(0), group, ctx.host());
                    if (runAs.isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "Failed to set uid/gid for misc checker "
                                + "script " + ServerNames.commandString(misc.argv) + " - removing");
                        return Optional.empty();
                    }
                    misc.runAs = runAs.get();
                    userSet = true;
                }
                default -> {
                    // reported by the tree parser
                }
            }
        }
        if (misc.argv.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "No script path has been specified for MISC_CHECKER - skipping");
            return Optional.empty();
        }
        if (!userSet) {
            Optional<ScriptIdentity> runAs = scriptUsers.defaultUser(node.location());
            if (runAs.isEmpty()) {
                ctx.report(Severity.GENERAL_ERROR, node.location(), "Unable to set default user for misc script "
                        + ServerNames.commandString(misc.argv) + " - removing");
                return Optional.empty();
            }
            misc.runAs = runAs.get();
        }
        ScriptSpec script = new ScriptSpec("misc_path", misc.argv, misc.runAs, node.location());
        misc.script = script;
        long timeoutMicros = misc.timeoutMicros;
        boolean dynamic = misc.dynamic;
        draft.finisher = (timing, connection) -> new MiscCheck(node.location(), timing, script, timeoutMicros,
                dynamic);
        return Optional.of(draft);
    }

    /**
     * keepalived's SMTP_CHECK: the block's own connection (defaulting to the real server) unless only
     * {@code host} blocks give connections, then one checker per {@code host}.
     */
    private void smtp(RsDraft rs, ConfigNode node) {
        CheckerDraft draft = new CheckerDraft(node.location(), new CheckerDraft.Connection(null, 0));
        String heloName = SmtpCheck.DEFAULT_HELO_NAME;
        List<CheckerDraft.Connection> hosts = new ArrayList<>();
        for (ConfigNode child : node.children()) {
            if (common(draft, draft.connection, child)) {
                continue;
            }
            switch (child.keyword()) {
                case "helo_name" -> {
                    if (child.args().isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "SMTP_CHECK helo name missing");
                    } else {
                        heloName = child.args().get(0);
                    }
                }
                case "host" -> smtpHost(rs, draft, child).ifPresent(hosts::add);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        CheckerDraft.Connection own = draft.connection;
        boolean ownConfigured = own.destination != null || own.destinationPort != 0 || own.bindTo != null
                || own.bindPort != 0 || own.bindInterface != null || own.fwmark != 0
                || own.connectTimeoutMicros != null;
        List<CheckerDraft.Connection> connections = new ArrayList<>();
        if (ownConfigured || hosts.isEmpty()) {
            if (own.destination == null) {
                own.destination = rs.endpoint.address();
            }
            if (own.destinationPort == 0) {
                own.destinationPort = rs.endpoint.port();
            }
            if (!linkLocalOk(own, node.location())) {
                return;
            }
            connections.add(own);
        }
        connections.addAll(hosts);
        String helo = heloName;
        for (CheckerDraft.Connection connection : connections) {
            CheckerDraft checker = draft.copyWith(connection);
            checker.finisher = (timing, options) -> new SmtpCheck(node.location(), timing, options, helo);
            rs.checkers.add(checker);
        }
    }

    private Optional<CheckerDraft.Connection> smtpHost(RsDraft rs, CheckerDraft draft, ConfigNode node) {
        CheckerDraft.Connection host = new CheckerDraft.Connection(rs.endpoint.address(), rs.endpoint.port());
        for (ConfigNode child : node.children()) {
            common(draft, host, child);
        }
        return linkLocalOk(host, node.location()) ? Optional.of(host) : Optional.empty();
    }

    private Optional<CheckerDraft> dns(RsDraft rs, ConfigNode node) {
        CheckerDraft draft = connected(rs, node);
        draft.defaultRetry = DNS_DEFAULT_RETRY;
        draft.defaultDelayBeforeRetryMicros = 0;
        String type = "SOA";
        String name = null;
        for (ConfigNode child : node.children()) {
            if (common(draft, draft.connection, child)) {
                continue;
            }
            switch (child.keyword()) {
                case "type" -> {
                    String word = ctx.word(child, 1);
                    String upper = word.toUpperCase(Locale.ROOT);
                    if (DNS_TYPES.contains(upper)) {
                        type = upper;
                    } else {
                        ctx.report(Severity.GENERAL_ERROR, child.location(),
                                "Unknown DNS check type " + word + " - ignoring");
                    }
                }
                case "name" -> name = dnsName(child, name);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        String finalType = type;
        String finalName = name != null ? name : "";
        draft.finisher = (timing, connection) -> new DnsCheck(node.location(), timing, connection, finalType,
                finalName);
        return linkLocalChecked(draft);
    }

    private String dnsName(ConfigNode node, String previous) {
        if (previous != null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "DNS_CHECK name already specified - ignoring");
            return previous;
        }
        String name = ctx.word(node, 1);
        boolean emptyLabel = (name.startsWith(".") && name.length() > 1) || name.contains("..");
        if (emptyLabel) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "DNS_CHECK name '" + name + "' has empty label - ignoring");
            return null;
        }
        return name;
    }

    private Optional<CheckerDraft> udp(RsDraft rs, ConfigNode node) {
        CheckerDraft draft = connected(rs, node);
        String payload = null;
        boolean requireReply = false;
        String reply = null;
        long minLength = 0;
        long maxLength = 255;
        for (ConfigNode child : node.children()) {
            if (common(draft, draft.connection, child)) {
                continue;
            }
            switch (child.keyword()) {
                case "payload" -> {
                    if (child.args().isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "UDP_CHECK payload requires a payload");
                        continue;
                    }
                    Optional<String> hex = HexString.read(String.join(" ", child.args()), false);
                    if (hex.isEmpty()) {
                        ctx.report(Severity.GENERAL_ERROR, child.location(),
                                "Invalid hex string for UDP_CHECK payload");
                    } else {
                        payload = hex.get();
                    }
                }
                case "require_reply" -> {
                    requireReply = true;
                    if (!child.args().isEmpty()) {
                        Optional<String> hex = HexString.read(String.join(" ", child.args()), true);
                        if (hex.isEmpty()) {
                            ctx.report(Severity.GENERAL_ERROR, child.location(),
                                    "Invalid hex string for UDP_CHECK reply");
                        } else {
                            reply = hex.get();
                        }
                    }
                }
                case "min_reply_length" -> minLength = unsigned(child, 0, 65535,
                        "UDP_CHECK min length %s not valid - must be between 0 & 65535", false).orElse(minLength);
                case "max_reply_length" -> maxLength = unsigned(child, 0, 65535,
                        "UDP_CHECK max length %s not valid - must be between 0 & 65535", false).orElse(maxLength);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        Optional<CheckerDraft> checked = linkLocalChecked(draft);
        if (checked.isPresent() && minLength > maxLength) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "UDP_CHECK min_reply length " + minLength
                    + " > max_reply_length " + maxLength + " - will always fail");
        }
        Optional<String> finalPayload = Optional.ofNullable(payload);
        Optional<String> finalReply = Optional.ofNullable(reply);
        boolean finalRequireReply = requireReply;
        int min = (int) minLength;
        int max = (int) maxLength;
        draft.finisher = (timing, connection) -> new UdpCheck(node.location(), timing, connection, finalPayload,
                finalRequireReply, finalReply, min, max);
        return checked;
    }

    private Optional<CheckerDraft> fileCheck(ConfigNode node) {
        String trackFile = null;
        OptionalInt weight = OptionalInt.empty();
        boolean reverse = false;
        for (ConfigNode child : node.children()) {
            switch (child.keyword()) {
                case "track_file" -> {
                    String name = ctx.word(child, 1);
                    if (trackFiles.contains(name)) {
                        trackFile = name;
                    } else {
                        ctx.report(Severity.GENERAL_ERROR, child.location(), "track_file " + name + " not found");
                    }
                }
                case "weight" -> {
                    Optional<FileWeight> parsed = fileWeight(child);
                    if (parsed.isPresent()) {
                        weight = OptionalInt.of(parsed.get().weight());
                        reverse = parsed.get().reverse();
                    }
                }
                default -> {
                    // reported by the tree parser
                }
            }
        }
        if (trackFile == null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "FILE_CHECK has no track_file specified - ignoring");
            return Optional.empty();
        }
        FileCheck check = new FileCheck(node.location(), trackFile, weight, reverse);
        CheckerDraft draft = new CheckerDraft(node.location(), null);
        draft.finisher = (timing, connection) -> check;
        return Optional.of(draft);
    }

    private record FileWeight(int weight, boolean reverse) {
    }

    private Optional<FileWeight> fileWeight(ConfigNode node) {
        Location at = node.location();
        if (node.args().isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at, "track file weight missing");
            return Optional.empty();
        }
        OptionalLong weight = Values.readInt(ctx, at, node.args().get(0), -CheckParser.WEIGHT_LIMIT,
                CheckParser.WEIGHT_LIMIT, true);
        if (weight.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, at, "weight for track file must be in [" + -CheckParser.WEIGHT_LIMIT
                    + ".." + CheckParser.WEIGHT_LIMIT + "] inclusive. Ignoring...");
            return Optional.empty();
        }
        boolean reverse = false;
        if (node.args().size() >= 2) {
            String option = node.args().get(1);
            if (option.equals("reverse") || option.equals("noreverse")) {
                reverse = option.equals("reverse");
            } else {
                ctx.report(Severity.GENERAL_ERROR, at, "unknown track file weight option " + option + " - ignoring");
                return Optional.empty();
            }
        }
        return Optional.of(new FileWeight((int) weight.getAsLong(), reverse));
    }

    private Optional<CheckerDraft> bfd(VsDraft vs, RsDraft rs, ConfigNode node) {
        CheckerDraft draft = new CheckerDraft(node.location(), null);
        String bfdName = null;
        String server = "(" + rs.format(vs) + ")";
        for (ConfigNode child : node.children()) {
            Location at = child.location();
            switch (child.keyword()) {
                case "name" -> {
                    String error = bfdNameError(child, rs, bfdName);
                    if (error != null) {
                        ctx.report(Severity.GENERAL_ERROR, at, server + " BFD_CHECK - " + error);
                        return Optional.empty();
                    }
                    bfdName = child.args().get(0);
                }
                case "alpha" -> Values.optionalBool(ctx, child, w -> "Invalid alpha parameter " + w)
                        .ifPresent(v -> draft.alpha = v);
                default -> {
                    // reported by the tree parser
                }
            }
        }
        if (bfdName == null) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    server + " No name has been specified for BFD_CHECKER - skipping");
            return Optional.empty();
        }
        rs.trackedBfds.add(bfdName);
        String name = bfdName;
        draft.finisher = (timing, connection) -> new BfdCheck(node.location(), name, timing.alpha());
        return Optional.of(draft);
    }

    private String bfdNameError(ConfigNode node, RsDraft rs, String previous) {
        if (node.args().size() != 1) {
            return "No or too many names specified - skipping checker";
        }
        String name = node.args().get(0);
        if (!bfdInstances.contains(name)) {
            return "BFD " + name + " not configured";
        }
        if (previous != null) {
            return "BFD " + name + " already specified as " + previous;
        }
        if (name.length() > BFD_NAME_MAX) {
            return "BFD name " + name + " too long";
        }
        if (rs.trackedBfds.contains(name)) {
            return "RS already monitoring " + name;
        }
        return null;
    }
}
