package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One line of virtual_routes / static_routes as keepalived 2.2.7's {@code alloc_route} reads it, in the terms of an
 * rtnetlink RTM_NEWROUTE: numbers are the kernel's (RTN_*, RTPROT_*, RT_SCOPE_*, RTAX_* units).
 *
 * @param type          RTN_* (1, unicast, unless a type word leads the destination)
 * @param fromPrefix    {@code from} (IPv6 source-specific routes only)
 * @param preferredSource {@code src}
 * @param device        {@code dev} / {@code oif}
 * @param table         {@code table} or the VRF's table; 254 (main) by default
 * @param protocol      RTPROT_*; 18 (keepalived) for a tracked route
 * @param scope         RT_SCOPE_*, when given
 * @param metric        {@code metric} / {@code priority} / {@code preference}
 * @param tos           {@code tos} / {@code dsfield}
 * @param metrics       RTAX values: rtt in 1/8 ms, rttvar in 1/4 ms, rto_min in ms, as the kernel takes them
 * @param lockedMetrics metrics given with {@code lock}
 * @param routerPreference {@code pref} (IPv6 router preference: 3 low, 0 medium, 1 high, or a number)
 * @param realms        {@code FROM << 16 | TO}
 * @param nexthops      {@code nexthop ...} groups, or the two addresses of the deprecated {@code or}
 * @param tracked       keepalived watches the route (not {@code no_track}, and it has an interface)
 * @param trackGroup    {@code track_group} (static routes only)
 * @param words         the whole line
 */
public record IpRoute(IpFamily family, int type, IpPrefix destination, Optional<IpPrefix> fromPrefix,
                      Optional<InetAddress> preferredSource, Optional<InetAddress> via, Optional<String> device,
                      long table, OptionalInt protocol, OptionalInt scope, OptionalLong metric, OptionalInt tos,
                      boolean onlink, Map<Metric, Long> metrics, Set<Metric> lockedMetrics, boolean ecn,
                      Optional<String> congestionControl, OptionalInt routerPreference,
                      Optional<Boolean> ttlPropagate, OptionalLong expiresSecs, OptionalLong realms,
                      Optional<RouteEncap> encap, List<Nexthop> nexthops, AddMode mode, boolean tracked,
                      Optional<String> trackGroup, List<String> words) {

    public static final int RTN_UNICAST = 1;
    public static final long RT_TABLE_MAIN = 254;
    public static final int RTPROT_KEEPALIVED = 18;

    /** Route metrics (RTAX_*), by their kernel attribute number. */
    public enum Metric {
        MTU(2), WINDOW(3), RTT(4), RTTVAR(5), SSTHRESH(6), CWND(7), ADVMSS(8), REORDERING(9), HOPLIMIT(10),
        INITCWND(11), RTO_MIN(13), INITRWND(14), QUICKACK(15), CC_ALGO(16), FASTOPEN_NO_COOKIE(17);

        private final int rtax;

        Metric(int rtax) {
            this.rtax = rtax;
        }

        public int rtax() {
            return rtax;
        }
    }

    /** {@code prepend} (keepalived's default: NLM_F_CREATE only), {@code add} (also EXCL), {@code append}. */
    public enum AddMode { PREPEND, ADD, APPEND }

    public IpRoute {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(mode, "mode");
        if (type < 0 || type > 255) {
            throw new IllegalArgumentException("type: " + type + " (expected 0..255)");
        }
        if (table < 0 || table > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("table: " + table + " (expected 0..4294967295)");
        }
        metrics = Map.copyOf(metrics);
        lockedMetrics = Set.copyOf(lockedMetrics);
        nexthops = List.copyOf(nexthops);
        words = List.copyOf(words);
    }
}
