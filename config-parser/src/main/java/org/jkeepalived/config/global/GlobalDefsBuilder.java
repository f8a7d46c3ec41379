package org.jkeepalived.config.global;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUserSetting;
import org.jkeepalived.config.value.ScriptUsers;
import org.jkeepalived.config.value.Scripts;
import org.jkeepalived.config.value.Values;

/**
 * Builds {@link GlobalDefs} from the global_defs blocks and the process-wide root keywords, with keepalived 2.2.7's
 * handler messages (keepalived/core/global_parser.c).
 */
public final class GlobalDefsBuilder {
    /** Root keywords that configure the whole process, kept but not acted on yet. */
    private static final Set<String> PROCESS_ROOT_KEYWORDS = Set.of("net_namespace", "net_namespace_ipvs",
            "namespace_with_ipsets", "use_pid_dir", "instance", "child_wait_time", "linkbeat_use_polling");
    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final long TIMER_HZ = 1_000_000L;
    private static final String BLOCK = "global_defs";

    private GlobalDefsBuilder() {
    }

    public static GlobalDefs build(ConfigNode root, BuildContext ctx) {
        Draft draft = new Draft(ctx);
        for (ConfigNode node : root.children()) {
            if (node.keyword().equals(BLOCK)) {
                node.children().forEach(draft::apply);
            } else if (PROCESS_ROOT_KEYWORDS.contains(node.keyword())) {
                ctx.notActedOn("", node);
            }
        }
        return draft.finish();
    }

    /** The settings read so far, in file order, as keepalived's global_data fills in. */
    private static final class Draft {
        private final BuildContext ctx;
        private String routerId;
        private final List<String> emails = new ArrayList<>();
        private Optional<String> emailFrom = Optional.empty();
        private Optional<GlobalDefs.SmtpServer> smtpServer = Optional.empty();
        private Optional<String> smtpHelo = Optional.empty();
        private int smtpTimeoutSecs = GlobalDefs.DEFAULT_SMTP_CONNECT_TIMEOUT_SECS;
        private Optional<Boolean> smtpAlert = Optional.empty();
        private Optional<Boolean> smtpAlertVrrp = Optional.empty();
        private Optional<Boolean> smtpAlertChecker = Optional.empty();
        private boolean checkerLogAllFailures;
        private Optional<ScriptUserSetting> scriptUser = Optional.empty();
        private boolean scriptSecurity;
        private boolean dynamicInterfaces;
        private boolean allowIfChanges;
        private Optional<String> defaultInterface = Optional.empty();
        private int vrrpVersion = 2;
        private boolean vrrpStrict;
        private boolean skipCheckAdvAddr;
        private boolean checkUnicastSrc;
        private boolean lowerPrioNoAdvert;
        private boolean higherPrioSendAdvert;
        private OptionalLong garpLowerPrioDelaySecs = OptionalLong.empty();
        private OptionalLong garpLowerPrioRepeat = OptionalLong.empty();
        private String mcastGroup4 = "224.0.0.18";
        private String mcastGroup6 = "ff02::12";
        private int garpDelaySecs = GlobalDefs.GarpDefaults.KEEPALIVED.masterDelaySecs();
        private long garpRepeat = GlobalDefs.GarpDefaults.KEEPALIVED.masterRepeat();
        private long garpRefreshSecs = GlobalDefs.GarpDefaults.KEEPALIVED.masterRefreshSecs();
        private long garpRefreshRepeat = GlobalDefs.GarpDefaults.KEEPALIVED.masterRefreshRepeat();
        private long garpIntervalMicros;
        private long gnaIntervalMicros;
        private long startupDelayMicros;
        private boolean notifyPriorityChanges;
        private int downTimerAdverts = GlobalDefs.GarpDefaults.KEEPALIVED.downTimerAdverts();
        private final FifoDraft notifyFifo = new FifoDraft("");
        private final FifoDraft vrrpNotifyFifo = new FifoDraft("vrrp_");
        private final FifoDraft lvsNotifyFifo = new FifoDraft("lvs_");
        private ScriptUsers users;
        private Optional<GlobalDefs.LvsSyncDaemon> lvsSyncDaemon = Optional.empty();
        private boolean lvsFlush;
        private boolean noEmailFaults;
        private boolean noCheckerEmails;
        private GlobalDefs.LvsFlushOnStop lvsFlushOnStop = GlobalDefs.LvsFlushOnStop.NONE;
        /** {@code lvs_timeouts} tcp, tcpfin, udp. */
        private final long[] lvsTimeoutsSecs = new long[3];

        Draft(BuildContext ctx) {
            this.ctx = ctx;
            this.routerId = ctx.host().shortHostname();
        }

        void apply(ConfigNode node) {
            Location at = node.location();
            switch (node.keyword()) {
                case "router_id" -> routerId = requiredWord(node, "routerid name missing - ignoring").orElse(routerId);
                case "notification_email_from" ->
                        emailFrom = requiredWord(node, "emailfrom missing - ignoring").or(() -> emailFrom);
                case "notification_email" -> notificationEmail(node);
                case "smtp_server" -> smtpServer(node);
                case "smtp_helo_name" -> smtpHelo = node.args().isEmpty() ? smtpHelo : Optional.of(node.args().get(0));
                case "smtp_connect_timeout" -> smtpConnectTimeout(node);
                case "smtp_alert" -> smtpAlert =
                        optionalBool(node, "Invalid value '%s' for global smtp_alert specified")
                        .or(() -> smtpAlert);
                case "smtp_alert_vrrp" -> smtpAlertVrrp =
                        optionalBool(node, "Invalid value '%s' for global smtp_alert_vrrp specified")
                                .or(() -> smtpAlertVrrp);
                case "smtp_alert_checker" -> smtpAlertChecker =
                        optionalBool(node, "Invalid value '%s' for global smtp_alert_checker specified")
                                .or(() -> smtpAlertChecker);
                case "checker_log_all_failures" -> checkerLogAllFailures =
                        optionalBool(node, "Invalid value for checker_log_all_failures specified")
                                .orElse(checkerLogAllFailures);
                case "script_user" -> scriptUser(node);
                case "enable_script_security" -> scriptSecurity = true;
                case "dynamic_interfaces" -> dynamicInterfaces(node);
                case "default_interface" -> defaultInterface = Optional.of(ctx.word(node, 1));
                case "vrrp_version" -> Values.readInt(ctx, at, ctx.word(node, 1), 2, 3, true).ifPresentOrElse(
                        v -> vrrpVersion = (int) v,
                        () -> error(at, "VRRP Error: Version must be either 2 or 3"));
                case "vrrp_strict" -> vrrpStrict = true;
                case "vrrp_skip_check_adv_addr" -> skipCheckAdvAddr = true;
                case "vrrp_check_unicast_src" -> checkUnicastSrc = true;
                case "vrrp_lower_prio_no_advert" -> lowerPrioNoAdvert =
                        optionalBool(node, "Invalid value for vrrp_lower_prio_no_advert specified")
                                .orElse(lowerPrioNoAdvert);
                case "vrrp_higher_prio_send_advert" -> higherPrioSendAdvert =
                        optionalBool(node, "Invalid value for vrrp_higher_prio_send_advert specified")
                                .orElse(higherPrioSendAdvert);
                case "vrrp_garp_lower_prio_delay" -> unsigned(node, UINT_MAX / TIMER_HZ, 0,
                        "vrrp_garp_lower_prio_delay '%s' invalid - ignoring")
                        .ifPresent(v -> garpLowerPrioDelaySecs = OptionalLong.of(v));
                case "vrrp_garp_lower_prio_repeat" -> unsigned(node, Integer.MAX_VALUE, 0,
                        "Invalid vrrp_garp_lower_prio_repeat '%s'")
                        .ifPresent(v -> garpLowerPrioRepeat = OptionalLong.of(v));
                case "vrrp_mcast_group4" -> mcastGroup(node, false).ifPresent(g -> mcastGroup4 = g);
                case "vrrp_mcast_group6" -> mcastGroup(node, true).ifPresent(g -> mcastGroup6 = g);
                case "vrrp_garp_master_delay" -> unsigned(node, UINT_MAX / TIMER_HZ, 0,
                        "vrrp_garp_master_delay '%s' invalid - ignoring").ifPresent(v -> garpDelaySecs = (int) v);
                case "vrrp_garp_master_repeat" -> atLeastOne(node, "vrrp_garp_master_repeat")
                        .ifPresent(v -> garpRepeat = v);
                case "vrrp_garp_master_refresh" -> garpRefreshSecs = unsigned(node, UINT_MAX, 0,
                        "Invalid vrrp_garp_master_refresh '%s' - ignoring").orElse(0);
                case "vrrp_garp_master_refresh_repeat" -> atLeastOne(node, "vrrp_garp_master_refresh_repeat")
                        .ifPresent(v -> garpRefreshRepeat = v);
                case "vrrp_garp_interval" -> garpIntervalMicros = interval(node, "vrrp_garp_interval")
                        .orElse(garpIntervalMicros);
                case "vrrp_gna_interval" -> gnaIntervalMicros = interval(node, "vrrp_gna_interval")
                        .orElse(gnaIntervalMicros);
                case "vrrp_startup_delay" -> startupDelayMicros = interval(node, "vrrp_startup_delay",
                        TIMER_HZ / 1000).orElse(startupDelayMicros);
                case "vrrp_notify_priority_changes" -> notifyPriorityChanges = optionalBool(node,
                        "Invalid value '%s' for global vrrp_notify_priority_changes specified")
                        .orElse(notifyPriorityChanges);
                case "vrrp_down_timer_adverts" -> unsigned(node, 100, 1, "Invalid vrrp_down_timer_adverts [1:100] '%s'")
                        .ifPresent(v -> downTimerAdverts = (int) v);
                case "notify_fifo" -> notifyFifo.name(node);
                case "notify_fifo_script" -> notifyFifo.script(node);
                case "vrrp_notify_fifo" -> vrrpNotifyFifo.name(node);
                case "vrrp_notify_fifo_script" -> vrrpNotifyFifo.script(node);
                case "lvs_notify_fifo" -> lvsNotifyFifo.name(node);
                case "lvs_notify_fifo_script" -> lvsNotifyFifo.script(node);
                case "lvs_sync_daemon" -> lvsSyncDaemon = LvsSyncDaemonParser.parse(node, lvsSyncDaemon, ctx);
                case "lvs_flush" -> lvsFlush = true;
                case "lvs_flush_on_stop", "lvs_flush_onstop" -> lvsFlushOnStop(node);
                case "lvs_timeouts" -> lvsTimeouts(node);
                case "no_email_faults" -> noEmailFaults = true;
                case "no_checker_emails" -> noCheckerEmails =
                        optionalBool(node, "Invalid value '%s' for global no_checker_emails specified")
                                .orElse(noCheckerEmails);
                default -> ctx.notActedOn(BLOCK, node);
            }
        }

        /** keepalived's lvs_flush_on_stop_handler. */
        private void lvsFlushOnStop(ConfigNode node) {
            if (node.args().isEmpty()) {
                lvsFlushOnStop = GlobalDefs.LvsFlushOnStop.FULL;
            } else if (node.args().get(0).equals("VS")) {
                lvsFlushOnStop = GlobalDefs.LvsFlushOnStop.VIRTUAL_SERVERS;
            } else {
                error(node.location(), "Unknown lvs_flush_on_stop type " + node.args().get(0));
            }
        }

        /** keepalived's lvs_timeouts handler: {@code tcp N}, {@code tcpfin N}, {@code udp N} in any order. */
        private void lvsTimeouts(ConfigNode node) {
            List<String> args = node.args();
            if (args.size() < 2) {
                error(node.location(), "lvs_timeouts requires at least one option");
                return;
            }
            for (int index = 0; index < args.size(); index++) {
                String option = args.get(index);
                int slot = switch (option) {
                    case "tcp" -> 0;
                    case "tcpfin" -> 1;
                    case "udp" -> 2;
                    default -> -1;
                };
                if (slot < 0) {
                    error(node.location(), "Unknown option " + option + " specified for lvs_timeouts");
                } else if (index == args.size() - 1) {
                    error(node.location(), "No value specified for lvs_timeout " + option + " - ignoring");
                } else {
                    String value = args.get(++index);
                    Values.readUnsigned(ctx, node.location(), value, 0, GlobalDefs.LvsSettings.MAX_TIMEOUT_SECS,
                            false).ifPresentOrElse(secs -> lvsTimeoutsSecs[slot] = secs, () -> error(node.location(),
                                    "Invalid lvs_timeout " + option + " (" + value + ") - ignoring"));
                }
            }
        }

        GlobalDefs finish() {
            dropFifoConflicts();
            Optional<GlobalDefs.NotifyFifo> fifo = notifyFifo.build();
            Optional<GlobalDefs.NotifyFifo> vrrpFifo = vrrpNotifyFifo.build();
            Optional<GlobalDefs.NotifyFifo> lvsFifo = lvsNotifyFifo.build();
            GlobalDefs.GarpDefaults garp = new GlobalDefs.GarpDefaults(garpDelaySecs, garpRepeat, garpRefreshSecs,
                    garpRefreshRepeat, garpIntervalMicros, gnaIntervalMicros, downTimerAdverts, garpLowerPrioDelaySecs,
                    garpLowerPrioRepeat);
            return new GlobalDefs(routerId, emails, emailFrom, smtpServer, smtpHelo, smtpTimeoutSecs, smtpAlert,
                    smtpAlertVrrp, smtpAlertChecker, checkerLogAllFailures, scriptUser, scriptSecurity,
                    dynamicInterfaces, allowIfChanges, defaultInterface, vrrpVersion, vrrpStrict, skipCheckAdvAddr,
                    lowerPrioNoAdvert, higherPrioSendAdvert, checkUnicastSrc, mcastGroup4, mcastGroup6, garp, fifo,
                    vrrpFifo, lvsFifo, startupDelayMicros, notifyPriorityChanges,
                    new GlobalDefs.LvsSettings(lvsFlush, lvsFlushOnStop, lvsTimeoutsSecs[0], lvsTimeoutsSecs[1],
                            lvsTimeoutsSecs[2], lvsSyncDaemon), noEmailFaults, noCheckerEmails);
        }

        /**
         * keepalived decides the default script user at the first script that needs it, from the settings read so
         * far, and keeps that decision.
         */
        private ScriptUsers users() {
            if (users == null) {
                users = new ScriptUsers(ctx, scriptSecurity, scriptUser);
            }
            return users;
        }

        /** keepalived's init_global_data: one FIFO named twice would get every line twice. */
        private void dropFifoConflicts() {
            if (notifyFifo.sameName(vrrpNotifyFifo)) {
                ctx.report(Severity.OK, null, "notify FIFO " + vrrpNotifyFifo.name.get()
                        + " has been specified for global and vrrp FIFO - ignoring vrrp FIFO");
                vrrpNotifyFifo.clear();
            }
            if (notifyFifo.sameName(lvsNotifyFifo)) {
                ctx.report(Severity.OK, null, "notify FIFO " + lvsNotifyFifo.name.get()
                        + " has been specified for global and LVS FIFO - ignoring LVS FIFO");
                lvsNotifyFifo.clear();
            }
            if (lvsNotifyFifo.sameName(vrrpNotifyFifo) && lvsNotifyFifo.script.isPresent()
                    && vrrpNotifyFifo.script.isPresent()) {
                ctx.report(Severity.OK, null,
                        "LVS notify FIFO and vrrp FIFO are the same both with scripts - ignoring LVS FIFO script");
                lvsNotifyFifo.script = Optional.empty();
            }
        }

        /** One of the {@code [vrrp_|lvs_]notify_fifo[_script]} pairs as its handlers fill it in. */
        private final class FifoDraft {
            private final String type;
            private Optional<String> name = Optional.empty();
            private Optional<ScriptSpec> script = Optional.empty();

            FifoDraft(String type) {
                this.type = type;
            }

            void name(ConfigNode node) {
                List<String> args = node.args();
                if (args.isEmpty()) {
                    error(node.location(), "No " + type + "notify_fifo name specified");
                } else if (name.isPresent()) {
                    error(node.location(), type + "notify_fifo already specified - ignoring " + args.get(0));
                } else if (args.size() > 1 && Scripts.resolveUser(args.get(1), args.size() > 2
                        ? Optional.of(args.get(2)) : Optional.empty(), ctx.host()).isEmpty()) {
                    // keepalived 2.2.7 logs the name before it is set, so printf shows (null)
                    ctx.report(Severity.OK, node.location(), "Invalid user/group for " + type
                            + " fifo (null) - ignoring");
                } else if (args.size() == 1 && users().defaultUser(node.location()).isEmpty()) {
                    ctx.report(Severity.OK, node.location(), "Failed to set default user for " + type
                            + " fifo (null) - ignoring");
                } else {
                    name = Optional.of(args.get(0));
                }
            }

            void script(ConfigNode node) {
                if (node.args().isEmpty()) {
                    error(node.location(), "No " + type + "notify_fifo_script specified");
                } else if (script.isPresent()) {
                    error(node.location(), type + "notify_fifo_script already specified - ignoring "
                            + node.args().get(0));
                } else {
                    script = Scripts.parseNotify(node, type + "notify_fifo", users(), ctx);
                }
            }

            boolean sameName(FifoDraft other) {
                return name.isPresent() && name.equals(other.name);
            }

            void clear() {
                name = Optional.empty();
                script = Optional.empty();
            }

            Optional<GlobalDefs.NotifyFifo> build() {
                return name.map(path -> new GlobalDefs.NotifyFifo(path, script));
            }
        }

        private Optional<String> requiredWord(ConfigNode node, String missing) {
            if (node.args().isEmpty()) {
                error(node.location(), missing);
                return Optional.empty();
            }
            return Optional.of(String.join(" ", node.args()));
        }

        private void notificationEmail(ConfigNode node) {
            if (node.children().isEmpty()) {
                error(node.location(), "Warning - empty notification_email block");
                return;
            }
            for (ConfigNode item : node.children()) {
                emails.add(item.keyword());
                emails.addAll(item.args());
            }
        }

        private void smtpServer(ConfigNode node) {
            String host = ctx.word(node, 1);
            String portWord = node.args().size() >= 2 ? node.args().get(1) : "25";
            OptionalLong port = portWord.matches("\\d{1,5}") ? OptionalLong.of(Long.parseLong(portWord))
                    : OptionalLong.empty();
            boolean plausibleHost = IpAddresses.parse(host).isPresent() || host.matches("[A-Za-z0-9._-]+");
            if (port.isEmpty() || port.getAsLong() > 65535 || !plausibleHost) {
                error(node.location(), "Invalid smtp server " + host + " " + portWord);
                return;
            }
            smtpServer = Optional.of(new GlobalDefs.SmtpServer(host, (int) port.getAsLong()));
        }

        private void smtpConnectTimeout(ConfigNode node) {
            String word = ctx.word(node, 1);
            OptionalLong timeout = Values.readUnsigned(ctx, node.location(), word, 0, UINT_MAX / TIMER_HZ, true);
            if (timeout.isEmpty()) {
                error(node.location(), "smtp_connect_timeout '" + word + "' must be in [0, " + UINT_MAX / TIMER_HZ
                        + "] - ignoring");
                return;
            }
            if (timeout.getAsLong() == 0) {
                // keepalived 2.2.7 misspells the keyword in this message
                error(node.location(), "smtp_conect_timeout must be greater than 0, setting to 1");
            }
            smtpTimeoutSecs = (int) Math.max(1, timeout.getAsLong());
        }

        private Optional<Boolean> optionalBool(ConfigNode node, String invalidFormat) {
            return Values.optionalBool(ctx, node, word -> invalidFormat.replace("%s", word));
        }

        private void scriptUser(ConfigNode node) {
            if (node.args().isEmpty()) {
                error(node.location(), "No script username specified");
                return;
            }
            String user = node.args().get(0);
            Optional<String> group = node.args().size() > 1 ? Optional.of(node.args().get(1)) : Optional.empty();
            var resolved = Scripts.resolveUser(user, group, ctx.host());
            if (resolved.isEmpty()) {
                error(node.location(), "Error setting global script uid/gid");
            }
            scriptUser = Optional.of(new ScriptUserSetting(user, group, resolved, node.location()));
        }

        private void dynamicInterfaces(ConfigNode node) {
            dynamicInterfaces = true;
            if (!node.args().isEmpty()) {
                if (node.args().get(0).equals("allow_if_changes")) {
                    allowIfChanges = true;
                } else {
                    error(node.location(), "Unknown dynamic_interfaces option '" + node.args().get(0) + "'");
                }
            }
        }

        private Optional<String> mcastGroup(ConfigNode node, boolean ipv6) {
            String word = ctx.word(node, 1);
            String keyword = node.keyword();
            var address = IpAddresses.parse(word);
            String problem = address.isEmpty() ? "Can't parse " + keyword + " [" + word + "]. Skipping"
                    : IpAddresses.isIpv6(address.get()) != ipv6
                            ? keyword + " [" + word + "] is not IPv" + (ipv6 ? "6" : "4") + ". Skipping"
                            : !address.get().isMulticastAddress()
                                    ? keyword + " [" + word + "] is not multicast. Skipping"
                            : null;
            if (problem != null) {
                error(node.location(), problem);
                return Optional.empty();
            }
            if (ipv6 && !address.get().isMCLinkLocal()) {
                ctx.report(Severity.WARNING, node.location(),
                        keyword + " [" + word + "] should be link-local multicast.");
            }
            return Optional.of(word);
        }

        private OptionalLong unsigned(ConfigNode node, long max, long min, String invalidFormat) {
            return Values.unsignedParameter(ctx, node, min, max, true, word -> invalidFormat.replace("%s", word));
        }

        /** The garp repeat counts: 0 is accepted for compatibility and raised to 1, as keepalived does. */
        private OptionalLong atLeastOne(ConfigNode node, String keyword) {
            OptionalLong value = unsigned(node, UINT_MAX, 0, keyword + " '%s' invalid - ignoring");
            if (value.isPresent() && value.getAsLong() == 0) {
                error(node.location(), keyword + " must be greater than 0, setting to 1");
                return OptionalLong.of(1);
            }
            return value;
        }

        private OptionalLong interval(ConfigNode node, String keyword) {
            return interval(node, keyword, 1);
        }

        private OptionalLong interval(ConfigNode node, String keyword, long minMicros) {
            String word = ctx.word(node, 1);
            OptionalLong micros = Values.readDecimalUnsigned(ctx, node.location(), word, minMicros, UINT_MAX,
                    Values.TIMER_DIGITS, true);
            if (micros.isEmpty()) {
                error(node.location(), keyword + " '" + word + "' is invalid");
            }
            return micros;
        }

        private void error(Location at, String message) {
            ctx.report(Severity.GENERAL_ERROR, at, message);
        }
    }
}
