package org.jkeepalived.ipvs.codec;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * An IPVS destination (real server), the IPVS_DEST_ATTR_* set of linux/ip_vs.h. A request (libipvs's order) carries
 * ADDR_FAMILY, ADDR, PORT, FWD_METHOD, WEIGHT, the tunnel attributes it has, U_THRESH and L_THRESH. A destination the
 * kernel reports has connection {@code counters}, and then packs in the kernel's order: ADDR, PORT, FWD_METHOD,
 * WEIGHT, TUN_*, U_THRESH, L_THRESH, ACTIVE_CONNS, INACT_CONNS, PERSIST_CONNS, ADDR_FAMILY, STATS, STATS64.
 *
 * @param forwardingMethod IP_VS_CONN_F_MASQ (0), _LOCALNODE (1), _TUNNEL (2), _DROUTE (3) or _BYPASS (4)
 * @param tunnelType       IP_VS_CONN_F_TUNNEL_TYPE_IPIP (0), _GUE (1) or _GRE (2), when sent
 * @param tunnelPort       the GUE port, when sent ({@code __be16})
 * @param tunnelFlags      IP_VS_TUNNEL_ENCAP_FLAG_* (CSUM 1, REMCSUM 2; 0 is NOCSUM), when sent
 */
public record IpvsDestination(int addressFamily, InetAddress address, int port, int forwardingMethod, int weight,
                              OptionalInt tunnelType, OptionalInt tunnelPort, OptionalInt tunnelFlags,
                              long upperThreshold, long lowerThreshold, Optional<Counters> counters,
                              Optional<IpvsStats> stats, Optional<IpvsStats> stats64) {

    public static final int IPVS_DEST_ATTR_ADDR = 1;
    public static final int IPVS_DEST_ATTR_PORT = 2;
    public static final int IPVS_DEST_ATTR_FWD_METHOD = 3;
    public static final int IPVS_DEST_ATTR_WEIGHT = 4;
    public static final int IPVS_DEST_ATTR_U_THRESH = 5;
    public static final int IPVS_DEST_ATTR_L_THRESH = 6;
    public static final int IPVS_DEST_ATTR_ACTIVE_CONNS = 7;
    public static final int IPVS_DEST_ATTR_INACT_CONNS = 8;
    public static final int IPVS_DEST_ATTR_PERSIST_CONNS = 9;
    public static final int IPVS_DEST_ATTR_STATS = 10;
    public static final int IPVS_DEST_ATTR_ADDR_FAMILY = 11;
    public static final int IPVS_DEST_ATTR_STATS64 = 12;
    public static final int IPVS_DEST_ATTR_TUN_TYPE = 13;
    public static final int IPVS_DEST_ATTR_TUN_PORT = 14;
    public static final int IPVS_DEST_ATTR_TUN_FLAGS = 15;

    public static final int IP_VS_CONN_F_MASQ = 0;
    public static final int IP_VS_CONN_F_LOCALNODE = 1;
    public static final int IP_VS_CONN_F_TUNNEL = 2;
    public static final int IP_VS_CONN_F_DROUTE = 3;
    public static final int IP_VS_CONN_F_BYPASS = 4;
    public static final int IP_VS_CONN_F_FWD_MASK = 7;
    public static final int IP_VS_CONN_F_TUNNEL_TYPE_IPIP = 0;
    public static final int IP_VS_CONN_F_TUNNEL_TYPE_GUE = 1;
    public static final int IP_VS_CONN_F_TUNNEL_TYPE_GRE = 2;
    public static final int IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM = 0;
    public static final int IP_VS_TUNNEL_ENCAP_FLAG_CSUM = 1;
    public static final int IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM = 2;

    /** IPVS_DEST_ATTR_ACTIVE_CONNS, _INACT_CONNS and _PERSIST_CONNS (u32 each), only in the kernel's reports. */
    public record Counters(long activeConnections, long inactiveConnections, long persistentConnections) {
    }

    public IpvsDestination {
        Objects.requireNonNull(address, "address");
        Attributes.requireFamily("address", address, addressFamily);
        Attributes.requireRange("port", port, 0xffff);
        Attributes.requireRange("forwardingMethod", forwardingMethod, IP_VS_CONN_F_FWD_MASK);
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelPort, "tunnelPort");
        Objects.requireNonNull(tunnelFlags, "tunnelFlags");
        tunnelType.ifPresent(type -> Attributes.requireRange("tunnelType", type, 0xff));
        tunnelPort.ifPresent(tunnel -> Attributes.requireRange("tunnelPort", tunnel, 0xffff));
        tunnelFlags.ifPresent(flags -> Attributes.requireRange("tunnelFlags", flags, 0xffff));
        Attributes.requireRange("upperThreshold", upperThreshold, 0xffff_ffffL);
        Attributes.requireRange("lowerThreshold", lowerThreshold, 0xffff_ffffL);
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(stats64, "stats64");
    }

    /**
     * A destination as keepalived's libipvs requests it: the tunnel type only for tunnelling, the GUE port only for
     * GUE, the checksum flags only for tunnels other than IPIP.
     */
    public static IpvsDestination request(InetAddress address, int port, int forwardingMethod, int weight,
            int tunnelType, int tunnelPort, int tunnelFlags, long upperThreshold, long lowerThreshold) {
        boolean tunnel = forwardingMethod == IP_VS_CONN_F_TUNNEL;
        return new IpvsDestination(Attributes.family(address), address, port, forwardingMethod, weight,
                tunnel ? OptionalInt.of(tunnelType) : OptionalInt.empty(),
                tunnel && tunnelType == IP_VS_CONN_F_TUNNEL_TYPE_GUE ? OptionalInt.of(tunnelPort)
                        : OptionalInt.empty(),
                tunnel && tunnelType != IP_VS_CONN_F_TUNNEL_TYPE_IPIP ? OptionalInt.of(tunnelFlags)
                        : OptionalInt.empty(),
                upperThreshold, lowerThreshold, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public IpvsDestination withWeight(int newWeight) {
        return new IpvsDestination(addressFamily, address, port, forwardingMethod, newWeight, tunnelType, tunnelPort,
                tunnelFlags, upperThreshold, lowerThreshold, counters, stats, stats64);
    }

    /** keepalived's {@code format_drule}, without its leading {@code " -> "}: {@code 10.0.0.2:8080}. */
    public String describe() {
        return Addresses.text(address) + ":" + port;
    }

    public List<StructNlAttr> encode() {
        boolean reported = counters.isPresent();
        List<StructNlAttr> attributes = new ArrayList<>();
        if (!reported) {
            attributes.add(Attributes.u16(IPVS_DEST_ATTR_ADDR_FAMILY, addressFamily));
        }
        attributes.add(Attributes.nfAddress(IPVS_DEST_ATTR_ADDR, address));
        attributes.add(Attributes.be16(IPVS_DEST_ATTR_PORT, port));
        attributes.add(Attributes.u32(IPVS_DEST_ATTR_FWD_METHOD, forwardingMethod));
        attributes.add(Attributes.u32(IPVS_DEST_ATTR_WEIGHT, weight));
        tunnelType.ifPresent(type -> attributes.add(Attributes.u8(IPVS_DEST_ATTR_TUN_TYPE, type)));
        tunnelPort.ifPresent(tunnel -> attributes.add(Attributes.be16(IPVS_DEST_ATTR_TUN_PORT, tunnel)));
        tunnelFlags.ifPresent(flags -> attributes.add(Attributes.u16(IPVS_DEST_ATTR_TUN_FLAGS, flags)));
        attributes.add(Attributes.u32(IPVS_DEST_ATTR_U_THRESH, upperThreshold));
        attributes.add(Attributes.u32(IPVS_DEST_ATTR_L_THRESH, lowerThreshold));
        counters.ifPresent(values -> {
            attributes.add(Attributes.u32(IPVS_DEST_ATTR_ACTIVE_CONNS, values.activeConnections()));
            attributes.add(Attributes.u32(IPVS_DEST_ATTR_INACT_CONNS, values.inactiveConnections()));
            attributes.add(Attributes.u32(IPVS_DEST_ATTR_PERSIST_CONNS, values.persistentConnections()));
            attributes.add(Attributes.u16(IPVS_DEST_ATTR_ADDR_FAMILY, addressFamily));
        });
        stats.ifPresent(values -> attributes.add(values.encode(IPVS_DEST_ATTR_STATS, false)));
        stats64.ifPresent(values -> attributes.add(values.encode(IPVS_DEST_ATTR_STATS64, true)));
        return attributes;
    }

    static IpvsDestination decode(StructNlAttr nest) {
        try {
            return decode(nest.nested());
        } catch (WireFormatException e) {
            throw Attributes.within(e, StructNlAttr.HEADER_BYTES, "IPVS_CMD_ATTR_DEST");
        }
    }

    private static IpvsDestination decode(List<StructNlAttr> attributes) {
        int family = Attributes.asU16(Attributes.require(attributes, IPVS_DEST_ATTR_ADDR_FAMILY,
                "IPVS_DEST_ATTR_ADDR_FAMILY"), "IPVS_DEST_ATTR_ADDR_FAMILY");
        if (family != Attributes.AF_INET && family != Attributes.AF_INET6) {
            throw new WireFormatException(0, "IPVS_DEST_ATTR_ADDR_FAMILY: " + family + " (expected "
                    + Attributes.AF_INET + " or " + Attributes.AF_INET6 + ")");
        }
        Optional<Counters> counters = Attributes.find(attributes, IPVS_DEST_ATTR_ACTIVE_CONNS)
                .map(active -> new Counters(Attributes.asU32(active, "IPVS_DEST_ATTR_ACTIVE_CONNS"),
                        u32(attributes, IPVS_DEST_ATTR_INACT_CONNS, "IPVS_DEST_ATTR_INACT_CONNS"),
                        u32(attributes, IPVS_DEST_ATTR_PERSIST_CONNS, "IPVS_DEST_ATTR_PERSIST_CONNS")));
        return new IpvsDestination(family,
                Attributes.asAddress(Attributes.require(attributes, IPVS_DEST_ATTR_ADDR, "IPVS_DEST_ATTR_ADDR"),
                        family, "IPVS_DEST_ATTR_ADDR"),
                Attributes.asBe16(Attributes.require(attributes, IPVS_DEST_ATTR_PORT, "IPVS_DEST_ATTR_PORT"),
                        "IPVS_DEST_ATTR_PORT"),
                (int) u32(attributes, IPVS_DEST_ATTR_FWD_METHOD, "IPVS_DEST_ATTR_FWD_METHOD")
                        & IP_VS_CONN_F_FWD_MASK,
                (int) u32(attributes, IPVS_DEST_ATTR_WEIGHT, "IPVS_DEST_ATTR_WEIGHT"),
                optional(attributes, IPVS_DEST_ATTR_TUN_TYPE, attribute ->
                        Attributes.asU8(attribute, "IPVS_DEST_ATTR_TUN_TYPE")),
                optional(attributes, IPVS_DEST_ATTR_TUN_PORT, attribute ->
                        Attributes.asBe16(attribute, "IPVS_DEST_ATTR_TUN_PORT")),
                optional(attributes, IPVS_DEST_ATTR_TUN_FLAGS, attribute ->
                        Attributes.asU16(attribute, "IPVS_DEST_ATTR_TUN_FLAGS")),
                u32(attributes, IPVS_DEST_ATTR_U_THRESH, "IPVS_DEST_ATTR_U_THRESH"),
                u32(attributes, IPVS_DEST_ATTR_L_THRESH, "IPVS_DEST_ATTR_L_THRESH"),
                counters,
                Attributes.find(attributes, IPVS_DEST_ATTR_STATS)
                        .map(nest -> IpvsStats.decodeNested(nest, false, "IPVS_DEST_ATTR_STATS")),
                Attributes.find(attributes, IPVS_DEST_ATTR_STATS64)
                        .map(nest -> IpvsStats.decodeNested(nest, true, "IPVS_DEST_ATTR_STATS64")));
    }

    private static long u32(List<StructNlAttr> attributes, int type, String name) {
        return Attributes.asU32(Attributes.require(attributes, type, name), name);
    }

    private static OptionalInt optional(List<StructNlAttr> attributes, int type,
            ToIntFunction<StructNlAttr> reader) {
        return Attributes.find(attributes, type).map(attribute -> OptionalInt.of(reader.applyAsInt(attribute)))
                .orElse(OptionalInt.empty());
    }
}
