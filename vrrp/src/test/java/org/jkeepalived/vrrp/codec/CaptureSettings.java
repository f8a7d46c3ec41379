package org.jkeepalived.vrrp.codec;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.jkeepalived.config.value.IpAddresses;

/** The receiving side of the configurations in capture.sh: a backup of VI_1 on the other end of the veth. */
final class CaptureSettings {
    static final Inet4Address GROUP4 = (Inet4Address) ip("224.0.0.18");
    static final List<InetAddress> VIPS4 = List.of(ip("192.168.200.16"), ip("192.168.200.17"));
    static final List<InetAddress> VIPS6 = List.of(ip("2001:db8::10"), ip("2001:db8::11"));
    static final byte[] PASS_KEY = ReceiverSettings.authKey("s3cr3t");
    static final byte[] AH_KEY = ReceiverSettings.authKey("ahkey");
    private static final byte[] NO_KEY = new byte[AuthType.AUTH_DATA_BYTES];

    private CaptureSettings() {
    }

    static InetAddress ip(String text) {
        return IpAddresses.parse(text).orElseThrow();
    }

    /** The settings matching the capture scenario named at the start of a vector's name. */
    static ReceiverSettings forVector(String vectorName) {
        String scenario = vectorName.substring(0, vectorName.lastIndexOf('-'));
        VrrpVersion version = scenario.startsWith("v3") ? VrrpVersion.V3 : VrrpVersion.V2;
        AddressFamily family = scenario.contains("ipv6") ? AddressFamily.IPV6 : AddressFamily.IPV4;
        AuthType authType = scenario.contains("-pass-") ? AuthType.PASS
                : scenario.contains("-ah-") ? AuthType.AH : AuthType.NONE;
        byte[] key = authType == AuthType.PASS ? PASS_KEY : authType == AuthType.AH ? AH_KEY : NO_KEY;
        List<InetAddress> vips = switch (scenario) {
            case "v2-none-mcast" -> List.of(VIPS4.get(0));
            case "v3-ipv6-ucast" -> List.of(VIPS6.get(0));
            default -> family == AddressFamily.IPV6 ? VIPS6 : VIPS4;
        };
        boolean unicast = scenario.contains("ucast");
        List<ReceiverSettings.UnicastPeer> peers = !unicast ? List.of()
                : List.of(ReceiverSettings.UnicastPeer.of(ip(family == AddressFamily.IPV6 ? "fe80::ff:fe00:1"
                        : "10.77.0.1")));
        int intervalCentis = scenario.equals("v3-ipv4-mcast") ? 50 : 100;
        return new ReceiverSettings("VI_1", "vrrp0", version, family, 51, authType, key, intervalCentis, vips,
                unicast, peers, false, false, GROUP4);
    }

    static UnicastChecksumCompat checksumCompat(String vectorName) {
        return vectorName.contains("-old-") ? UnicastChecksumCompat.CONFIG : UnicastChecksumCompat.NONE;
    }
}
