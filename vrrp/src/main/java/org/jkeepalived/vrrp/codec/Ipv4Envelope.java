package org.jkeepalived.vrrp.codec;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What keepalived puts around a VRRP message it sends over IPv4, where it builds the IP header itself
 * ({@code vrrp_build_ip4}): TOS 0xc0, no fragmentation flags, protocol 112, or 51 with an AH header.
 *
 * @param source                  {@code unicast_src_ip} / {@code mcast_src_ip} or the interface's primary address
 * @param destination             the multicast group or the unicast peer this copy goes to
 * @param ttl                     255, or {@code unicast_ttl}
 * @param identification          the IP ID: keepalived counts it per advert from 1, skipping 0 when it wraps
 * @param pseudoHeaderDestination the destination in the VRRPv3 checksum's pseudo-header: {@code destination}, except
 *                                the multicast group for a unicast instance in keepalived's pre-1.3.6 checksum mode
 * @param authHeader              present for {@code auth_type AH}
 */
public record Ipv4Envelope(Inet4Address source, Inet4Address destination, int ttl, int identification,
                           Inet4Address pseudoHeaderDestination, Optional<AuthHeaderSigning> authHeader) {

    public Ipv4Envelope {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(pseudoHeaderDestination, "pseudoHeaderDestination");
        Objects.requireNonNull(authHeader, "authHeader");
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("ttl: " + ttl + " (expected 0..255)");
        }
        if (identification < 0 || identification > 0xffff) {
            throw new IllegalArgumentException("identification: " + identification + " (expected 0..65535)");
        }
    }

    /** The usual envelope: no AH, the pseudo-header names the real destination. */
    public static Ipv4Envelope of(Inet4Address source, Inet4Address destination, int ttl, int identification) {
        return new Ipv4Envelope(source, destination, ttl, identification, destination, Optional.empty());
    }

    public Ipv4Envelope withAuthHeader(AuthHeaderSigning signing) {
        return new Ipv4Envelope(source, destination, ttl, identification, pseudoHeaderDestination,
                Optional.of(signing));
    }

    public Ipv4Envelope withPseudoHeaderDestination(Inet4Address address) {
        return new Ipv4Envelope(source, destination, ttl, identification, address, authHeader);
    }

    /**
     * The IPsec AH header keepalived adds for {@code auth_type AH} (RFC 2402 layout, SPI = the source address).
     *
     * @param key            the 8-byte NUL-padded {@code auth_pass}, the HMAC-MD5 key
     * @param sequenceNumber the AH sequence number, counted per advert from 1
     * @param unicast        a unicast instance also leaves the TTL out of the ICV
     */
    public record AuthHeaderSigning(byte[] key, long sequenceNumber, boolean unicast) {
        public AuthHeaderSigning {
            if (key.length != AuthType.AUTH_DATA_BYTES) {
                throw new IllegalArgumentException("key: " + key.length + " bytes (expected "
                        + AuthType.AUTH_DATA_BYTES + ")");
            }
            if (sequenceNumber < 0 || sequenceNumber > 0xffffffffL) {
                throw new IllegalArgumentException("sequenceNumber: " + sequenceNumber + " (expected 0..4294967295)");
            }
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AuthHeaderSigning that && Arrays.equals(key, that.key)
                    && sequenceNumber == that.sequenceNumber && unicast == that.unicast;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(key), sequenceNumber, unicast);
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "AuthHeaderSigning[sequenceNumber=" + sequenceNumber + ", unicast=" + unicast + "]";
        }
    }
}
