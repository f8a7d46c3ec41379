package org.jkeepalived.vrrp.codec;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP advertisement as it travels: the VRRP message without its checksum, which the encoder computes.
 *
 * @param version                 VRRPv2 or VRRPv3
 * @param family                  the family of the addresses (VRRPv2 over IPv6 is keepalived's non-standard variant
 *                                without authentication data)
 * @param virtualRouterId         VRID, 1..255
 * @param priority                0 (the master is stopping) .. 255 (address owner)
 * @param authType                VRRPv2 authentication type; {@link AuthType#NONE} for VRRPv3
 * @param maxAdvertIntervalCentis the advert interval; VRRPv2 carries whole seconds, so a multiple of 100
 * @param addresses               the virtual addresses of {@code family}, at most 255
 * @param authData                the 8 authentication bytes of a VRRPv2 IPv4 advert (the NUL-padded password for
 *                                PASS, zeros otherwise); empty for every other kind of advert
 */
public record VrrpAdvert(VrrpVersion version, AddressFamily family, int virtualRouterId, int priority,
                         AuthType authType, int maxAdvertIntervalCentis, List<InetAddress> addresses,
                         byte[] authData) {

    /** Type 1, the only VRRP packet type. */
    public static final int TYPE_ADVERTISEMENT = 1;
    /** Version/type, VRID, priority, count, auth type + interval (or v3 interval), checksum. */
    public static final int HEADER_BYTES = 8;
    public static final int CENTIS_PER_SECOND = 100;
    private static final int MAX_V2_INTERVAL_SECS = 255;
    private static final int MAX_V3_INTERVAL_CENTIS = 0x0fff;
    private static final int MAX_ADDRESSES = 255;

    public VrrpAdvert {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(authType, "authType");
        requireRange("virtualRouterId", virtualRouterId, 1, 255);
        requireRange("priority", priority, 0, 255);
        addresses = List.copyOf(addresses);
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("addresses: " + addresses.size() + " (expected 0.." + MAX_ADDRESSES
                    + ")");
        }
        for (InetAddress address : addresses) {
            if (!family.holds(address)) {
                throw new IllegalArgumentException("addresses: " + address + " (expected " + family + ")");
            }
        }
        if (version == VrrpVersion.V2) {
            requireRange("maxAdvertIntervalCentis", maxAdvertIntervalCentis, 0,
                    MAX_V2_INTERVAL_SECS * CENTIS_PER_SECOND);
            if (maxAdvertIntervalCentis % CENTIS_PER_SECOND != 0) {
                throw new IllegalArgumentException("maxAdvertIntervalCentis: " + maxAdvertIntervalCentis
                        + " (expected whole seconds for VRRPv2)");
            }
        } else {
            requireRange("maxAdvertIntervalCentis", maxAdvertIntervalCentis, 0, MAX_V3_INTERVAL_CENTIS);
            if (authType != AuthType.NONE) {
                throw new IllegalArgumentException("authType: " + authType + " (expected NONE for VRRPv3)");
            }
        }
        int authDataBytes = carriesAuthData(version, family) ? AuthType.AUTH_DATA_BYTES : 0;
        if (authData.length != authDataBytes) {
            throw new IllegalArgumentException("authData: " + authData.length + " bytes (expected " + authDataBytes
                    + ")");
        }
        authData = authData.clone();
    }

    /**
     * A VRRPv2 advert. The 8 authentication bytes of IPv4 adverts hold the NUL-padded {@code password} for PASS and
     * are zero otherwise (keepalived puts the AH key only into the ICV).
     */
    public static VrrpAdvert v2(AddressFamily family, int virtualRouterId, int priority, AuthType authType,
                                byte[] password, int advertIntervalSecs, List<InetAddress> addresses) {
        byte[] authData = new byte[carriesAuthData(VrrpVersion.V2, family) ? AuthType.AUTH_DATA_BYTES : 0];
        if (authType == AuthType.PASS && authData.length > 0) {
            System.arraycopy(password, 0, authData, 0, Math.min(password.length, authData.length));
        }
        return new VrrpAdvert(VrrpVersion.V2, family, virtualRouterId, priority, authType,
                advertIntervalSecs * CENTIS_PER_SECOND, addresses, authData);
    }

    public static VrrpAdvert v3(AddressFamily family, int virtualRouterId, int priority,
                                int maxAdvertIntervalCentis, List<InetAddress> addresses) {
        return new VrrpAdvert(VrrpVersion.V3, family, virtualRouterId, priority, AuthType.NONE,
                maxAdvertIntervalCentis, addresses, new byte[0]);
    }

    /** The same advert with another priority: keepalived rewrites only this field between adverts. */
    public VrrpAdvert withPriority(int newPriority) {
        return new VrrpAdvert(version, family, virtualRouterId, newPriority, authType, maxAdvertIntervalCentis,
                addresses, authData);
    }

    /** Bytes of the VRRP message: header, addresses and (VRRPv2 over IPv4) the authentication data. */
    public int lengthBytes() {
        return lengthBytes(version, family, addresses.size());
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VrrpAdvert that && version == that.version && family == that.family
                && virtualRouterId == that.virtualRouterId && priority == that.priority
                && authType == that.authType && maxAdvertIntervalCentis == that.maxAdvertIntervalCentis
                && addresses.equals(that.addresses) && Arrays.equals(authData, that.authData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, family, virtualRouterId, priority, authType, maxAdvertIntervalCentis, addresses,
                Arrays.hashCode(authData));
    }

    /** Never shows the authentication data: it holds the password. */
    @Override
    public String toString() {
        return "VrrpAdvert[version=" + version + ", family=" + family + ", virtualRouterId=" + virtualRouterId
                + ", priority=" + priority + ", authType=" + authType + ", maxAdvertIntervalCentis="
                + maxAdvertIntervalCentis + ", addresses=" + addresses + "]";
    }

    /** keepalived's {@code expected_vrrp_pkt_len}: only VRRPv2 over IPv4 carries authentication data. */
    static int lengthBytes(VrrpVersion version, AddressFamily family, int addressCount) {
        return HEADER_BYTES + addressCount * family.addressLengthBytes()
                + (carriesAuthData(version, family) ? AuthType.AUTH_DATA_BYTES : 0);
    }

    private static boolean carriesAuthData(VrrpVersion version, AddressFamily family) {
        return version == VrrpVersion.V2 && family == AddressFamily.IPV4;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected " + min + ".." + max + ")");
        }
    }
}
