package org.jkeepalived.config.vrrp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.jkeepalived.config.value.IpAddresses;

/**
 * A {@code bfd_instance} as keepalived 2.2.7's BFD process keeps it (instances it disables are absent).
 *
 * @param neighbor         {@code neighbor_ip} / {@code neighbour_ip}
 * @param source           {@code source_ip}, same family as the neighbour
 * @param minRxMicros      {@code min_rx} (milliseconds in the config), default 10ms
 * @param minTxMicros      {@code min_tx}, default 10ms
 * @param idleTxMicros     {@code idle_tx}, default 1s
 * @param multiplier       {@code multiplier}, 1..255, default 5
 * @param ttl              {@code ttl} / {@code hoplimit}, default 255 for IPv4 and 64 for IPv6
 * @param maxHops          {@code max_hops}, -1..ttl, default 0
 * @param weight           {@code weight} for tracking VRRP instances, -253..253, default 0
 * @param forVrrp          the VRRP process tracks it ({@code vrrp}, or neither {@code vrrp} nor {@code checker})
 * @param forChecker       the checker process tracks it ({@code checker}, or neither)
 */
public record BfdInstance(String name, InetAddress neighbor, Optional<InetAddress> source, long minRxMicros,
                          long minTxMicros, long idleTxMicros, int multiplier, boolean passive, int ttl, int maxHops,
                          int weight, boolean weightReverse, boolean forVrrp, boolean forChecker) {

    public static final long MIN_RX_DEFAULT_MICROS = 10_000;
    public static final long MIN_TX_DEFAULT_MICROS = 10_000;
    public static final long IDLE_TX_DEFAULT_MICROS = 1_000_000;
    public static final int MULTIPLIER_DEFAULT = 5;

    public BfdInstance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(neighbor, "neighbor");
        if (source.isPresent() && IpAddresses.isIpv6(source.get()) != IpAddresses.isIpv6(neighbor)) {
            throw new IllegalArgumentException("source: " + source.get() + " (expected the family of " + neighbor
                    + ")");
        }
        if (multiplier < 1 || multiplier > 255) {
            throw new IllegalArgumentException("multiplier: " + multiplier + " (expected 1..255)");
        }
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected 1..255)");
        }
        if (maxHops < -1 || maxHops > ttl) {
            throw new IllegalArgumentException("maxHops: " + maxHops + " (expected -1.." + ttl + ")");
        }
        if (weight < -253 || weight > 253) {
            throw new IllegalArgumentException("weight: " + weight + " (expected -253..253)");
        }
    }
}
