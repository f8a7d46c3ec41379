package org.jkeepalived.vrrp.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an instance's configuration says about the adverts it accepts ({@code vrrp_check_packet}'s view of
 * {@code vrrp_t}).
 *
 * @param instanceName         the {@code vrrp_instance} name, for the log lines
 * @param interfaceName        the interface the socket reads from, for the unknown-VRID log line
 * @param version              the instance's VRRP version
 * @param family               the instance's family
 * @param virtualRouterId      the instance's VRID
 * @param authType             the VRRPv2 authentication type (NONE for VRRPv3)
 * @param authKey              the 8-byte NUL-padded {@code auth_pass} (zeros without authentication)
 * @param advertIntervalCentis the instance's own {@code advert_int}
 * @param virtualAddresses     the advertised virtual addresses, in configuration order
 * @param unicast              the instance has {@code unicast_peer}s
 * @param unicastPeers         the peers, with their accepted TTL range
 * @param checkUnicastSource   {@code check_unicast_src} or the global {@code vrrp_check_unicast_src}
 * @param skipCheckAdvAddr     {@code skip_check_adv_addr}: a backup skips the address checks while the advert comes
 *                             from the master it already follows
 * @param multicastGroup4      {@code vrrp_mcast_group4} (224.0.0.18), the pre-1.3.6 VRRPv3 unicast checksum's
 *                             pseudo-header destination
 */
public record ReceiverSettings(String instanceName, String interfaceName, VrrpVersion version, AddressFamily family,
                               int virtualRouterId, AuthType authType, byte[] authKey, int advertIntervalCentis,
                               List<InetAddress> virtualAddresses, boolean unicast, List<UnicastPeer> unicastPeers,
                               boolean checkUnicastSource, boolean skipCheckAdvAddr, Inet4Address multicastGroup4) {

    public ReceiverSettings {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(multicastGroup4, "multicastGroup4");
        if (virtualRouterId < 1 || virtualRouterId > 255) {
            throw new IllegalArgumentException("virtualRouterId: " + virtualRouterId + " (expected 1..255)");
        }
        if (authKey.length != AuthType.AUTH_DATA_BYTES) {
            throw new IllegalArgumentException("authKey: " + authKey.length + " bytes (expected "
                    + AuthType.AUTH_DATA_BYTES + ")");
        }
        if (advertIntervalCentis < 1) {
            throw new IllegalArgumentException("advertIntervalCentis: " + advertIntervalCentis + " (expected >= 1)");
        }
        if (authType != AuthType.NONE && version == VrrpVersion.V3) {
            throw new IllegalArgumentException("authType: " + authType + " (expected NONE for VRRPv3)");
        }
        if (authType == AuthType.AH && family == AddressFamily.IPV6) {
            throw new IllegalArgumentException("authType: AH (expected NONE or PASS for IPv6)");
        }
        authKey = authKey.clone();
        virtualAddresses = List.copyOf(virtualAddresses);
        unicastPeers = List.copyOf(unicastPeers);
        for (InetAddress address : virtualAddresses) {
            if (!family.holds(address)) {
                throw new IllegalArgumentException("virtualAddresses: " + address + " (expected " + family + ")");
            }
        }
    }

    /** {@code auth_pass} as keepalived stores it: the first 8 bytes, NUL-padded. */
    public static byte[] authKey(String password) {
        return Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), AuthType.AUTH_DATA_BYTES);
    }

    @Override
    public byte[] authKey() {
        return authKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiverSettings that && instanceName.equals(that.instanceName)
                && interfaceName.equals(that.interfaceName) && version == that.version && family == that.family
                && virtualRouterId == that.virtualRouterId && authType == that.authType
                && Arrays.equals(authKey, that.authKey) && advertIntervalCentis == that.advertIntervalCentis
                && virtualAddresses.equals(that.virtualAddresses) && unicast == that.unicast
                && unicastPeers.equals(that.unicastPeers) && checkUnicastSource == that.checkUnicastSource
                && skipCheckAdvAddr == that.skipCheckAdvAddr && multicastGroup4.equals(that.multicastGroup4);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceName, interfaceName, version, family, virtualRouterId, authType,
                Arrays.hashCode(authKey), advertIntervalCentis, virtualAddresses, unicast, unicastPeers,
                checkUnicastSource, skipCheckAdvAddr, multicastGroup4);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ReceiverSettings[instanceName=" + instanceName + ", interfaceName=" + interfaceName + ", version="
                + version + ", family=" + family + ", virtualRouterId=" + virtualRouterId + ", authType=" + authType
                + ", advertIntervalCentis=" + advertIntervalCentis + ", virtualAddresses=" + virtualAddresses
                + ", unicast=" + unicast + ", unicastPeers=" + unicastPeers + ", checkUnicastSource="
                + checkUnicastSource + ", skipCheckAdvAddr=" + skipCheckAdvAddr + ", multicastGroup4="
                + multicastGroup4 + "]";
    }

    /**
     * A {@code unicast_peer} line.
     *
     * @param minTtl {@code min_ttl}, 0 by default
     * @param maxTtl {@code max_ttl}, 255 by default
     */
    public record UnicastPeer(InetAddress address, int minTtl, int maxTtl) {
        public UnicastPeer {
            Objects.requireNonNull(address, "address");
            if (minTtl < 0 || minTtl > 255) {
                throw new IllegalArgumentException("minTtl: " + minTtl + " (expected 0..255)");
            }
            if (maxTtl < minTtl || maxTtl > 255) {
                throw new IllegalArgumentException("maxTtl: " + maxTtl + " (expected " + minTtl + "..255)");
            }
        }

        public static UnicastPeer of(InetAddress address) {
            return new UnicastPeer(address, 0, 255);
        }
    }
}
