package org.jkeepalived.it;

import java.util.List;

/**
 * How the two sides of an interop scenario speak VRRP: version, family, multicast or unicast, authentication and
 * advert interval, and the {@code vrrp_instance} blocks that say so, for keepalived in A and ours in B alike.
 */
enum VrrpProtocol {
    V2_PASS(2, false, false, "PASS", 1_000),
    V2_AH(2, false, false, "AH", 1_000),
    V3_IPV4_MULTICAST(3, false, false, "", 500),
    V3_IPV4_UNICAST(3, false, true, "", 500),
    V3_IPV6_MULTICAST(3, true, false, "", 500);

    /** Which namespace of the pair a config is for: keepalived runs in A, ours in B. */
    enum Side {
        A, B;

        Side other() {
            return this == A ? B : A;
        }
    }

    private final int version;
    private final boolean ipv6;
    private final boolean unicast;
    private final String authType;
    private final int advertIntervalMillis;

    VrrpProtocol(int version, boolean ipv6, boolean unicast, String authType, int advertIntervalMillis) {
        this.version = version;
        this.ipv6 = ipv6;
        this.unicast = unicast;
        this.authType = authType;
        this.advertIntervalMillis = advertIntervalMillis;
    }

    int advertIntervalMillis() {
        return advertIntervalMillis;
    }

    boolean ipv6() {
        return ipv6;
    }

    /** The {@code n}th virtual address (1, 2, ...) of this family, without prefix length. */
    String vip(int n) {
        return ipv6 ? "fd00:77::" + (99 + n) : "192.168.77." + (99 + n);
    }

    /** A {@code vrrp_instance} in state BACKUP on eth0 with VRID {@code 50 + n} holding {@link #vip(int) vip(n)}. */
    String instance(Side side, String name, int n, int priority, List<String> extraLines) {
        StringBuilder text = new StringBuilder();
        text.append("vrrp_instance ").append(name).append(" {\n");
        line(text, "interface eth0");
        line(text, "state BACKUP");
        line(text, "virtual_router_id " + (50 + n));
        line(text, "priority " + priority);
        line(text, "advert_int " + (advertIntervalMillis % 1_000 == 0 ? Integer.toString(advertIntervalMillis / 1_000)
                : Double.toString(advertIntervalMillis / 1_000.0)));
        line(text, "version " + version);
        if (!authType.isEmpty()) {
            line(text, "authentication {");
            line(text, "    auth_type " + authType);
            line(text, "    auth_pass secret");
            line(text, "}");
        }
        if (unicast) {
            boolean a = side == Side.A;
            line(text, "unicast_src_ip " + (a ? NamespacePair.ADDRESS_A : NamespacePair.ADDRESS_B));
            line(text, "unicast_peer {");
            line(text, "    " + (a ? NamespacePair.ADDRESS_B : NamespacePair.ADDRESS_A));
            line(text, "}");
        }
        extraLines.forEach(extra -> line(text, extra));
        line(text, "virtual_ipaddress {");
        line(text, "    " + vip(n) + (ipv6 ? "/64" : "/24"));
        line(text, "}");
        return text.append("}\n").toString();
    }

    /** A config of one instance {@code VI_1} ({@link #vip(int) vip(1)}) and nothing else. */
    String singleInstance(Side side, int priority, String... extraLines) {
        return instance(side, "VI_1", 1, priority, List.of(extraLines));
    }

    private static void line(StringBuilder text, String line) {
        text.append("    ").append(line).append('\n');
    }
}
