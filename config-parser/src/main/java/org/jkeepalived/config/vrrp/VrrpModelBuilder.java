package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.Subsystem;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.ScriptCheck;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.config.value.ScriptUsers;
import org.jkeepalived.config.value.Scripts;
import org.jkeepalived.config.value.Values;

/**
 * Builds and validates {@link VrrpConfig} as keepalived 2.2.7's vrrp process does under {@code -t}: the keyword
 * handlers in file order (keepalived/vrrp/vrrp_parser.c, vrrp_track.c, vrrp_ipaddress.c, vrrp_data.c), then
 * {@code start_vrrp}'s checks: missing interfaces, script security ({@code check_vrrp_script_security}) and
 * {@code vrrp_complete_init}.
 */
public final class VrrpModelBuilder {
    private static final long TIMER_HZ = 1_000_000L;
    private static final long CENTI_HZ = TIMER_HZ / 100;
    private static final long UINT_MAX = 0xFFFF_FFFFL;
    private static final int RULE_START_PRIORITY = 16384;
    private static final Set<String> ROUTE_KEYWORDS_WITH_VALUE = Set.of("src", "as", "from", "tos", "dsfield",
            "table", "protocol", "scope", "metric", "priority", "preference", "mtu", "hoplimit", "advmss", "rtt",
            "rttvar", "reordering", "window", "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd",
            "features", "congctl", "pref", "expires", "encap", "fastopen_no_cookie", "track_group", "vrf");
    private static final Set<String> ROUTE_FLAGS = Set.of("inet", "inet6", "onlink", "quickack", "add", "prepend",
            "append", "low", "medium", "high", "enabled", "disabled");
    private static final Set<String> ROUTE_TYPES = Set.of("unicast", "local", "broadcast", "multicast", "throw",
            "unreachable", "prohibit", "blackhole", "nat", "anycast");
    private static final Set<String> ROUTE_SPECIALS = Set.of("default", "any", "all", "default6");
    private static final Set<String> RULE_PRIORITY_KEYWORDS = Set.of("preference", "order", "priority");
    private static final Set<String> NOTIFY_KEYWORDS = Set.of("notify", "notify_master", "notify_backup",
            "notify_fault", "notify_stop", "notify_deleted", "notify_master_rx_lower_pri");

    private final GlobalDefs global;
    private final BuildContext ctx;
    /** {@code lvs_sync_daemon}, which a deprecated {@code lvs_sync_daemon_interface} may set, as VRRP leaves it. */
    private Optional<GlobalDefs.LvsSyncDaemon> syncDaemon;
    private final ScriptUsers users;
    private final TrackerParser trackers;
    private final Map<String, VrrpScript> scripts = new LinkedHashMap<>();
    private final Map<String, InstanceDraft> instances = new LinkedHashMap<>();
    private final Map<String, SyncGroup> syncGroups = new LinkedHashMap<>();
    private final Map<String, Location> syncGroupLocations = new LinkedHashMap<>();
    private final List<VirtualAddress> staticAddresses = new ArrayList<>();
    private final List<IpRoute> staticRoutes = new ArrayList<>();
    private final List<IpRule> staticRules = new ArrayList<>();
    private final IpLines ipLines;
    private boolean nonExistentInterface;
    /** keepalived numbers rules without a preference downwards from RULE_START_PRIORITY, per family. */
    private int nextRulePriorityIpv4 = RULE_START_PRIORITY;
    private int nextRulePriorityIpv6 = RULE_START_PRIORITY;

    private VrrpModelBuilder(ConfigNode root, GlobalDefs global, BuildContext ctx) {
        this.global = global;
        this.ctx = ctx;
        this.syncDaemon = global.lvs().syncDaemon();
        this.users = new ScriptUsers(ctx, global.enableScriptSecurity(), global.scriptUser());
        this.ipLines = new IpLines(ctx, root, this::interfaceUsable, global.defaultInterface().orElse("eth0"));
        this.trackers = new TrackerParser(ctx, global.dynamicInterfaces(), this::interfaceUsable);
    }

    public static VrrpConfig build(ConfigNode root, GlobalDefs global, BuildContext ctx) {
        return buildWithGlobals(root, global, ctx).vrrp();
    }

    /**
     * The VRRP model, and global_defs as keepalived's VRRP side leaves them: {@code lvs_sync_daemon} possibly set by
     * a vrrp_instance's deprecated {@code lvs_sync_daemon_interface}, its instance looked up (cleared when missing)
     * and its sync id defaulted to that instance's VRID.
     */
    public static Built buildWithGlobals(ConfigNode root, GlobalDefs global, BuildContext ctx) {
        VrrpModelBuilder builder = new VrrpModelBuilder(root, global, ctx);
        root.children().forEach(builder::parseRoot);
        VrrpConfig vrrp = builder.validate();
        return new Built(global.withLvs(global.lvs().withSyncDaemon(builder.syncDaemon)), vrrp);
    }

    /** What {@link #buildWithGlobals} gives. */
    public record Built(GlobalDefs global, VrrpConfig vrrp) {
    }

    private void parseRoot(ConfigNode node) {
        switch (node.keyword()) {
            case "vrrp_script" -> parseScript(node);
            case "vrrp_instance" -> parseInstance(node);
            case "vrrp_sync_group" -> parseSyncGroup(node);
            case "static_ipaddress" -> staticAddresses.addAll(ipLines.staticAddresses(node));
            case "static_routes" -> staticRoutes.addAll(ipLines.staticRoutes(node));
            case "static_rules" -> staticRules.addAll(ipLines.staticRules(node));
            default -> trackers.parseRoot(node);
        }
    }

    // ---- vrrp_script ----

    private void parseScript(ConfigNode node) {
        String name = ctx.word(node, 1);
        List<String> argv = List.of();
        long intervalMicros = TIMER_HZ;
        long timeoutMicros = 0;
        int weight = 0;
        boolean reverse = false;
        long rise = 1;
        long fall = 1;
        boolean initFail = false;
        Optional<ScriptIdentity> runAs = Optional.empty();
        boolean userFailed = false;
        for (ConfigNode item : node.children()) {
            Location at = item.location();
            switch (item.keyword()) {
                case "script" -> argv = Scripts.parseCommand(item, ctx);
                case "interval" -> intervalMicros = scriptSeconds(item, name,
                        "(" + name + "): vrrp script interval '%s' must be between 1 and " + UINT_MAX / TIMER_HZ
                                + " - ignoring", "interval").orElse(intervalMicros);
                case "timeout" -> timeoutMicros = scriptSeconds(item, name,
                        "(" + name + "): vrrp script timeout '%s' invalid - ignoring", "timeout")
                        .orElse(timeoutMicros);
                case "weight" -> {
                    String word = ctx.word(item, 1);
                    OptionalLong value = Values.readInt(ctx, at, word, -253, 253, true);
                    if (value.isEmpty()) {
                        error(at, "vrrp_script " + name + " weight " + word + " must be in [-253, 253]");
                    }
                    weight = (int) value.orElse(0);
                    if (item.args().size() >= 2) {
                        reverse = item.args().get(1).equals("reverse");
                        if (!reverse) {
                            error(at, "vrrp_script " + name + " unknown weight option " + item.args().get(1));
                        }
                    }
                }
                case "rise" -> rise = riseFall(item, name, "rise");
                case "fall" -> fall = riseFall(item, name, "fall");
                case "user" -> {
                    Optional<String> group = item.args().size() > 1 ? Optional.of(item.args().get(1))
                            : Optional.empty();
                    runAs = Scripts.resolveUser(ctx.word(item, 1), group, ctx.host());
                    userFailed = runAs.isEmpty();
                    if (userFailed) {
                        error(at, "Unable to set uid/gid for script " + String.join(" ", argv));
                    }
                }
                case "init_fail" -> initFail = true;
                default -> ctx.notActedOn("vrrp_script " + name, item);
            }
        }
        // keepalived reports the end of the block at its closing brace; the tree keeps the opening line only
        Location at = node.location();
        if (argv.isEmpty()) {
            error(at, "No script set for vrrp_script " + name + " - removing");
            return;
        }
        if (userFailed) {
            return;
        }
        if (runAs.isEmpty()) {
            runAs = users.defaultUser(at);
            if (runAs.isEmpty()) {
                error(at, "Unable to set default user for vrrp script " + name + " - removing");
                return;
            }
        }
        ScriptSpec spec = new ScriptSpec("script", argv, runAs.get(), at);
        scripts.put(name, new VrrpScript(name, spec, intervalMicros, timeoutMicros, weight, reverse, rise, fall,
                initFail));
    }

    /** vrrp_script interval and timeout: whole seconds, 0 accepted for compatibility and raised to 1. */
    private OptionalLong scriptSeconds(ConfigNode item, String name, String invalidFormat, String what) {
        String word = ctx.word(item, 1);
        OptionalLong secs = Values.readUnsigned(ctx, item.location(), word, 0, UINT_MAX / TIMER_HZ, true);
        if (secs.isEmpty()) {
            error(item.location(), String.format(invalidFormat, word));
            return secs;
        }
        if (secs.getAsLong() == 0) {
            error(item.location(), "(" + name + "): vrrp script " + what + " must be greater than 0, setting to 1");
            return OptionalLong.of(TIMER_HZ);
        }
        return OptionalLong.of(secs.getAsLong() * TIMER_HZ);
    }

    private long riseFall(ConfigNode item, String name, String what) {
        String word = ctx.word(item, 1);
        OptionalLong value = Values.readUnsigned(ctx, item.location(), word, 1, Integer.MAX_VALUE, true);
        if (value.isEmpty()) {
            error(item.location(), "(" + name + "): vrrp script " + what + " value '" + word
                    + "' invalid, defaulting to 1");
        }
        return value.orElse(1);
    }

    // ---- vrrp_instance ----

    /** An instance as its handlers fill it in, before {@code vrrp_complete_instance}. */
    private static final class InstanceDraft {
        final String name;
        final Location location;
        Optional<String> interfaceName = Optional.empty();
        boolean interfaceExists;
        Optional<VrrpInstance.State> state = Optional.empty();
        int vrid;
        int priority;
        long advertMicros;
        int version;
        boolean nopreempt;
        long preemptDelayMicros;
        Optional<VrrpInstance.AuthType> authType = Optional.empty();
        String authPass = "";
        int family;
        final List<VirtualAddress> vips = new ArrayList<>();
        final List<VirtualAddress> evips = new ArrayList<>();
        final List<IpRoute> routes = new ArrayList<>();
        final List<IpRule> rules = new ArrayList<>();
        final List<Tracked> trackInterfaces = new ArrayList<>();
        final List<Tracked> trackScripts = new ArrayList<>();
        final List<Tracked> trackFiles = new ArrayList<>();
        final List<Tracked> trackProcesses = new ArrayList<>();
        final List<Tracked> trackBfds = new ArrayList<>();
        final List<UnicastPeer> peers = new ArrayList<>();
        Optional<String> unicastSrc = Optional.empty();
        Optional<String> mcastSrc = Optional.empty();
        boolean unicastConfigured;
        boolean useVmac;
        boolean vmacXmitBase;
        boolean dontTrackPrimary;
        Optional<Boolean> notifyPriorityChanges = Optional.empty();
        Optional<Boolean> smtpAlert = Optional.empty();
        boolean notifyDeleted;
        OptionalInt unicastTtl = OptionalInt.empty();
        Optional<String> vmacName = Optional.empty();
        Optional<String> vmacMac = Optional.empty();
        Optional<Boolean> accept = Optional.empty();
        long garpDelaySecs;
        long garpRepeat;
        long garpRefreshSecs;
        long garpRefreshRepeat;
        OptionalLong garpLowerPrioDelaySecs = OptionalLong.empty();
        OptionalLong garpLowerPrioRepeat = OptionalLong.empty();
        int downTimerAdverts;
        Optional<Boolean> lowerPrioNoAdvert = Optional.empty();
        Optional<Boolean> higherPrioSendAdvert = Optional.empty();
        boolean skipCheckAdvAddr;
        int debugLevel;
        Optional<Boolean> strictMode = Optional.empty();
        final Map<String, ScriptSpec> notify = new LinkedHashMap<>();

        InstanceDraft(String name, Location location) {
            this.name = name;
            this.location = location;
        }
    }

    private void parseInstance(ConfigNode node) {
        if (node.args().size() != 1) {
            error(node.location(), "vrrp_instance must have a name");
            return;
        }
        String name = node.args().get(0);
        if (instances.containsKey(name)) {
            error(node.location(), "vrrp instance " + name + " already defined");
            return;
        }
        InstanceDraft vrrp = new InstanceDraft(name, node.location());
        GlobalDefs.GarpDefaults garp = global.garp();
        vrrp.garpDelaySecs = garp.masterDelaySecs();
        vrrp.garpRepeat = garp.masterRepeat();
        vrrp.garpRefreshSecs = garp.masterRefreshSecs();
        vrrp.garpRefreshRepeat = garp.masterRefreshRepeat();
        vrrp.downTimerAdverts = garp.downTimerAdverts();
        vrrp.skipCheckAdvAddr = global.vrrpSkipCheckAdvAddr();
        instances.put(name, vrrp);
        for (ConfigNode item : node.children()) {
            instanceKeyword(vrrp, item);
        }
        if (vrrp.unicastConfigured && vrrp.useVmac) {
            if (vrrp.interfaceName.isEmpty()) {
                error(node.location(), "(" + name + "): Cannot use VMAC/ipvlan with unicast and no interface"
                        + " - clearing use_vmac");
                vrrp.useVmac = false;
            } else if (!vrrp.vmacXmitBase) {
                error(node.location(), "(" + name + ") unicast with use_vmac requires vmac_xmit_base - setting");
                vrrp.vmacXmitBase = true;
            }
        }
        if (vrrp.peers.isEmpty() && vrrp.unicastTtl.isPresent()) {
            error(node.location(), "(" + name + "): Cannot use unicast_ttl without unicast peers - resetting");
            vrrp.unicastTtl = OptionalInt.empty();
        }
    }

    private void instanceKeyword(InstanceDraft vrrp, ConfigNode item) {
        String iname = vrrp.name;
        Location at = item.location();
        String keyword = item.keyword();
        if (keyword.equals("notify_deleted")) {
            vrrp.notifyDeleted = true;
            if (item.args().isEmpty()) {
                return;
            }
        }
        if (NOTIFY_KEYWORDS.contains(keyword)) {
            Scripts.parseNotify(item, keyword, users, ctx).ifPresent(s -> vrrp.notify.put(keyword, s));
            return;
        }
        switch (keyword) {
            case "interface" -> {
                String ifname = ctx.word(item, 1);
                if (ifname.length() >= 16) {
                    error(at, "Interface name '" + ifname + "' too long - ignoring");
                    return;
                }
                vrrp.interfaceName = Optional.of(ifname);
                vrrp.interfaceExists = interfaceUsable(ifname);
                if (!vrrp.interfaceExists) {
                    error(at, "WARNING - interface " + ifname + " for vrrp_instance " + iname + " doesn't exist");
                }
            }
            case "state" -> {
                String state = ctx.word(item, 1);
                switch (state) {
                    case "MASTER" -> vrrp.state = Optional.of(VrrpInstance.State.MASTER);
                    case "BACKUP" -> {
                        if (vrrp.state.equals(Optional.of(VrrpInstance.State.MASTER))) {
                            error(at, "(" + iname + ") state previously set as MASTER - ignoring BACKUP");
                        } else {
                            vrrp.state = Optional.of(VrrpInstance.State.BACKUP);
                        }
                    }
                    default -> {
                        error(at, "(" + iname + ") unknown state '" + state + "', defaulting to BACKUP");
                        vrrp.state = Optional.of(VrrpInstance.State.BACKUP);
                    }
                }
            }
            case "virtual_router_id" -> {
                String word = ctx.word(item, 1);
                Values.readUnsigned(ctx, at, word, 1, 255, false).ifPresentOrElse(v -> vrrp.vrid = (int) v,
                        () -> error(at, "(" + iname + "): VRID '" + word + "' not valid - must be between 1 & 255"));
            }
            case "priority" -> Values.readUnsigned(ctx, at, ctx.word(item, 1), 1, 255, false).ifPresentOrElse(
                    v -> vrrp.priority = (int) v, () -> {
                        error(at, "(" + iname + ") Priority not valid! must be between 1 & 255. Using default 100");
                        vrrp.priority = VrrpInstance.PRIORITY_DEFAULT;
                    });
            case "advert_int" -> {
                String word = ctx.word(item, 1);
                OptionalLong micros = Values.readDecimalUnsigned(ctx, at, word, TIMER_HZ / 100, 255 * TIMER_HZ,
                        Values.TIMER_DIGITS, true);
                if (micros.isEmpty() || micros.getAsLong() <= 0) {
                    error(at, "(" + iname + ") Advert interval (" + word + ") not valid! Must be > 0 - ignoring");
                } else {
                    vrrp.advertMicros = micros.getAsLong();
                }
            }
            case "version" -> Values.readInt(ctx, at, ctx.word(item, 1), 2, 3, true).ifPresentOrElse(
                    v -> vrrp.version = (int) v,
                    () -> error(at, "(" + iname + "): Version must be either 2 or 3"));
            case "nopreempt" -> vrrp.nopreempt = true;
            case "preempt" -> vrrp.nopreempt = false;
            case "preempt_delay" -> {
                OptionalLong delay = Values.readDecimalUnsigned(ctx, at, ctx.word(item, 1), 0,
                        TIMER_MAX_SECS * TIMER_HZ, Values.TIMER_DIGITS, true);
                if (delay.isEmpty()) {
                    error(at, "(" + iname + ") Preempt_delay not valid! must be between 0-" + TIMER_MAX_SECS);
                }
                vrrp.preemptDelayMicros = delay.orElse(0);
            }
            case "authentication" -> item.children().forEach(child -> authentication(vrrp, child));
            case "virtual_ipaddress" -> item.children().forEach(line -> instanceAddress(vrrp, line, vrrp.vips));
            case "virtual_ipaddress_excluded" ->
                    item.children().forEach(line -> instanceAddress(vrrp, line, vrrp.evips));
            case "virtual_routes" -> vrrp.routes.addAll(ipLines.virtualRoutes(item));
            case "virtual_rules" -> vrrp.rules.addAll(ipLines.virtualRules(item));
            case "track_interface" -> item.children().forEach(line -> trackInterface(iname, line,
                    vrrp.trackInterfaces));
            case "track_script" -> item.children().forEach(line -> trackScript(iname, line, vrrp.trackScripts));
            case "track_file" -> trackAll(TrackerParser.Kind.FILE, iname, item, vrrp.trackFiles);
            case "track_process" -> trackAll(TrackerParser.Kind.PROCESS, iname, item, vrrp.trackProcesses);
            case "track_bfd" -> trackAll(TrackerParser.Kind.BFD, iname, item, vrrp.trackBfds);
            case "unicast_peer" -> {
                vrrp.unicastConfigured = true;
                item.children().forEach(line -> unicastPeer(vrrp, line));
            }
            case "unicast_src_ip" -> {
                vrrp.unicastConfigured = true;
                sourceIp(vrrp, item).ifPresent(ip -> vrrp.unicastSrc = Optional.of(ip));
            }
            case "mcast_src_ip" -> sourceIp(vrrp, item).ifPresent(ip -> vrrp.mcastSrc = Optional.of(ip));
            case "unicast_ttl" -> {
                String word = ctx.word(item, 1);
                OptionalLong ttl = Values.readUnsigned(ctx, at, word, 0, 255, false);
                if (ttl.isEmpty()) {
                    error(at, "(" + iname + "): TTL '" + word + "' not valid - must be between 0 & 255");
                } else {
                    vrrp.unicastTtl = OptionalInt.of((int) ttl.getAsLong());
                }
            }
            case "unicast_fault_no_peer", "check_unicast_src" -> {
                vrrp.unicastConfigured = true;
                ctx.notActedOn("vrrp_instance " + iname, item);
            }
            case "dont_track_primary" -> vrrp.dontTrackPrimary = true;
            case "notify_priority_changes" -> Values.optionalBool(ctx, item,
                    word -> "(" + iname + ") Invalid value '" + word + "' for notify_priority_changes specified")
                    .ifPresent(value -> vrrp.notifyPriorityChanges = Optional.of(value));
            case "smtp_alert" -> Values.optionalBool(ctx, item,
                    word -> "Invalid vrrp_instance smtp_alert parameter " + word)
                    .ifPresent(value -> vrrp.smtpAlert = Optional.of(value));
            case "use_vmac" -> useVmac(vrrp, item);
            case "vmac_xmit_base" -> vrrp.vmacXmitBase = true;
            case "accept" -> vrrp.accept = Optional.of(true);
            case "no_accept" -> vrrp.accept = Optional.of(false);
            case "garp_master_delay" -> instanceUnsigned(item, 0, UINT_MAX / TIMER_HZ,
                    "(" + iname + "): garp_master_delay '%s' invalid - ignoring")
                    .ifPresent(v -> vrrp.garpDelaySecs = v);
            case "garp_master_refresh" -> vrrp.garpRefreshSecs = instanceUnsigned(item, 0, UINT_MAX,
                    "(" + iname + "): Invalid garp_master_refresh '%s' - ignoring").orElse(0);
            case "garp_master_repeat" -> garpRepeat(iname, item).ifPresent(v -> vrrp.garpRepeat = v);
            case "garp_master_refresh_repeat" -> garpRepeat(iname, item).ifPresent(v -> vrrp.garpRefreshRepeat = v);
            case "garp_lower_prio_delay" -> vrrp.garpLowerPrioDelaySecs = orKeep(instanceUnsigned(item, 0,
                    UINT_MAX / TIMER_HZ, "(" + iname + "): garp_lower_prio_delay '%s' invalid - ignoring"),
                    vrrp.garpLowerPrioDelaySecs);
            case "garp_lower_prio_repeat" -> vrrp.garpLowerPrioRepeat = orKeep(instanceUnsigned(item, 0,
                    Integer.MAX_VALUE, "(" + iname + "): Invalid garp_lower_prio_repeat '%s'"),
                    vrrp.garpLowerPrioRepeat);
            case "down_timer_adverts" -> instanceUnsigned(item, 1, 100,
                    "(" + iname + "): Invalid down_timer_adverts [1:100] '%s'")
                    .ifPresent(v -> vrrp.downTimerAdverts = (int) v);
            case "lower_prio_no_advert" -> instanceBool(iname, item).ifPresent(v -> vrrp.lowerPrioNoAdvert =
                    Optional.of(v));
            case "higher_prio_send_advert" -> instanceBool(iname, item).ifPresent(v -> vrrp.higherPrioSendAdvert =
                    Optional.of(v));
            case "skip_check_adv_addr" -> {
                // keepalived 2.2.7 sets the flag for any valid value, "false" included
                if (item.args().isEmpty() || Values.checkTrueFalse(item.args().get(0)) >= 0) {
                    vrrp.skipCheckAdvAddr = true;
                } else {
                    error(at, "(" + iname + ") invalid skip_check_adv_addr " + item.args().get(0) + " specified");
                }
            }
            case "debug" -> instanceUnsigned(item, 0, 4,
                    "(" + iname + ") Debug value '%s' not valid; must be between 0-4")
                    .ifPresent(v -> vrrp.debugLevel = (int) v);
            case "strict_mode" -> {
                int value = item.args().isEmpty() ? 1 : Values.checkTrueFalse(item.args().get(0));
                if (value < 0) {
                    error(at, "(" + iname + ") invalid strict_mode " + item.args().get(0) + " specified");
                } else {
                    vrrp.strictMode = Optional.of(value == 1);
                }
            }
            case "native_ipv6" -> {
                if (vrrp.family == 4) {
                    error(at, "(" + iname + ") Cannot specify native_ipv6 with IPv4 addresses");
                } else {
                    vrrp.family = 6;
                    vrrp.version = 3;
                }
            }
            case "lvs_sync_daemon_interface" -> deprecatedSyncDaemon(iname, item);
            default -> ctx.notActedOn("vrrp_instance " + iname, item);
        }
    }

    /**
     * keepalived's {@code vrrp_lvs_syncd_handler}: the global sync daemon set on this interface, following this
     * instance. As keepalived 2.2.7 then knows the instance but not its name, its sync id is 0, not the VRID, and its
     * checker process, which does not read vrrp_instance keywords, leaves the daemons to VRRP.
     */
    private void deprecatedSyncDaemon(String iname, ConfigNode item) {
        Location at = item.location();
        error(at, "(" + iname + ") Specifying lvs_sync_daemon_interface against a vrrp is deprecated.");
        // keepalived pads with "%*s" of width strlen(iname) - 2: a negative width pads all the same
        error(at, "      " + " ".repeat(Math.abs(iname.length() - 2)) + "Please use global lvs_sync_daemon");
        if (syncDaemon.isPresent()) {
            error(at, "(" + iname + ") lvs_sync_daemon_interface has already been specified as "
                    + syncDaemon.get().interfaceName() + " - ignoring");
            return;
        }
        syncDaemon = Optional.of(new GlobalDefs.LvsSyncDaemon(ctx.word(item, 1), Optional.of(iname),
                OptionalInt.of(0), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
    }

    /**
     * {@code vrrp_complete_init} after its {@code -t} checks: the sync daemon's instance looked up by name; when
     * missing, keepalived logs it and clears the setting. Without instances keepalived runs no VRRP process to look,
     * and its checkers leave a sync daemon with an instance alone all the same.
     */
    private void resolveSyncDaemonInstance() {
        Optional<String> name = syncDaemon.flatMap(GlobalDefs.LvsSyncDaemon::vrrpInstance);
        if (name.isEmpty() || instances.isEmpty()) {
            return;
        }
        InstanceDraft instance = instances.get(name.get());
        if (instance == null) {
            if (!ctx.configTest()) {
                error(null, "Unable to find vrrp instance " + name.get()
                        + " for lvs_syncd - clearing lvs_syncd config");
            }
            syncDaemon = Optional.empty();
        } else if (syncDaemon.get().syncId().isEmpty()) {
            syncDaemon = Optional.of(syncDaemon.get().withSyncId(instance.vrid));
        }
    }

    private OptionalLong instanceUnsigned(ConfigNode item, long min, long max, String invalidFormat) {
        return Values.unsignedParameter(ctx, item, min, max, true, word -> invalidFormat.replace("%s", word));
    }

    private static OptionalLong orKeep(OptionalLong value, OptionalLong previous) {
        return value.isPresent() ? value : previous;
    }

    /** garp_master_repeat and garp_master_refresh_repeat: 0 is accepted for compatibility and raised to 1. */
    private OptionalLong garpRepeat(String iname, ConfigNode item) {
        String keyword = item.keyword();
        OptionalLong value = instanceUnsigned(item, 0, UINT_MAX, "(" + iname + "): " + keyword + " '%s' invalid"
                + " - ignoring");
        if (value.isPresent() && value.getAsLong() == 0) {
            error(item.location(), "(" + iname + "): " + keyword + " must be greater than 0, setting to 1");
            return OptionalLong.of(1);
        }
        return value;
    }

    /** An instance flag that defaults to true without a value. */
    private Optional<Boolean> instanceBool(String iname, ConfigNode item) {
        return Values.optionalBool(ctx, item,
                word -> "(" + iname + ") invalid " + item.keyword() + " " + word + " specified");
    }

    /** {@code use_vmac [NAME] [MAC]}: words with a colon are the MAC address. */
    private void useVmac(InstanceDraft vrrp, ConfigNode item) {
        vrrp.useVmac = true;
        Location at = item.location();
        for (String word : item.args().subList(0, Math.min(2, item.args().size()))) {
            if (word.indexOf(':') >= 0) {
                if (vrrp.vmacMac.isPresent()) {
                    error(at, "VMAC interface address already specified");
                } else {
                    vmacAddressProblem(word).ifPresentOrElse(problem -> error(at, problem),
                            () -> vrrp.vmacMac = Optional.of(word));
                }
            } else if (vrrp.vmacName.isPresent()) {
                error(at, "VMAC interface name already specified");
            } else if (!validDeviceName(word)) {
                error(at, "VMAC interface name '" + word + "' too long or invalid characters - ignoring");
            } else {
                Optional<InstanceDraft> user = instances.values().stream()
                        .filter(other -> other.vmacName.equals(Optional.of(word))).findFirst();
                if (user.isPresent()) {
                    error(at, "(" + vrrp.name + ") VRRP instance " + user.get().name + " is already using " + word
                            + " - ignoring name");
                } else if (ctx.host().interfaceExists(word)) {
                    // the host interfaces we know of are never keepalived's private macvlans
                    error(at, "(" + vrrp.name + ") interface " + word + " already exists and is not a private"
                            + " macvlan; ignoring vmac if_name");
                } else {
                    vrrp.vmacName = Optional.of(word);
                }
            }
        }
    }

    /** keepalived's {@code dev_name_valid}. */
    private static boolean validDeviceName(String name) {
        return !name.isEmpty() && name.length() < 16 && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
    }

    /**
     * What keepalived 2.2.7 objects to in a {@code use_vmac} MAC address; five octets leave the last to the VRID.
     */
    private static Optional<String> vmacAddressProblem(String text) {
        if (!text.matches("[0-9A-Fa-f:]*")) {
            return Optional.of("VMAC invalid MAC address " + text);
        }
        String[] octets = text.endsWith(":") && text.split(":", -1).length == 6
                ? text.substring(0, text.length() - 1).split(":", -1) : text.split(":", -1);
        boolean wellFormed = (octets.length == 5 || octets.length == 6)
                && Arrays.stream(octets).allMatch(o -> o.length() >= 1 && o.length() <= 2);
        if (!wellFormed) {
            return Optional.of("VMAC invalid MAC address " + text + " - ignored");
        }
        int[] bytes = Arrays.stream(octets).mapToInt(o -> Integer.parseInt(o, 16)).toArray();
        if ((bytes[0] & 1) != 0) {
            return Optional.of("VMAC MAC address is multicast " + text + " - ignoring");
        }
        boolean rfc5798 = bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0x5e && bytes[3] == 0
                && (bytes[4] == 1 || bytes[4] == 2);
        return rfc5798 ? Optional.of("VMAC MAC address not allowed to be RFC5798 address (" + text + ") - ignoring")
                : Optional.empty();
    }

    /** TIMER_MAX_SEC: the largest timer keepalived accepts in seconds. */
    private static final long TIMER_MAX_SECS = 1_000_000L;

    private void authentication(InstanceDraft vrrp, ConfigNode item) {
        Location at = item.location();
        switch (item.keyword()) {
            case "auth_type" -> {
                String type = ctx.word(item, 1);
                switch (type) {
                    case "PASS" -> vrrp.authType = Optional.of(VrrpInstance.AuthType.PASS);
                    case "AH" -> vrrp.authType = Optional.of(VrrpInstance.AuthType.AH);
                    default -> error(at, "(" + vrrp.name + ") unknown authentication type '" + type + "'");
                }
            }
            case "auth_pass" -> {
                String pass = ctx.word(item, 1);
                if (pass.length() > 8) {
                    error(at, "Truncating auth_pass to 8 characters");
                    pass = pass.substring(0, 8);
                }
                vrrp.authPass = pass;
            }
            default -> ctx.notActedOn("vrrp_instance " + vrrp.name + " authentication", item);
        }
    }

    private Optional<String> sourceIp(InstanceDraft vrrp, ConfigNode item) {
        String word = ctx.word(item, 1);
        Optional<InetAddress> address = IpAddresses.parse(word);
        if (address.isEmpty()) {
            error(item.location(), "Configuration error: VRRP instance[" + vrrp.name + "] malformed src address["
                    + word + "]. Skipping...");
            return Optional.empty();
        }
        if (!sameFamily(vrrp, address.get())) {
            error(item.location(), "Configuration error: VRRP instance[" + vrrp.name + "] and src address[" + word
                    + "] MUST be of the same family !!! Skipping...");
            return Optional.empty();
        }
        return Optional.of(word);
    }

    /** Sets the instance's family from its first address; false when the address is of the other family. */
    private static boolean sameFamily(InstanceDraft vrrp, InetAddress address) {
        int family = IpAddresses.isIpv6(address) ? 6 : 4;
        if (vrrp.family == 0) {
            vrrp.family = family;
        }
        return vrrp.family == family;
    }

    private void instanceAddress(InstanceDraft vrrp, ConfigNode line, List<VirtualAddress> target) {
        ipLines.virtualAddress(line).ifPresent(address -> {
            if (target == vrrp.vips && !sameFamily(vrrp, address.address())) {
                error(line.location(), "(" + vrrp.name + "): address family must match VRRP instance ["
                        + line.keyword() + "] - ignoring");
                return;
            }
            target.add(address);
        });
    }

    private void unicastPeer(InstanceDraft vrrp, ConfigNode line) {
        Location at = line.location();
        Optional<InetAddress> address = IpAddresses.parse(line.keyword());
        if (address.isEmpty()) {
            error(at, "Configuration error: VRRP instance[" + vrrp.name + "] malformed unicast peer address["
                    + line.keyword() + "]. Skipping...");
            return;
        }
        if (!sameFamily(vrrp, address.get())) {
            error(at, "Configuration error: VRRP instance[" + vrrp.name + "] and unicast peer address["
                    + line.keyword() + "] MUST be of the same family !!! Skipping...");
            return;
        }
        OptionalInt minTtl = OptionalInt.empty();
        OptionalInt maxTtl = OptionalInt.empty();
        List<String> options = line.args();
        for (int i = 0; i < options.size(); i += 2) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                error(at, "(" + vrrp.name + ") " + option + " is missing a value");
                break;
            }
            OptionalLong ttl = Values.readUnsigned(ctx, at, options.get(i + 1), 0, 255, false);
            switch (option) {
                case "min_ttl" -> minTtl = ttl.isPresent() ? OptionalInt.of((int) ttl.getAsLong()) : minTtl;
                case "max_ttl" -> maxTtl = ttl.isPresent() ? OptionalInt.of((int) ttl.getAsLong()) : maxTtl;
                default -> error(at, "(" + vrrp.name + ") unknown unicast_peer option " + option);
            }
        }
        if (minTtl.isPresent() && maxTtl.isPresent() && minTtl.getAsInt() > maxTtl.getAsInt()) {
            error(at, "(" + vrrp.name + ") min_ttl " + minTtl.getAsInt() + " > max_ttl " + maxTtl.getAsInt()
                    + " - all packets will be discarded");
        }
        vrrp.peers.add(new UnicastPeer(address.get(), minTtl, maxTtl));
    }

    // ---- tracking ----

    private void trackInterface(String owner, ConfigNode line, List<Tracked> target) {
        Location at = line.location();
        String ifname = line.keyword();
        if (!interfaceUsable(ifname)) {
            error(at, "(" + owner + ") tracked interface " + ifname + " doesn't exist");
            return;
        }
        if (target.stream().anyMatch(t -> t.name().equals(ifname))) {
            error(at, "(" + owner + ") duplicate track_interface " + ifname + " - ignoring");
            return;
        }
        int weight = 0;
        boolean reverse = false;
        List<String> options = line.args();
        if (!options.isEmpty()) {
            if (!options.get(0).equals("weight")) {
                error(at, "(" + owner + ") unknown track_interface " + ifname + " option " + options.get(0)
                        + " - ignoring");
                return;
            }
            if (options.size() == 1) {
                error(at, "(" + owner + ") weight without value specified for track_interface " + ifname
                        + " - ignoring");
                return;
            }
            weight = trackWeight(owner, ifname, options.get(1), at);
            if (options.size() >= 3) {
                reverse = options.get(2).equals("reverse");
                if (!reverse) {
                    // keepalived 2.2.7 misspells track_interface here
                    error(at, "(" + owner + ") unknown track_interace " + ifname + " weight option "
                            + options.get(2) + " - ignoring");
                }
            }
        }
        target.add(new Tracked(ifname, weight, reverse));
    }

    private void trackScript(String owner, ConfigNode line, List<Tracked> target) {
        Location at = line.location();
        String name = line.keyword();
        VrrpScript script = scripts.get(name);
        if (script == null) {
            error(at, "(" + owner + ") track script " + name + " not found, ignoring...");
            return;
        }
        if (target.stream().anyMatch(t -> t.name().equals(name))) {
            error(at, "(" + owner + ") duplicate track_script " + name + " - ignoring");
            return;
        }
        int weight = script.weight();
        boolean reverse = script.weightReverse();
        List<String> options = line.args();
        if (options.size() >= 2 && options.get(0).equals("weight")) {
            weight = trackWeight(owner, name, options.get(1), at);
            reverse = options.size() >= 3 && options.get(2).equals("reverse");
        }
        target.add(new Tracked(name, weight, reverse));
    }

    private void trackAll(TrackerParser.Kind kind, String owner, ConfigNode block, List<Tracked> target) {
        block.children().forEach(line -> trackers.trackReference(kind, owner, line, target));
    }

    private int trackWeight(String owner, String tracked, String word, Location at) {
        OptionalLong value = Values.readInt(ctx, at, word, -254, 254, true);
        if (value.isEmpty()) {
            error(at, "(" + owner + ") weight " + word + " for " + tracked
                    + " must be between [-253..253] inclusive. Ignoring...");
            return 0;
        }
        if (Math.abs(value.getAsLong()) == 254) {
            error(at, "(" + owner + ") weight for " + tracked + " cannot be +/-254. Setting to +/-253");
            return value.getAsLong() < 0 ? -253 : 253;
        }
        return (int) value.getAsLong();
    }

    // ---- sync groups ----

    private void parseSyncGroup(ConfigNode node) {
        if (node.args().isEmpty()) {
            error(node.location(), "vrrp_sync_group must have a name - skipping");
            return;
        }
        String name = node.args().get(0);
        if (syncGroups.containsKey(name)) {
            error(node.location(), "vrrp sync group " + name + " already defined");
            return;
        }
        List<String> members = new ArrayList<>();
        List<Tracked> trackInterfaces = new ArrayList<>();
        List<Tracked> trackScripts = new ArrayList<>();
        List<Tracked> trackFiles = new ArrayList<>();
        List<Tracked> trackProcesses = new ArrayList<>();
        List<Tracked> trackBfds = new ArrayList<>();
        Map<String, ScriptSpec> notify = new LinkedHashMap<>();
        Optional<Boolean> notifyPriorityChanges = Optional.empty();
        Optional<Boolean> smtpAlert = Optional.empty();
        for (ConfigNode item : node.children()) {
            switch (item.keyword()) {
                case "group" -> {
                    if (item.children().isEmpty()) {
                        error(item.location(), "Warning - sync group " + name + " has empty group block");
                    }
                    item.children().forEach(member -> {
                        members.add(member.keyword());
                        members.addAll(member.args());
                    });
                }
                case "track_interface" -> item.children().forEach(l -> trackInterface(name, l, trackInterfaces));
                case "track_script" -> item.children().forEach(l -> trackScript(name, l, trackScripts));
                case "track_file" -> trackAll(TrackerParser.Kind.FILE, name, item, trackFiles);
                case "track_process" -> trackAll(TrackerParser.Kind.PROCESS, name, item, trackProcesses);
                case "track_bfd" -> trackAll(TrackerParser.Kind.BFD, name, item, trackBfds);
                case "notify", "notify_master", "notify_backup", "notify_fault", "notify_stop" ->
                        Scripts.parseNotify(item, item.keyword(), users, ctx)
                                .ifPresent(s -> notify.put(item.keyword(), s));
                case "notify_priority_changes" -> {
                    Optional<Boolean> value = Values.optionalBool(ctx, item, word -> "(" + name + ") Invalid value '"
                            + word + "' for sync group notify_priority_changes specified");
                    notifyPriorityChanges = value.isPresent() ? value : notifyPriorityChanges;
                }
                case "smtp_alert" -> {
                    Optional<Boolean> value = Values.optionalBool(ctx, item,
                            word -> "Invalid vrrp_group smtp_alert parameter " + word);
                    smtpAlert = value.isPresent() ? value : smtpAlert;
                }
                default -> ctx.notActedOn("vrrp_sync_group " + name, item);
            }
        }
        syncGroups.put(name, new SyncGroup(name, members, new Tracking(trackInterfaces, trackScripts,
                trackFiles, trackProcesses, trackBfds), notify, notifyPriorityChanges, smtpAlert));
        syncGroupLocations.put(name, node.location());
    }

    /** keepalived's {@code if_get_by_ifname(IF_CREATE_IF_DYNAMIC)}: with dynamic_interfaces any name will do. */
    private boolean interfaceUsable(String ifname) {
        if (global.dynamicInterfaces() || ctx.host().interfaceExists(ifname)) {
            return true;
        }
        nonExistentInterface = true;
        return false;
    }

    // ---- validation ----

    private VrrpConfig validate() {
        Map<String, VrrpInstance> complete = new LinkedHashMap<>();
        if (nonExistentInterface) {
            // keepalived's start_vrrp stops here: nothing else of the vrrp side is checked
            ctx.report(Severity.BAD_IF, null, "Non-existent interface specified in configuration");
            return config(complete);
        }
        if (!instances.isEmpty()) {
            checkScriptSecurity();
        }
        for (InstanceDraft draft : instances.values()) {
            if (!hasMinimumConfig(draft)) {
                return refused(complete);
            }
        }
        checkSyncGroups();
        for (InstanceDraft draft : instances.values()) {
            Optional<VrrpInstance> instance = completeInstance(draft);
            if (instance.isEmpty()) {
                // vrrp_complete_init gives up at the first instance it cannot complete
                return refused(complete);
            }
            complete.put(draft.name, instance.get());
        }
        if (hasDuplicateVrids(complete)) {
            return refused(complete);
        }
        resolveSyncDaemonInstance();
        for (String name : List.copyOf(scripts.keySet())) {
            boolean used = instances.values().stream().anyMatch(i -> tracks(i.trackScripts, name))
                    || syncGroups.values().stream().anyMatch(g -> tracks(g.tracking().scripts(), name));
            if (!used) {
                error(null, "Warning - script " + name + " is not used");
                scripts.remove(name);
            }
        }
        return config(complete);
    }

    /** Where {@code vrrp_complete_init} fails: keepalived's VRRP process then exits with status 2. */
    private VrrpConfig refused(Map<String, VrrpInstance> complete) {
        ctx.cannotRun(Subsystem.VRRP);
        return config(complete);
    }

    private VrrpConfig config(Map<String, VrrpInstance> complete) {
        return new VrrpConfig(complete, syncGroups, scripts, staticAddresses, staticRoutes, staticRules,
                new VrrpConfig.Trackers(trackers.trackFiles(), trackers.processes(), trackers.bfdInstances(),
                        trackers.garpGroups(), trackers.trackGroups(), trackers.interfaceTimings()));
    }

    /** {@code chk_min_cfg}. */
    private boolean hasMinimumConfig(InstanceDraft vrrp) {
        if (vrrp.vrid == 0) {
            error(null, "(" + vrrp.name + ") the virtual router id must be set");
            return false;
        }
        if (vrrp.interfaceName.isEmpty() && vrrp.peers.isEmpty()) {
            error(null, "(" + vrrp.name + ") Unknown interface!");
            return false;
        }
        return true;
    }

    private static boolean tracks(List<Tracked> tracked, String name) {
        return tracked.stream().anyMatch(t -> t.name().equals(name));
    }

    /** {@code check_vrrp_script_security}: track scripts, then each instance's and group's notify scripts. */
    private void checkScriptSecurity() {
        boolean security = global.enableScriptSecurity();
        List<ScriptCheck> checks = new ArrayList<>();
        for (VrrpScript script : List.copyOf(scripts.values())) {
            ScriptCheck check = Scripts.check(script.script(), security, ctx);
            checks.add(check);
            if (check.has(ScriptCheck.Flag.INHIBIT)) {
                error(null, "Disabling track script " + script.name() + " due to insecure");
            } else if (check.has(ScriptCheck.Flag.NOT_FOUND)) {
                error(null, "Disabling track script " + script.name() + " since not found/accessible");
            }
            if (!check.trackUsable()) {
                scripts.remove(script.name());
                instances.values().forEach(i -> i.trackScripts.removeIf(t -> t.name().equals(script.name())));
            }
        }
        for (InstanceDraft vrrp : instances.values()) {
            checkNotifyScripts(vrrp.notify, security, checks);
        }
        for (SyncGroup group : syncGroups.values()) {
            checkNotifyScripts(new LinkedHashMap<>(group.notifyScripts()), security, checks);
        }
        global.notifyFifo().flatMap(GlobalDefs.NotifyFifo::script)
                .ifPresent(s -> checks.add(Scripts.check(s, security, ctx)));
        global.vrrpNotifyFifo().flatMap(GlobalDefs.NotifyFifo::script)
                .ifPresent(s -> checks.add(Scripts.check(s, security, ctx)));
        Scripts.reportSecurityViolation(checks, security, ctx,
                "SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
    }

    private void checkNotifyScripts(Map<String, ScriptSpec> notify, boolean security, List<ScriptCheck> checks) {
        for (String keyword : List.of("notify_backup", "notify_master", "notify_fault", "notify_stop",
                "notify_deleted", "notify", "notify_master_rx_lower_pri")) {
            ScriptSpec script = notify.get(keyword);
            if (script != null) {
                ScriptCheck check = Scripts.check(script, security, ctx);
                checks.add(check);
                if (!check.notifyUsable()) {
                    notify.remove(keyword);
                }
            }
        }
    }

    /** {@code vrrp_complete_instance}; empty where keepalived fails the instance. */
    private Optional<VrrpInstance> completeInstance(InstanceDraft vrrp) {
        String tag = "(" + vrrp.name + ")";
        boolean strict = vrrp.strictMode.orElse(global.vrrpStrict());
        if (vrrp.family == 6 && vrrp.version == 2 && strict) {
            error(null, tag + " cannot use IPv6 with VRRP version 2; setting version 3");
            vrrp.version = 3;
        }
        int version = vrrp.version != 0 ? vrrp.version : vrrp.family == 6 ? 3 : global.vrrpVersion();
        if (vrrp.vips.isEmpty()) {
            if (version == 3 || strict) {
                error(null, tag + " No VIP specified; at least one is required");
                return Optional.empty();
            }
            error(null, tag + " No VIP specified; at least one is sensible");
        }
        int priority = vrrp.priority != 0 ? vrrp.priority
                : vrrp.state.equals(Optional.of(VrrpInstance.State.MASTER)) ? VrrpInstance.PRIORITY_OWNER
                : VrrpInstance.PRIORITY_DEFAULT;
        boolean owner = priority == VrrpInstance.PRIORITY_OWNER;
        VrrpInstance.State state = vrrp.state.orElse(owner ? VrrpInstance.State.MASTER : VrrpInstance.State.BACKUP);
        if (vrrp.state.isPresent() && strict && (state == VrrpInstance.State.MASTER) != owner) {
            error(null, tag + " State MASTER must match being address owner");
            state = owner ? VrrpInstance.State.MASTER : VrrpInstance.State.BACKUP;
        }
        Optional<VrrpInstance.Authentication> auth = Optional.empty();
        if (vrrp.authType.isPresent()) {
            if (strict) {
                error(null, tag + " Strict mode does not support authentication. Ignoring.");
            } else if (version == 3) {
                error(null, tag + " VRRP version 3 does not support authentication. Ignoring.");
            } else if (vrrp.authPass.isEmpty()) {
                error(null, tag + " Authentication specified but no password given. Ignoring");
            } else if (vrrp.authType.get() == VrrpInstance.AuthType.AH && vrrp.family == 6) {
                error(null, tag + " Cannot use AH authentication with IPv6. ignoring");
            } else {
                if (vrrp.authType.get() == VrrpInstance.AuthType.AH && state == VrrpInstance.State.MASTER && !owner) {
                    // keepalived wants an advert's AH sequence number before it takes over
                    error(null, tag + " Initial state master is incompatible with AH authentication - clearing");
                    state = VrrpInstance.State.BACKUP;
                }
                auth = Optional.of(new VrrpInstance.Authentication(vrrp.authType.get(), vrrp.authPass));
                if (auth.get().type() == VrrpInstance.AuthType.AH && state == VrrpInstance.State.MASTER && !owner) {
                    // an AH sequence number must be learnt from an advert before taking over
                    error(null, tag + " Initial state master is incompatible with AH authentication - clearing");
                    state = VrrpInstance.State.BACKUP;
                }
            }
        }
        boolean unicast = vrrp.unicastConfigured && !vrrp.peers.isEmpty();
        if (strict && unicast && vrrp.interfaceExists) {
            error(null, tag + " Unicast peers are not supported in strict mode");
            return Optional.empty();
        }
        if (vrrp.interfaceName.isEmpty()) {
            if (vrrp.unicastSrc.isEmpty() && vrrp.mcastSrc.isEmpty()) {
                error(null, tag + ": Unicast instances must have unicast_src_ip or interface");
                return Optional.empty();
            }
        }
        if (vrrp.unicastConfigured && vrrp.peers.isEmpty()) {
            ctx.report(Severity.DEPRECATED, null, tag + " A unicast keyword has been specified without any unicast"
                    + " peers. Defaulting to multicast. This usage is deprecated - please update your configuration.");
        }
        boolean nopreempt = vrrp.nopreempt;
        if (owner && nopreempt) {
            error(null, tag + " nopreempt is incompatible with priority 255. resetting nopreempt");
            nopreempt = false;
        }
        long preemptDelay = vrrp.preemptDelayMicros;
        if (state == VrrpInstance.State.MASTER) {
            if (nopreempt) {
                error(null, tag + " Warning - nopreempt will not work with initial state MASTER - clearing");
                nopreempt = false;
            }
            if (preemptDelay != 0) {
                error(null, tag + " Warning - preempt delay will not work with initial state MASTER - clearing");
                preemptDelay = 0;
            }
        }
        long advert = advertInterval(tag, version, vrrp.advertMicros == 0 ? TIMER_HZ : vrrp.advertMicros);
        List<Tracked> trackInterfaces = new ArrayList<>(vrrp.trackInterfaces);
        vrrp.interfaceName.filter(own -> vrrp.interfaceExists).ifPresent(own -> trackInterfaces.removeIf(t -> {
            boolean isOwn = t.name().equals(own);
            if (isOwn) {
                error(null, tag + " Ignoring track_interface " + own + " since own interface");
            }
            return isOwn;
        }));
        int downTimerAdverts = vrrp.downTimerAdverts;
        if (downTimerAdverts != GlobalDefs.GarpDefaults.KEEPALIVED.downTimerAdverts() && strict) {
            error(null, tag + " down_timer_adverts is incompatible with strict mode - resetting");
            downTimerAdverts = GlobalDefs.GarpDefaults.KEEPALIVED.downTimerAdverts();
        }
        boolean accept = vrrp.accept.orElse(owner || !strict);
        if (accept && !owner && strict && version == 2) {
            error(null, tag + " warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            accept = false;
        }
        OptionalLong lowerPrioRepeat = strictGarp(tag, strict, vrrp.garpLowerPrioRepeat,
                global.garp().lowerPrioRepeat(), " Strict mode requires no repeat garps. resetting");
        OptionalLong lowerPrioDelay = strictGarp(tag, strict, vrrp.garpLowerPrioDelaySecs,
                global.garp().lowerPrioDelaySecs(), " Strict mode requires no repeat garp delay. resetting");
        VrrpInstance.GarpSettings garp = new VrrpInstance.GarpSettings(vrrp.garpDelaySecs, vrrp.garpRepeat,
                vrrp.garpRefreshSecs, vrrp.garpRefreshRepeat, lowerPrioDelay, lowerPrioRepeat);
        boolean lowerPrioNoAdvert = strictFlag(tag, strict, vrrp.lowerPrioNoAdvert, global.vrrpLowerPrioNoAdvert(),
                true, " Strict mode requires no lower priority advert. resetting");
        boolean higherPrioSendAdvert = strictFlag(tag, strict, vrrp.higherPrioSendAdvert,
                global.vrrpHigherPrioSendAdvert(), false,
                " strict mode requires higher_prio_send_advert to be clear. resetting");
        if (vrrp.vips.isEmpty()) {
            ctx.report(Severity.WARNING, null, tag + " No VIP specified; at least one is sensible");
        }
        Optional<VrrpInstance.Vmac> vmac = vrrp.useVmac
                ? Optional.of(new VrrpInstance.Vmac(vrrp.vmacName, vrrp.vmacMac, vrrp.vmacXmitBase))
                : Optional.empty();
        return Optional.of(new VrrpInstance(vrrp.name, vrrp.interfaceName, state, vrrp.vrid, priority,
                advert, version, nopreempt, preemptDelay, auth, vrrp.vips, vrrp.evips, vrrp.routes, vrrp.rules,
                new Tracking(trackInterfaces, vrrp.trackScripts, vrrp.trackFiles, vrrp.trackProcesses,
                        vrrp.trackBfds), vrrp.unicastSrc, vrrp.peers, vrrp.mcastSrc, vmac, strict,
                accept, garp, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, vrrp.skipCheckAdvAddr,
                vrrp.debugLevel, vrrp.notify, vrrp.location, vrrp.dontTrackPrimary, vrrp.notifyPriorityChanges,
                vrrp.notifyDeleted, vrrp.unicastTtl, vrrp.smtpAlert));
    }

    /** Lower priority garp settings: strict mode wants none; unset ones come from global_defs. */
    private OptionalLong strictGarp(String tag, boolean strict, OptionalLong configured, OptionalLong global,
                                    String complaint) {
        if (configured.isEmpty()) {
            return strict ? OptionalLong.of(0) : global;
        }
        if (strict && configured.getAsLong() != 0) {
            error(null, tag + complaint);
            return OptionalLong.of(0);
        }
        return configured;
    }

    /** An advert flag: strict mode forces {@code strictValue}; unset flags come from global_defs. */
    private boolean strictFlag(String tag, boolean strict, Optional<Boolean> configured, boolean global,
                               boolean strictValue, String complaint) {
        if (configured.isEmpty()) {
            return strict ? strictValue : global;
        }
        if (strict && configured.get() != strictValue) {
            error(null, tag + complaint);
            return strictValue;
        }
        return configured.get();
    }

    /** VRRPv2 sends whole seconds below 256s; VRRPv3 sends centiseconds below 40.96s. */
    private long advertInterval(String tag, int version, long micros) {
        if (version == 2) {
            if (micros >= 256 * TIMER_HZ) {
                error(null, String.format(Locale.ROOT, "%s VRRPv2 advertisement interval %.2fs is out of range."
                        + " Must be less than %ds. Setting to %ds", tag, micros / (double) TIMER_HZ, 256, 255));
                return 255 * TIMER_HZ;
            }
            if (micros % TIMER_HZ != 0) {
                error(null, String.format(Locale.ROOT, "%s VRRPv2 advertisement interval %fs must be an integer."
                        + " rounding", tag, micros / (double) TIMER_HZ));
                long rounded = (micros + TIMER_HZ / 2) / TIMER_HZ * TIMER_HZ;
                return rounded == 0 ? TIMER_HZ : rounded;
            }
            return micros;
        }
        if (micros >= 4096 * CENTI_HZ) {
            error(null, String.format(Locale.ROOT, "%s VRRPv3 advertisement interval %.2fs is out of range."
                    + " Must be less than %.2fs. Setting to %.2fs", tag, micros / (double) TIMER_HZ, 40.96, 40.95));
            return 4095 * CENTI_HZ;
        }
        if (micros % CENTI_HZ != 0) {
            error(null, String.format(Locale.ROOT, "%s VRRPv3 advertisement interval %fs must be in units of 10ms"
                    + " - rounding", tag, micros / (double) TIMER_HZ));
            long rounded = (micros + CENTI_HZ / 2) / CENTI_HZ * CENTI_HZ;
            return rounded == 0 ? CENTI_HZ : rounded;
        }
        return micros;
    }

    private void checkSyncGroups() {
        Map<String, String> groupOfInstance = new LinkedHashMap<>();
        for (SyncGroup group : List.copyOf(syncGroups.values())) {
            if (group.members().isEmpty()) {
                error(null, "Sync group " + group.name() + " has no virtual router(s). removing");
                syncGroups.remove(group.name());
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String member : group.members()) {
                if (!instances.containsKey(member)) {
                    error(null, "Virtual router " + member + " specified in sync group " + group.name()
                            + " doesn't exist - ignoring");
                } else if (groupOfInstance.containsKey(member)) {
                    error(null, "Virtual router " + member + " cannot exist in more than one sync group; ignoring "
                            + group.name());
                } else {
                    groupOfInstance.put(member, group.name());
                    members.add(member);
                }
            }
            if (members.isEmpty()) {
                error(null, "Sync group " + group.name() + ", no matching virtual router found in group, removing");
                syncGroups.remove(group.name());
            } else {
                syncGroups.put(group.name(), new SyncGroup(group.name(), members, group.tracking(),
                        group.notifyScripts(), group.notifyPriorityChanges(), group.smtpAlert()));
            }
        }
    }

    /** Two instances on one interface and address family may not share a VRID; true where some do. */
    private boolean hasDuplicateVrids(Map<String, VrrpInstance> complete) {
        boolean found = false;
        List<VrrpInstance> seen = new ArrayList<>();
        for (VrrpInstance vrrp : complete.values()) {
            for (VrrpInstance other : seen) {
                boolean sameFamily = !vrrp.virtualAddresses().isEmpty() && !other.virtualAddresses().isEmpty()
                        && IpAddresses.isIpv6(vrrp.virtualAddresses().get(0).address())
                        == IpAddresses.isIpv6(other.virtualAddresses().get(0).address());
                if (vrrp.interfaceName().isPresent() && vrrp.interfaceName().equals(other.interfaceName())
                        && vrrp.virtualRouterId() == other.virtualRouterId() && sameFamily
                        && vrrp.unicastPeers().isEmpty() && other.unicastPeers().isEmpty()) {
                    error(null, other.name() + " and " + vrrp.name() + " both use VRID " + vrrp.virtualRouterId()
                            + " with IPv" + (IpAddresses.isIpv6(vrrp.virtualAddresses().get(0).address()) ? 6 : 4)
                            + " on interface " + vrrp.interfaceName().get());
                    found = true;
                }
            }
            seen.add(vrrp);
        }
        return found;
    }

    private void error(Location at, String message) {
        ctx.report(Severity.GENERAL_ERROR, at, message);
    }
}
