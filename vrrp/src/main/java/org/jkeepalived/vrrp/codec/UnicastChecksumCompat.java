package org.jkeepalived.vrrp.codec;

/**
 * keepalived's VRRPv3 unicast checksum mode ({@code unicast_chksum_compat}). keepalived before 1.3.6 put the
 * multicast group rather than the peer into the pseudo-header of unicast adverts.
 */
public enum UnicastChecksumCompat {
    /** Standard checksum; switch to the old one the first time a peer's advert only passes with it. */
    NONE,
    /** {@code old_unicast_checksum never}: standard checksum, never switch. */
    NEVER,
    /** {@code old_unicast_checksum}: the old checksum. */
    CONFIG,
    /** The old checksum, switched to after a peer's advert carried it. */
    AUTO;

    /** The pseudo-header names the multicast group instead of the destination. */
    public boolean usesMulticastGroup() {
        return this == CONFIG || this == AUTO;
    }
}
