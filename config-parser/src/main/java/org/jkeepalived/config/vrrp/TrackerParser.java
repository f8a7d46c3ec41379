package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.Values;

/**
 * The tracker root blocks of the VRRP side, with keepalived 2.2.7's handler messages: {@code track_file}
 * (trackers/track_file.c), {@code vrrp_track_process}, {@code garp_group}, {@code track_group},
 * {@code linkbeat_interfaces}, {@code interface_up_down_delays} (vrrp/vrrp_parser.c) and {@code bfd_instance}
 * (bfd/bfd_parser.c, as both the BFD process and the VRRP process read it); and the instance and sync group
 * {@code track_file}, {@code track_process} and {@code track_bfd} lines that refer to them (vrrp_track.c).
 */
final class TrackerParser {
    private static final long TIMER_HZ = 1_000_000L;
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long UINT32_MAX = 0xFFFF_FFFFL;
    /** BFD_INAME_MAX: a BFD instance name holds at most 31 characters. */
    private static final int BFD_NAME_MAX = 32;
    /** BFD intervals are configured in milliseconds with 3 decimals: microseconds. */
    private static final int BFD_INTERVAL_DIGITS = 3;
    private static final long BFD_INTERVAL_MAX_MILLIS = UINT32_MAX / 1000;
    private static final long BFD_MAX_SENSIBLE_MILLIS = 10_000;
    private static final int BFD_TTL_MAX = 255;
    private static final int BFD_IPV4_TTL = 255;
    private static final int BFD_IPV6_HOPLIMIT = 64;

    private final BuildContext ctx;
    private final boolean dynamicInterfaces;
    /** keepalived's {@code if_get_by_ifname(IF_CREATE_IF_DYNAMIC)}, which remembers a missing interface. */
    private final Predicate<String> interfaceUsable;
    private final Map<String, TrackFile> trackFiles = new LinkedHashMap<>();
    private final Map<String, TrackedProcess> processes = new LinkedHashMap<>();
    private final Map<String, BfdInstance> bfdInstances = new LinkedHashMap<>();
    /** The bfd_instance names the VRRP process tracks, with the weight it reads for them. */
    private final Map<String, Tracked> vrrpBfds = new LinkedHashMap<>();
    private final List<GarpDraft> garpGroups = new ArrayList<>();
    private final Map<String, GarpDraft> garpGroupOfInterface = new LinkedHashMap<>();
    private final Map<String, TrackGroup> trackGroups = new LinkedHashMap<>();
    private final Map<String, InterfaceTiming> interfaceTimings = new LinkedHashMap<>();

    TrackerParser(BuildContext ctx, boolean dynamicInterfaces, Predicate<String> interfaceUsable) {
        this.ctx = ctx;
        this.dynamicInterfaces = dynamicInterfaces;
        this.interfaceUsable = interfaceUsable;
    }

    /** Parses a tracker root block; false when {@code node} is not one. */
    boolean parseRoot(ConfigNode node) {
        switch (node.keyword()) {
            case "track_file", "vrrp_track_file" -> trackFile(node);
            case "vrrp_track_process" -> trackProcess(node);
            case "bfd_instance" -> bfdInstance(node);
            case "garp_group" -> garpGroup(node);
            case "track_group" -> trackGroup(node);
            case "linkbeat_interfaces" -> node.children().forEach(this::linkbeatInterface);
            case "interface_up_down_delays" -> node.children().forEach(this::upDownDelay);
            default -> {
                return false;
            }
        }
        return true;
    }

    Map<String, TrackFile> trackFiles() {
        return trackFiles;
    }

    Map<String, TrackedProcess> processes() {
        return processes;
    }

    Map<String, BfdInstance> bfdInstances() {
        return bfdInstances;
    }

    List<GarpGroup> garpGroups() {
        return garpGroups.stream().map(GarpDraft::group).toList();
    }

    Map<String, TrackGroup> trackGroups() {
        return trackGroups;
    }

    Map<String, InterfaceTiming> interfaceTimings() {
        return interfaceTimings;
    }

    // ---- track_file ----

    private void trackFile(ConfigNode node) {
        if (node.keyword().equals("vrrp_track_file")) {
            ctx.report(Severity.OK, node.location(), "\"vrrp_track_file\" is deprecated, please use \"track_file\"");
        }
        String name = ctx.word(node, 1);
        String path = null;
        int weight = 1;
        boolean reverse = false;
        Optional<TrackFile.Init> init = Optional.empty();
        for (ConfigNode item : node.children()) {
            Location at = item.location();
            List<String> args = item.args();
            switch (item.keyword()) {
                case "file" -> {
                    if (args.isEmpty()) {
                        error(at, "track file file name missing");
                    } else if (path != null) {
                        error(at, "File already set for track file " + name + " - ignoring " + args.get(0));
                    } else {
                        path = args.get(0);
                    }
                }
                case "weight" -> {
                    if (args.isEmpty()) {
                        error(at, "No weight specified for track file " + name + " - ignoring");
                    } else if (weight != 1) {
                        error(at, "Weight already set for track file " + name + " - ignoring " + args.get(0));
                    } else {
                        OptionalLong value = Values.readInt(ctx, at, args.get(0), -254, 254, true);
                        if (value.isEmpty()) {
                            error(at, "Weight (" + args.get(0) + ") for track_file " + name
                                    + " must be between [-254..254] inclusive. Ignoring...");
                        }
                        weight = (int) value.orElse(1);
                        if (args.size() >= 2 && args.get(1).equals("reverse")) {
                            reverse = true;
                        } else if (args.size() >= 2) {
                            error(at, "track_file " + name + " unknown weight option " + args.get(1));
                        }
                    }
                }
                case "init_file" -> init = Optional.of(trackFileInit(name, item));
                default -> ctx.notActedOn(node.keyword() + " " + name, item);
            }
        }
        if (path == null) {
            error(node.location(), "No file set for track_file " + name + " - ignoring");
            return;
        }
        trackFiles.putIfAbsent(name, new TrackFile(name, path, weight, reverse, init));
    }

    private TrackFile.Init trackFileInit(String name, ConfigNode item) {
        Location at = item.location();
        long value = 0;
        boolean overwrite = false;
        for (String word : item.args()) {
            if (!word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == '-')) {
                OptionalLong read = Values.readInt(ctx, at, word, Integer.MIN_VALUE, INT_MAX, false);
                if (read.isEmpty()) {
                    error(at, "Track file " + name + " init value " + word + " is invalid");
                } else if (read.getAsLong() < -254 || read.getAsLong() > 254) {
                    error(at, "Track file " + name + " init value " + read.getAsLong()
                            + " is outside sensible range [-254, 254]");
                }
                value = read.orElse(0);
            } else if (word.equals("overwrite")) {
                overwrite = true;
            } else {
                error(at, "Unknown track file init option " + word);
            }
        }
        return new TrackFile.Init((int) value, overwrite);
    }

    // ---- vrrp_track_process ----

    private void trackProcess(ConfigNode node) {
        String name = ctx.word(node, 1);
        String process = null;
        List<String> parameters = List.of();
        TrackedProcess.ParamMatch match = TrackedProcess.ParamMatch.NONE;
        int weight = 0;
        boolean reverse = false;
        long quorum = 1;
        long quorumMax = TrackedProcess.QUORUM_MAX_DEFAULT;
        long terminateDelay = 0;
        long forkDelay = 0;
        boolean fullCommand = false;
        for (ConfigNode item : node.children()) {
            Location at = item.location();
            List<String> args = item.args();
            switch (item.keyword()) {
                case "process" -> {
                    String word = ctx.word(item, 1);
                    if (process != null) {
                        error(at, "Process already set for track process " + name + " - ignoring " + word);
                    } else {
                        process = word;
                        if (args.size() > 1) {
                            parameters = args.subList(1, args.size());
                            match = match == TrackedProcess.ParamMatch.NONE ? TrackedProcess.ParamMatch.EXACT : match;
                            fullCommand = true;
                        }
                    }
                }
                case "param_match" -> {
                    String kind = args.isEmpty() ? "" : args.get(0);
                    switch (kind) {
                        case "" -> match = TrackedProcess.ParamMatch.EXACT;
                        case "initial" -> match = TrackedProcess.ParamMatch.INITIAL;
                        case "partial" -> match = TrackedProcess.ParamMatch.PARTIAL;
                        default -> error(at, "Invalid param_match type " + kind + " - ignoring");
                    }
                    fullCommand |= kind.isEmpty() || kind.equals("initial") || kind.equals("partial");
                }
                case "weight" -> {
                    if (args.isEmpty()) {
                        error(at, "No weight specified for track process " + name + " - ignoring");
                    } else if (weight != 0) {
                        error(at, "Weight already set for track process " + name + " - ignoring " + args.get(0));
                    } else {
                        OptionalLong value = Values.readInt(ctx, at, args.get(0), -254, 254, true);
                        if (value.isEmpty()) {
                            error(at, "Weight (" + args.get(0) + ") for vrrp_track_process " + name
                                    + " must be between [-254..254] inclusive. Ignoring...");
                        } else {
                            if (args.size() >= 2 && args.get(1).equals("reverse")) {
                                reverse = true;
                            } else if (args.size() >= 2) {
                                error(at, "vrrp_track_process " + name + " unknown weight option " + args.get(1));
                            }
                            weight = (int) value.getAsLong();
                        }
                    }
                }
                case "quorum" -> {
                    String word = ctx.word(item, 1);
                    OptionalLong value = Values.readUnsigned(ctx, at, word, 1, 65535, true);
                    if (value.isEmpty()) {
                        error(at, "Quorum (" + word + ") for vrrp_track_process " + name
                                + " must be between [1..65535] inclusive. Ignoring...");
                    } else if (value.getAsLong() > quorumMax) {
                        error(at, "Quorum is greater than quorum_max - ignoring");
                    } else {
                        quorum = value.getAsLong();
                    }
                }
                case "quorum_max" -> {
                    String word = ctx.word(item, 1);
                    OptionalLong value = Values.readUnsigned(ctx, at, word, 0, 65535, true);
                    if (value.isEmpty()) {
                        error(at, "quorum_max (" + word + ") for vrrp_track_process " + name
                                + " must be between [0..65535] inclusive. Ignoring...");
                    } else if ((value.getAsLong() != 0 || quorum > 1) && value.getAsLong() < quorum) {
                        error(at, "quorum_max is less than quorum - ignoring");
                    } else {
                        quorumMax = value.getAsLong();
                        quorum = quorumMax == 0 ? 0 : Math.max(quorum, 1);
                    }
                }
                case "delay", "terminate_delay", "fork_delay" -> {
                    String word = ctx.word(item, 1);
                    OptionalLong micros = Values.readDecimalUnsigned(ctx, at, word, 1, 3600 * TIMER_HZ,
                            Values.TIMER_DIGITS, true);
                    String kind = item.keyword();
                    if (micros.isEmpty()) {
                        error(at, kind + " (" + word + ") for vrrp_track_process "
                                + name + " must be between [0.000001..3600] inclusive. Ignoring...");
                    } else {
                        terminateDelay = kind.equals("fork_delay") ? terminateDelay : micros.getAsLong();
                        forkDelay = kind.equals("terminate_delay") ? forkDelay : micros.getAsLong();
                    }
                }
                case "full_command" -> fullCommand = true;
                default -> ctx.notActedOn("vrrp_track_process " + name, item);
            }
        }
        if (process == null) {
            error(node.location(), "track process '" + name + "' process name not specified");
            return;
        }
        processes.putIfAbsent(name, new TrackedProcess(name, process, parameters, match, weight, reverse, quorum,
                quorumMax, terminateDelay, forkDelay, fullCommand));
    }

    // ---- bfd_instance ----

    /** One bfd_instance block as the BFD process reads it. */
    private static final class BfdDraft {
        InetAddress neighbor;
        InetAddress source;
        long minRx = BfdInstance.MIN_RX_DEFAULT_MICROS;
        long minTx = BfdInstance.MIN_TX_DEFAULT_MICROS;
        long idleTx = BfdInstance.IDLE_TX_DEFAULT_MICROS;
        int multiplier = BfdInstance.MULTIPLIER_DEFAULT;
        boolean passive;
        int ttl;
        int maxHops;
        int weight;
        boolean reverse;
        boolean vrrpEvents;
        boolean checkerEvents;
    }

    private void bfdInstance(ConfigNode node) {
        String name = ctx.word(node, 1);
        Location at = node.location();
        boolean vrrpKeeps = vrrpTracksBfd(name, at);
        boolean bfdKeeps = true;
        if (name.length() >= BFD_NAME_MAX) {
            error(at, "Configuration error: BFD instance " + name + " name too long (maximum length is "
                    + (BFD_NAME_MAX - 1) + " characters) - ignoring");
            bfdKeeps = false;
        } else if (bfdInstances.containsKey(name)) {
            error(at, "Configuration error: BFD instance " + name + " already configured - ignoring");
            bfdKeeps = false;
        }
        BfdDraft bfd = new BfdDraft();
        for (ConfigNode item : node.children()) {
            if (!bfdKeyword(name, bfd, item, bfdKeeps, vrrpKeeps)) {
                // keepalived frees the instance and skips the rest of its block
                bfdKeeps = false;
            }
        }
        boolean eventsGiven = bfd.vrrpEvents || bfd.checkerEvents;
        if (vrrpKeeps && eventsGiven && !bfd.vrrpEvents) {
            vrrpBfds.remove(name);
        }
        if (bfdKeeps) {
            completeBfd(name, bfd, at).ifPresent(b -> bfdInstances.put(name, b));
        }
    }

    /** {@code bfd_vrrp_handler}: the VRRP process's own reading of a bfd_instance line. */
    private boolean vrrpTracksBfd(String name, Location at) {
        if (name.length() >= BFD_NAME_MAX) {
            error(at, "BFD name " + name + " too long");
            return false;
        }
        if (vrrpBfds.containsKey(name)) {
            error(at, "BFD " + name + " already specified");
            return false;
        }
        vrrpBfds.put(name, new Tracked(name, 0, false));
        return true;
    }

    /** False when the line makes the BFD process drop the instance. */
    private boolean bfdKeyword(String name, BfdDraft bfd, ConfigNode item, boolean bfdKeeps, boolean vrrpKeeps) {
        Location at = item.location();
        String prefix = bfdError(name);
        switch (item.keyword()) {
            case "weight" -> {
                if (vrrpKeeps) {
                    bfdWeight(name, bfd, item);
                    vrrpBfds.put(name, new Tracked(name, bfd.weight, bfd.reverse));
                }
            }
            case "vrrp" -> bfd.vrrpEvents = true;
            case "checker" -> bfd.checkerEvents = true;
            default -> {
                if (!bfdKeeps) {
                    return true;
                }
                String word = item.keyword().equals("passive") ? "" : ctx.word(item, 1);
                switch (item.keyword()) {
                    case "neighbor_ip", "neighbour_ip" -> {
                        Optional<InetAddress> address = IpAddresses.parseIgnoringRangeAndMask(word);
                        if (address.isEmpty()) {
                            // keepalived 2.2.7 means to say "neighbour" for neighbour_ip but tests the wrong word
                            error(at, prefix + " has malformed neighbor address " + word + ", ignoring instance");
                            return false;
                        }
                        bfd.neighbor = address.get();
                    }
                    case "source_ip" -> IpAddresses.parseIgnoringRangeAndMask(word).ifPresentOrElse(
                            a -> bfd.source = a,
                            () -> error(at, prefix + " has malformed source address " + word + ", ignoring"));
                    case "min_rx" -> bfd.minRx = bfdInterval(name, "min_rx", item, word, 1).orElse(bfd.minRx);
                    case "min_tx" -> bfd.minTx = bfdInterval(name, "min_tx", item, word, 1).orElse(bfd.minTx);
                    case "idle_tx" -> bfd.idleTx = bfdInterval(name, "idle_tx", item, word, 1000)
                            .orElse(bfd.idleTx);
                    case "multiplier" -> Values.readUnsigned(ctx, at, word, 1, 255, false).ifPresentOrElse(
                            v -> bfd.multiplier = (int) v, () -> error(at, prefix + " multiplier value " + word
                                    + " not valid (must be in range [1-255]), ignoring"));
                    case "passive" -> bfd.passive = true;
                    case "ttl", "hoplimit" -> Values.readUnsigned(ctx, at, word, 1, BFD_TTL_MAX, false)
                            .ifPresentOrElse(v -> bfd.ttl = (int) v, () -> error(at, prefix
                                    + " ttl/hoplimit value " + word + " not valid (must be in range [1-"
                                    + BFD_TTL_MAX + "]), ignoring"));
                    case "max_hops" -> Values.readInt(ctx, at, word, -1, BFD_TTL_MAX, false).ifPresentOrElse(
                            v -> bfd.maxHops = (int) v, () -> error(at, prefix + " max_hops value " + word
                                    + " not valid (must be in range [-1-" + BFD_TTL_MAX + "]), ignoring"));
                    default -> ctx.notActedOn("bfd_instance " + name, item);
                }
            }
        }
        return true;
    }

    private void bfdWeight(String name, BfdDraft bfd, ConfigNode item) {
        Location at = item.location();
        String word = ctx.word(item, 1);
        String prefix = bfdError(name);
        Values.readInt(ctx, at, word, -253, 253, true).ifPresentOrElse(v -> bfd.weight = (int) v,
                () -> error(at, prefix + " weight value " + word + " not valid (must be in range [-253-253]),"
                        + " ignoring"));
        if (item.args().size() >= 2) {
            if (item.args().get(1).equals("reverse")) {
                bfd.reverse = true;
            } else {
                error(at, prefix + " unknown weight option " + item.args().get(1));
            }
        }
    }

    /** min_rx, min_tx, idle_tx: milliseconds with up to 3 decimals, read as microseconds. */
    private OptionalLong bfdInterval(String name, String keyword, ConfigNode item, String word, long minMillis) {
        Location at = item.location();
        OptionalLong micros = Values.readDecimalUnsigned(ctx, at, word, minMillis * 1000,
                BFD_INTERVAL_MAX_MILLIS * 1000, BFD_INTERVAL_DIGITS, false);
        if (micros.isEmpty()) {
            error(at, bfdError(name) + " " + keyword + " value " + word + " is not valid (must be in range ["
                    + minMillis + "-" + BFD_INTERVAL_MAX_MILLIS + "]), ignoring");
        } else if (micros.getAsLong() > BFD_MAX_SENSIBLE_MILLIS * 1000) {
            ctx.report(Severity.OK, at, "Configuration warning: BFD instance " + name + " " + keyword + " value "
                    + word + " is larger than max sensible (" + BFD_MAX_SENSIBLE_MILLIS + ")");
        }
        return micros;
    }

    /** {@code bfd_end_handler}; empty where keepalived disables the instance. */
    private Optional<BfdInstance> completeBfd(String name, BfdDraft bfd, Location at) {
        String prefix = bfdError(name);
        if (bfd.neighbor == null) {
            error(at, prefix + " has no neighbor address set, disabling instance");
            return Optional.empty();
        }
        if (bfd.source != null && IpAddresses.isIpv6(bfd.source) != IpAddresses.isIpv6(bfd.neighbor)) {
            // keepalived 2.2.7 formats both addresses into one static buffer, so the source shows twice
            String source = IpAddresses.format(bfd.source);
            error(at, prefix + " source address " + source + " and neighbor address " + source
                    + " are not of the same family, disabling instance");
            return Optional.empty();
        }
        boolean duplicate = bfdInstances.values().stream().anyMatch(other -> other.neighbor().equals(bfd.neighbor)
                && (other.source().isEmpty() || bfd.source == null || other.source().get().equals(bfd.source)));
        if (duplicate) {
            error(at, bfd.source != null
                    ? prefix + " has duplicate source/neighbor address " + IpAddresses.format(bfd.source) + "/"
                            + IpAddresses.format(bfd.neighbor) + ", ignoring instance"
                    : prefix + " has duplicate neighbor address " + IpAddresses.format(bfd.neighbor)
                            + ", ignoring instance");
            return Optional.empty();
        }
        int ttl = bfd.ttl != 0 ? bfd.ttl : IpAddresses.isIpv6(bfd.neighbor) ? BFD_IPV6_HOPLIMIT : BFD_IPV4_TTL;
        int maxHops = bfd.maxHops;
        if (maxHops > ttl) {
            error(at, "BFD instance " + name + ": max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit");
            maxHops = ttl;
        }
        boolean eventsGiven = bfd.vrrpEvents || bfd.checkerEvents;
        return Optional.of(new BfdInstance(name, bfd.neighbor, Optional.ofNullable(bfd.source), bfd.minRx, bfd.minTx,
                bfd.idleTx, bfd.multiplier, bfd.passive, ttl, maxHops, bfd.weight, bfd.reverse,
                !eventsGiven || bfd.vrrpEvents, !eventsGiven || bfd.checkerEvents));
    }

    // ---- garp_group ----

    /** A garp_group as its handlers fill it in. */
    private static final class GarpDraft {
        OptionalLong garpInterval = OptionalLong.empty();
        OptionalLong gnaInterval = OptionalLong.empty();
        final List<String> interfaces = new ArrayList<>();
        int aggregationGroup;

        GarpGroup group() {
            return new GarpGroup(garpInterval, gnaInterval, interfaces, aggregationGroup);
        }
    }

    private void garpGroup(ConfigNode node) {
        GarpDraft group = new GarpDraft();
        garpGroups.add(group);
        for (ConfigNode item : node.children()) {
            Location at = item.location();
            switch (item.keyword()) {
                case "garp_interval" -> garpInterval(item, "garp_interval").ifPresent(v -> group.garpInterval =
                        OptionalLong.of(v));
                case "gna_interval" -> garpInterval(item, "gna_interval").ifPresent(v -> group.gnaInterval =
                        OptionalLong.of(v));
                case "interface" -> {
                    String ifname = ctx.word(item, 1);
                    if (!interfaceUsable.test(ifname)) {
                        error(at, "WARNING - interface " + ifname + " specified for garp_group doesn't exist");
                    } else if (garpGroupOfInterface.containsKey(ifname)) {
                        error(at, "garp_group already specified for " + ifname + " - ignoring");
                    } else {
                        assignGarpGroup(ifname, group);
                    }
                }
                case "interfaces" -> garpInterfaces(item, group);
                default -> ctx.notActedOn("garp_group", item);
            }
        }
        if (group.garpInterval.isEmpty() && group.gnaInterval.isEmpty()) {
            error(node.location(), "garp group " + group.aggregationGroup + " does not have any delay set - removing");
            garpGroups.remove(group);
            garpGroupOfInterface.values().removeIf(g -> g == group);
        }
    }

    private OptionalLong garpInterval(ConfigNode item, String keyword) {
        String word = ctx.word(item, 1);
        OptionalLong micros = Values.readDecimalUnsigned(ctx, item.location(), word, 0, INT_MAX, Values.TIMER_DIGITS,
                true);
        if (micros.isEmpty()) {
            error(item.location(), "garp_group " + keyword + " '" + word + "' invalid");
        } else if (micros.getAsLong() >= TIMER_HZ) {
            ctx.report(Severity.OK, item.location(), "The " + keyword + " is very large - " + word + " seconds");
        }
        return micros;
    }

    private void garpInterfaces(ConfigNode item, GarpDraft group) {
        Location at = item.location();
        List<String> words = blockWords(item);
        if (words.isEmpty()) {
            error(at, "Warning - empty garp_group interfaces block");
            return;
        }
        group.aggregationGroup = 1 + (int) garpGroups.stream()
                .filter(other -> other != group && other.aggregationGroup != 0).count();
        for (String ifname : words) {
            if (!interfaceUsable.test(ifname)) {
                error(at, "WARNING - interface " + ifname + " specified for garp_group doesn't exist");
            } else if (garpGroupOfInterface.containsKey(ifname)) {
                // keepalived 2.2.7 names the block's second word here, whichever interface it is
                ConfigNode block = new ConfigNode(words.get(0), words.subList(1, words.size()), at, item.text(),
                        List.of());
                error(at, "garp_group already specified for " + ctx.word(block, 1) + " - ignoring");
            } else {
                assignGarpGroup(ifname, group);
            }
        }
    }

    private void assignGarpGroup(String ifname, GarpDraft group) {
        garpGroupOfInterface.put(ifname, group);
        group.interfaces.add(ifname);
    }

    // ---- track_group ----

    private void trackGroup(ConfigNode node) {
        Location at = node.location();
        if (node.args().size() != 1) {
            error(at, "track_group must have a name - skipping");
            return;
        }
        String name = node.args().get(0);
        if (trackGroups.containsKey(name)) {
            error(at, "track_group " + name + " already defined");
            return;
        }
        List<String> members = null;
        for (ConfigNode item : node.children()) {
            if (!item.keyword().equals("group")) {
                ctx.notActedOn("track_group " + name, item);
            } else if (members != null) {
                // keepalived 2.2.7 calls it a sync group here
                error(item.location(), "Group list already specified for sync group " + name);
            } else {
                List<String> words = blockWords(item);
                if (words.isEmpty()) {
                    error(item.location(), "Warning - track group " + name + " has empty group block");
                } else {
                    members = words;
                }
            }
        }
        trackGroups.put(name, new TrackGroup(name, members == null ? List.of() : members));
    }

    // ---- linkbeat_interfaces, interface_up_down_delays ----

    /** {@code if_get_by_ifname(name, dynamic_interfaces)}: an unknown interface is fatal unless dynamic. */
    private boolean knownInterface(ConfigNode line, String what) {
        if (dynamicInterfaces || ctx.host().interfaceExists(line.keyword())) {
            return true;
        }
        ctx.report(Severity.FATAL, line.location(), "unknown interface " + line.keyword() + " specified for " + what);
        return false;
    }

    private void linkbeatInterface(ConfigNode line) {
        if (!knownInterface(line, "linkbeat interface")) {
            return;
        }
        Optional<String> method = Optional.empty();
        if (!line.args().isEmpty()) {
            String word = line.args().get(0);
            boolean known = List.of("MII", "ETHTOOL", "IOCTL").contains(word);
            method = known ? Optional.of(word) : method;
            if (!known || line.args().size() > 1) {
                error(line.location(), "extra characters " + word + " in linkbeat interface");
            }
        }
        InterfaceTiming old = timing(line.keyword());
        interfaceTimings.put(line.keyword(), new InterfaceTiming(old.interfaceName(), true, method,
                old.downDelayMicros(), old.upDelayMicros()));
    }

    private void upDownDelay(ConfigNode line) {
        if (!knownInterface(line, "up/down delay")) {
            return;
        }
        String ifname = line.keyword();
        Location at = line.location();
        List<String> args = line.args();
        if (args.isEmpty()) {
            ctx.report(Severity.OK, at, "No timeouts specified for " + ifname + " up/down delays");
            return;
        }
        if (args.size() > 2) {
            ctx.report(Severity.OK, at, "Too many parameters for " + ifname + " up/down delays");
        }
        OptionalLong down = Values.readTimerMicros(ctx, at, args.get(0), 0, 255 * TIMER_HZ, true);
        if (down.isEmpty()) {
            ctx.report(Severity.OK, at, "Invalid down delay " + args.get(0) + " for " + ifname);
            return;
        }
        OptionalLong up = args.size() == 1 ? OptionalLong.of(0)
                : Values.readTimerMicros(ctx, at, args.get(1), 0, 255 * TIMER_HZ, true);
        if (up.isEmpty()) {
            ctx.report(Severity.OK, at, "Invalid up delay " + args.get(1) + " for " + ifname);
            return;
        }
        InterfaceTiming old = timing(ifname);
        interfaceTimings.put(ifname, new InterfaceTiming(ifname, old.linkbeat(), old.linkbeatMethod(),
                down.getAsLong(), up.getAsLong()));
    }

    private InterfaceTiming timing(String ifname) {
        return interfaceTimings.getOrDefault(ifname, new InterfaceTiming(ifname, false, Optional.empty(), 0, 0));
    }

    // ---- references from instances and sync groups ----

    /** What an instance or sync group can track by name, with each kind's wording in keepalived 2.2.7. */
    enum Kind {
        FILE("track file", "track_file", "track file", 254),
        PROCESS("track process", "track_process", "track_process", 254),
        BFD("track bfd", "track_bfd", "track bfd", 253);

        private final String label;
        private final String keyword;
        private final String weightOptionLabel;
        private final int maxWeight;

        Kind(String label, String keyword, String weightOptionLabel, int maxWeight) {
            this.label = label;
            this.keyword = keyword;
            this.weightOptionLabel = weightOptionLabel;
            this.maxWeight = maxWeight;
        }
    }

    /** One line of a {@code track_file}, {@code track_process} or {@code track_bfd} block of {@code owner}. */
    void trackReference(Kind kind, String owner, ConfigNode line, List<Tracked> target) {
        Location at = line.location();
        String name = line.keyword();
        Optional<Tracked> defaults = switch (kind) {
            case FILE -> Optional.ofNullable(trackFiles.get(name)).map(f -> new Tracked(name, f.weight(),
                    f.weightReverse()));
            case PROCESS -> Optional.ofNullable(processes.get(name)).map(p -> new Tracked(name, p.weight(),
                    p.weightReverse()));
            case BFD -> Optional.ofNullable(vrrpBfds.get(name));
        };
        String tag = "(" + owner + ") ";
        if (defaults.isEmpty()) {
            error(at, tag + kind.label + " " + name + " not found, ignoring...");
            return;
        }
        if (target.stream().anyMatch(t -> t.name().equals(name))) {
            error(at, tag + "duplicate " + kind.keyword + " " + name + " - ignoring");
            return;
        }
        int weight = defaults.get().weight();
        boolean reverse = defaults.get().reverse();
        List<String> options = line.args();
        if (!options.isEmpty()) {
            if (!options.get(0).equals("weight")) {
                error(at, tag + "unknown " + kind.label + (kind == Kind.BFD ? " " + name : "") + " option "
                        + options.get(0) + " - ignoring");
                return;
            }
            if (options.size() == 1) {
                error(at, tag + "weight without value specified for " + kind.label + " " + name + " - ignoring");
                return;
            }
            OptionalLong value = Values.readInt(ctx, at, options.get(1), -kind.maxWeight, kind.maxWeight, true);
            if (value.isEmpty()) {
                error(at, tag + "weight for " + kind.label + " " + name + " must be in [-" + kind.maxWeight + ".."
                        + kind.maxWeight + "] inclusive. Ignoring...");
            }
            weight = (int) value.orElse(weight);
            if (options.size() >= 3) {
                String option = options.get(2);
                if (option.equals("reverse") || option.equals("noreverse")) {
                    reverse = option.equals("reverse");
                } else {
                    error(at, tag + "unknown " + kind.weightOptionLabel + " " + name + " weight option " + option
                            + " - ignoring");
                    if (kind != Kind.PROCESS) {
                        return;
                    }
                }
            }
        }
        target.add(new Tracked(name, weight, reverse));
    }

    /** keepalived's {@code read_value_block}: every word of every line of a block. */
    private static List<String> blockWords(ConfigNode block) {
        List<String> words = new ArrayList<>();
        for (ConfigNode line : block.children()) {
            words.add(line.keyword());
            words.addAll(line.args());
        }
        return words;
    }

    private static String bfdError(String name) {
        return "Configuration error: BFD instance " + name;
    }

    private void error(Location at, String message) {
        ctx.report(Severity.GENERAL_ERROR, at, message);
    }
}
