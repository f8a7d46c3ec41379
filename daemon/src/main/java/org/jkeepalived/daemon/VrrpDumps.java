package org.jkeepalived.daemon;

import java.net.Inet6Address;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.vrrp.VirtualAddress;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.codec.DropReason;
import org.jkeepalived.vrrp.codec.StatsCounter;
import org.jkeepalived.vrrp.engine.InstanceSnapshot;

/**
 * The text of keepalived 2.2.7's VRRP dumps: {@code keepalived.stats} (SIGUSR2) and {@code keepalived.json}
 * (SIGRTMIN+2) field for field, {@code keepalived.data} (SIGUSR1) in keepalived's layout with the lines jkeepalived
 * knows.
 */
final class VrrpDumps {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final DateTimeFormatter CTIME_MICROS =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss.SSSSSS yyyy", Locale.ROOT);

    /**
     * How the loop's monotonic clock maps to the wall clock, both read at the dump.
     *
     * @param nowNs          the loop clock now
     * @param nowEpochMicros the wall clock now
     */
    record TimeBase(long nowNs, long nowEpochMicros, ZoneId zone) {
        long epochMicros(long loopNs) {
            return nowEpochMicros - (nowNs - loopNs) / NANOS_PER_MICRO;
        }
    }

    private VrrpDumps() {
    }

    /** keepalived's {@code vrrp_print_stats}. */
    static String stats(List<InstanceSnapshot> instances) {
        StringBuilder out = new StringBuilder();
        for (InstanceSnapshot instance : instances) {
            Map<StatsCounter, Long> errors = errorCounters(instance.drops());
            InstanceSnapshot.Counters counters = instance.counters();
            out.append("VRRP Instance: ").append(instance.config().name()).append('\n')
                    .append("  Advertisements:\n")
                    .append("    Received: ").append(counters.advertsReceived()).append('\n')
                    .append("    Sent: ").append(counters.advertsSent()).append('\n')
                    .append("  Became master: ").append(counters.becameMaster()).append('\n')
                    .append("  Released master: ").append(counters.releasedMaster()).append('\n')
                    .append("  Packet Errors:\n")
                    .append("    Length: ").append(errors.get(StatsCounter.PACKET_LENGTH)).append('\n')
                    .append("    TTL: ").append(errors.get(StatsCounter.IP_TTL)).append('\n')
                    .append("    Invalid Type: ").append(errors.get(StatsCounter.INVALID_TYPE)).append('\n')
                    // keepalived 2.2.7 never increments advert_interval_err
                    .append("    Advertisement Interval: 0\n")
                    .append("    Address List: ").append(errors.get(StatsCounter.ADDRESS_LIST)).append('\n')
                    .append("  Authentication Errors:\n")
                    .append("    Invalid Type: ").append(errors.get(StatsCounter.INVALID_AUTH_TYPE)).append('\n')
                    .append("    Type Mismatch: ").append(errors.get(StatsCounter.AUTH_TYPE_MISMATCH)).append('\n')
                    .append("    Failure: ").append(errors.get(StatsCounter.AUTH_FAILURE)).append('\n')
                    .append("  Priority Zero:\n")
                    .append("    Received: ").append(counters.priorityZeroReceived()).append('\n')
                    .append("    Sent: ").append(counters.priorityZeroSent()).append('\n');
        }
        return out.toString();
    }

    /** keepalived's {@code vrrp_print_json}: an array of {@code {"data":{...},"stats":{...}}}, then a newline. */
    static String json(List<InstanceSnapshot> instances, TimeBase time) {
        JsonWriter json = new JsonWriter().startArray();
        for (InstanceSnapshot instance : instances) {
            VrrpInstance config = instance.config();
            json.startObject().name("data").startObject()
                    .field("iname", config.name())
                    .field("dont_track_primary", 0)
                    .field("skip_check_adv_addr", config.skipCheckAdvAddr() ? 1 : 0)
                    .field("strict_mode", config.strictMode() ? 1 : 0)
                    .field("vmac_ifname", "");
            config.interfaceName().ifPresent(name -> json.field("ifp_ifname", name));
            json.field("master_priority", instance.masterPriority())
                    .fixedField("last_transition",
                            (double) time.epochMicros(instance.lastTransitionNs()) / MICROS_PER_SECOND)
                    .floatField("garp_delay", config.garp().masterDelaySecs())
                    .field("garp_refresh", config.garp().masterRefreshSecs())
                    .field("garp_rep", config.garp().masterRepeat())
                    .field("garp_refresh_rep", config.garp().masterRefreshRepeat())
                    .field("garp_lower_prio_delay", config.garp().lowerPrioDelaySecs()
                            .orElse(config.garp().masterDelaySecs()))
                    .field("garp_lower_prio_rep", config.garp().lowerPrioRepeat().orElse(config.garp().masterRepeat()))
                    .field("lower_prio_no_advert", config.lowerPrioNoAdvert() ? 1 : 0)
                    .field("higher_prio_send_advert", config.higherPrioSendAdvert() ? 1 : 0)
                    .field("vrid", config.virtualRouterId())
                    .field("base_priority", config.priority())
                    .field("effective_priority", instance.effectivePriority())
                    .field("vipset", instance.addressesSet())
                    .field("promote_secondaries", false)
                    .floatField("adver_int", (double) config.advertIntervalMicros() / MICROS_PER_SECOND)
                    .floatField("master_adver_int", (double) config.advertIntervalMicros() / MICROS_PER_SECOND)
                    .field("accept", config.accept() ? 1 : 0)
                    .field("nopreempt", config.nopreempt())
                    .field("preempt_delay", config.preemptDelayMicros() / MICROS_PER_SECOND)
                    .field("state", instance.state().code())
                    .field("wantstate", instance.state().code())
                    .field("version", config.version())
                    .field("smtp_alert", false)
                    .field("notify_deleted", false)
                    .stringArray("vips", addresses(config.virtualAddresses(), instance))
                    .stringArray("evips", addresses(config.excludedAddresses(), instance))
                    .stringArray("track_ifp", config.tracking().interfaces().stream().map(t -> t.name()).toList())
                    .field("auth_type", authType(config));
            config.authentication().ifPresent(auth -> json.field("auth_data", auth.password()));
            json.endObject();
            Map<StatsCounter, Long> errors = errorCounters(instance.drops());
            InstanceSnapshot.Counters counters = instance.counters();
            json.name("stats").startObject()
                    .field("advert_rcvd", counters.advertsReceived())
                    .field("advert_sent", counters.advertsSent())
                    .field("become_master", counters.becameMaster())
                    .field("release_master", counters.releasedMaster())
                    .field("packet_len_err", errors.get(StatsCounter.PACKET_LENGTH))
                    .field("advert_interval_err", 0)
                    .field("ip_ttl_err", errors.get(StatsCounter.IP_TTL))
                    .field("invalid_type_rcvd", errors.get(StatsCounter.INVALID_TYPE))
                    .field("addr_list_err", errors.get(StatsCounter.ADDRESS_LIST))
                    .field("invalid_authtype", errors.get(StatsCounter.INVALID_AUTH_TYPE))
                    .field("authtype_mismatch", errors.get(StatsCounter.AUTH_TYPE_MISMATCH))
                    .field("auth_failure", errors.get(StatsCounter.AUTH_FAILURE))
                    .field("pri_zero_rcvd", counters.priorityZeroReceived())
                    .field("pri_zero_sent", counters.priorityZeroSent())
                    .endObject().endObject();
        }
        return json.endArray().text() + "\n";
    }

    /** keepalived's {@code dump_data_vrrp} layout: global definitions, then the VRRP topology. */
    static String data(GlobalDefs global, List<InstanceSnapshot> instances, TimeBase time, int umask) {
        StringBuilder out = new StringBuilder("------< Global definitions >------\n");
        line(out, 1, "Router ID = " + global.routerId());
        line(out, 1, "VRRP IPv4 mcast group = " + global.vrrpMcastGroup4());
        line(out, 1, "VRRP IPv6 mcast group = " + global.vrrpMcastGroup6());
        line(out, 1, "Gratuitous ARP delay = " + global.garp().masterDelaySecs());
        line(out, 1, "Gratuitous ARP repeat = " + global.garp().masterRepeat());
        line(out, 1, "Gratuitous ARP refresh timer = " + global.garp().masterRefreshSecs());
        line(out, 1, "Gratuitous ARP refresh repeat = " + global.garp().masterRefreshRepeat());
        line(out, 1, "Num adverts before down = " + global.garp().downTimerAdverts());
        line(out, 1, "VRRP default protocol version = " + global.vrrpVersion());
        line(out, 1, "VRRP check unicast_src = " + global.vrrpCheckUnicastSrc());
        line(out, 1, "VRRP skip check advert addresses = " + global.vrrpSkipCheckAdvAddr());
        line(out, 1, "VRRP strict mode = " + global.vrrpStrict());
        line(out, 1, "Script security " + (global.enableScriptSecurity() ? "enabled" : "disabled"));
        line(out, 1, String.format(Locale.ROOT, "umask = 0%o", umask));
        out.append("------< VRRP Topology >------\n");
        for (InstanceSnapshot instance : instances) {
            VrrpInstance config = instance.config();
            line(out, 1, "VRRP Instance = " + config.name());
            line(out, 3, "VRRP Version = " + config.version());
            line(out, 3, "State = " + instance.state());
            line(out, 3, "Wantstate = " + instance.state());
            line(out, 3, "Last transition = " + timestamp(time, instance.lastTransitionNs()));
            config.interfaceName().ifPresent(name -> line(out, 3, "Interface = " + name));
            instance.sourceAddress().ifPresent(address -> line(out, 3, "Using src_ip = "
                    + address.getHostAddress()));
            instance.masterAddress().ifPresent(address -> line(out, 3, "Master router = "
                    + address.getHostAddress()));
            line(out, 3, "Master priority = " + instance.masterPriority());
            line(out, 3, "Gratuitous ARP delay = " + config.garp().masterDelaySecs());
            line(out, 3, "Gratuitous ARP repeat = " + config.garp().masterRepeat());
            line(out, 3, "Down timer adverts = " + config.downTimerAdverts());
            line(out, 3, "Virtual Router ID = " + config.virtualRouterId());
            line(out, 3, "Priority = " + config.priority());
            line(out, 3, "Effective priority = " + instance.effectivePriority());
            line(out, 3, "Advert interval = " + advertInterval(config));
            line(out, 3, "Accept = " + (config.accept() ? "enabled" : "disabled"));
            line(out, 3, "Preempt = " + (config.nopreempt() ? "disabled" : "enabled"));
            if (config.preemptDelayMicros() > 0) {
                line(out, 3, "Preempt delay = " + config.preemptDelayMicros() / MICROS_PER_SECOND + " secs");
            }
            line(out, 3, "Authentication type = " + switch (authType(config)) {
                case 1 -> "SIMPLE_PASSWORD";
                case 2 -> "IPSEC_AH";
                default -> "none";
            });
            addressList(out, "Virtual IP", config.virtualAddresses(), instance);
            addressList(out, "Virtual IP Excluded", config.excludedAddresses(), instance);
            if (!config.unicastPeers().isEmpty()) {
                line(out, 3, "Unicast Peer = " + config.unicastPeers().size());
                config.unicastPeers().forEach(peer -> line(out, 5, peer.address().getHostAddress()));
            }
        }
        return out.toString();
    }

    private static void addressList(StringBuilder out, String title, List<VirtualAddress> addresses,
                                    InstanceSnapshot instance) {
        if (addresses.isEmpty()) {
            return;
        }
        line(out, 3, title + " (" + addresses.size() + "):");
        addresses(addresses, instance).forEach(address -> line(out, 5, address));
    }

    private static String advertInterval(VrrpInstance config) {
        long micros = config.advertIntervalMicros();
        return micros % MICROS_PER_SECOND == 0 ? micros / MICROS_PER_SECOND + " sec"
                : micros / 1_000 + " milli-sec";
    }

    private static String timestamp(TimeBase time, long loopNs) {
        long micros = time.epochMicros(loopNs);
        Instant instant = Instant.ofEpochSecond(micros / MICROS_PER_SECOND, micros % MICROS_PER_SECOND * 1_000);
        return String.format(Locale.ROOT, "%d.%06d (%s)", micros / MICROS_PER_SECOND, micros % MICROS_PER_SECOND,
                CTIME_MICROS.format(instant.atZone(time.zone())));
    }

    private static void line(StringBuilder out, int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }

    /** keepalived's {@code format_ipaddress}, for the addresses jkeepalived can hold. */
    private static List<String> addresses(List<VirtualAddress> addresses, InstanceSnapshot instance) {
        return addresses.stream().map(address -> {
            StringBuilder text = new StringBuilder(address.address().getHostAddress())
                    .append('/').append(address.prefixLength());
            address.broadcast().ifPresent(broadcast -> text.append(" brd ").append(broadcast.getHostAddress()));
            text.append(" dev ").append(address.device().or(instance.config()::interfaceName).orElse("(null)"));
            text.append(" scope ").append(scopeName(address.scope().orElse(0)));
            address.label().ifPresent(label -> text.append(" label ").append(label));
            if (address.address() instanceof Inet6Address) {
                text.append(" preferred_lft forever");
            }
            if (instance.addressesSet()) {
                text.append(" set");
            }
            return text.toString();
        }).toList();
    }

    /** iproute2's rt_scopes names, which keepalived prints. */
    private static String scopeName(int scope) {
        return switch (scope) {
            case 0 -> "global";
            case 200 -> "site";
            case 253 -> "link";
            case 254 -> "host";
            case 255 -> "nowhere";
            default -> Integer.toString(scope);
        };
    }

    private static int authType(VrrpInstance config) {
        return config.authentication().map(auth -> auth.type() == VrrpInstance.AuthType.AH ? 2 : 1).orElse(0);
    }

    /** keepalived's error counters from the drop reasons; every counter present, zero by default. */
    private static Map<StatsCounter, Long> errorCounters(Map<DropReason, Long> drops) {
        Map<StatsCounter, Long> errors = new EnumMap<>(StatsCounter.class);
        for (StatsCounter counter : StatsCounter.values()) {
            errors.put(counter, 0L);
        }
        drops.forEach((reason, count) -> reason.counter().ifPresent(counter -> errors.merge(counter, count,
                Long::sum)));
        return errors;
    }
}
