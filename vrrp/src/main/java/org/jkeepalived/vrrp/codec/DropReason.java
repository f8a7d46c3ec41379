package org.jkeepalived.vrrp.codec;

import java.util.Optional;

/**
 * Why an advert was dropped, in the order keepalived 2.2.7 checks ({@code vrrp_get_header}, the dispatcher's VRID
 * lookup, {@code vrrp_check_packet}), with the counter keepalived increments.
 */
public enum DropReason {
    /** Shorter than the IP, AH and VRRP headers: dropped before the VRID is known. */
    TOO_SHORT(null, false),
    /** No instance with this VRID on the socket; keepalived logs it only with {@code log_unknown_vrids}. */
    UNKNOWN_VRID(null, false),
    /** An AH header without {@code auth_type AH}, or the reverse. */
    AH_PRESENCE_MISMATCH(StatsCounter.AUTH_TYPE_MISMATCH, false),
    /** The length differs from the one the address count implies. */
    LENGTH(StatsCounter.PACKET_LENGTH, false),
    /** A multicast advert whose TTL / hop limit is not 255. */
    TTL(StatsCounter.IP_TTL, false),
    VERSION(StatsCounter.VERSION_ERROR, false),
    /** A VRRPv2 auth type other than 0, 1, 2. */
    INVALID_AUTH_TYPE(StatsCounter.INVALID_AUTH_TYPE, false),
    AUTH_TYPE_MISMATCH(StatsCounter.AUTH_TYPE_MISMATCH, false),
    PASSWORD(StatsCounter.AUTH_FAILURE, false),
    /** An AH header protecting something other than VRRP: dropped silently. */
    AH_NOT_VRRP(null, false),
    AH_ICV(StatsCounter.AUTH_FAILURE, false),
    AH_SPI(StatsCounter.AUTH_FAILURE, false),
    AH_SEQUENCE(StatsCounter.AUTH_FAILURE, false),
    /** A VRRPv2 advert interval other than ours; keepalived 2.2.7 never counts it in "Advertisement Interval". */
    ADVERT_INTERVAL(null, false),
    INVALID_TYPE(StatsCounter.INVALID_TYPE, false),
    ADDRESS_COUNT(StatsCounter.ADDRESS_LIST, false),
    /** The IPv4 header's total length differs from the bytes received. */
    IP_TOTAL_LENGTH(StatsCounter.PACKET_LENGTH, false),
    CHECKSUM(StatsCounter.CHECKSUM_ERROR, false),
    /** A multicast advert on a unicast instance or the reverse. */
    CAST_MISMATCH(StatsCounter.ADDRESS_LIST, false),
    /** One of our virtual addresses is not in the advert. */
    ADDRESS_MISSING(StatsCounter.ADDRESS_LIST, true),
    UNICAST_SOURCE_NOT_PEER(null, true),
    PEER_TTL_OUT_OF_RANGE(StatsCounter.IP_TTL, true);

    private final StatsCounter counter;
    private final boolean countedAsReceived;

    DropReason(StatsCounter counter, boolean countedAsReceived) {
        this.counter = counter;
        this.countedAsReceived = countedAsReceived;
    }

    /** The error counter keepalived increments, if any. */
    public Optional<StatsCounter> counter() {
        return Optional.ofNullable(counter);
    }

    /** keepalived counted the advert as received ({@code advert_rcvd}) before it found this fault. */
    public boolean countedAsReceived() {
        return countedAsReceived;
    }
}
