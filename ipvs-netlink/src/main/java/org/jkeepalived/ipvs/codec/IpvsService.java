package org.jkeepalived.ipvs.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.libc.netlink.StructNlAttr;

/**
 * An IPVS service, the IPVS_SVC_ATTR_* set of linux/ip_vs.h: its key, IPVS_SVC_ATTR_SCHED_NAME, IPVS_SVC_ATTR_PE_NAME
 * (only when there is one), IPVS_SVC_ATTR_FLAGS ({@link IpvsFlags}), IPVS_SVC_ATTR_TIMEOUT (persistence, seconds),
 * IPVS_SVC_ATTR_NETMASK, and in the kernel's dumps the nested IPVS_SVC_ATTR_STATS and IPVS_SVC_ATTR_STATS64.
 *
 * @param netmask the persistence granularity: an IPv4 netmask as the {@code __be32} reads in native order, or an IPv6
 *                prefix length
 */
public record IpvsService(IpvsServiceKey key, String scheduler, Optional<String> persistenceEngine, IpvsFlags flags,
                          long timeoutSecs, long netmask, Optional<IpvsStats> stats, Optional<IpvsStats> stats64)
        implements ServiceAttribute {

    public static final int IPVS_SVC_ATTR_AF = 1;
    public static final int IPVS_SVC_ATTR_PROTOCOL = 2;
    public static final int IPVS_SVC_ATTR_ADDR = 3;
    public static final int IPVS_SVC_ATTR_PORT = 4;
    public static final int IPVS_SVC_ATTR_FWMARK = 5;
    public static final int IPVS_SVC_ATTR_SCHED_NAME = 6;
    public static final int IPVS_SVC_ATTR_FLAGS = 7;
    public static final int IPVS_SVC_ATTR_TIMEOUT = 8;
    public static final int IPVS_SVC_ATTR_NETMASK = 9;
    public static final int IPVS_SVC_ATTR_STATS = 10;
    public static final int IPVS_SVC_ATTR_PE_NAME = 11;
    public static final int IPVS_SVC_ATTR_STATS64 = 12;
    /** IP_VS_SCHEDNAME_MAXLEN and IP_VS_PENAME_MAXLEN, the terminating NUL included. */
    public static final int NAME_MAX_BYTES = 16;
    /** The netmask of a service without persistence granularity: all ones (IPv4) or 128 (IPv6). */
    public static final long IPV4_HOST_NETMASK = 0xffff_ffffL;
    public static final long IPV6_HOST_PREFIX = 128;

    public IpvsService {
        Objects.requireNonNull(key, "key");
        requireName("scheduler", scheduler);
        Objects.requireNonNull(persistenceEngine, "persistenceEngine");
        persistenceEngine.ifPresent(name -> requireName("persistenceEngine", name));
        Objects.requireNonNull(flags, "flags");
        Attributes.requireRange("timeoutSecs", timeoutSecs, 0xffff_ffffL);
        Attributes.requireRange("netmask", netmask, 0xffff_ffffL);
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(stats64, "stats64");
    }

    /** A service as a request carries it: no statistics. */
    public static IpvsService of(IpvsServiceKey key, String scheduler, Optional<String> persistenceEngine, int flags,
            long timeoutSecs, long netmask) {
        return new IpvsService(key, scheduler, persistenceEngine, IpvsFlags.of(flags), timeoutSecs, netmask,
                Optional.empty(), Optional.empty());
    }

    /** The netmask meaning "no granularity" for {@code addressFamily}. */
    public static long hostNetmask(int addressFamily) {
        return addressFamily == IpvsServiceKey.AF_INET6 ? IPV6_HOST_PREFIX : IPV4_HOST_NETMASK;
    }

    /** This service without the kernel's statistics, as it would be requested. */
    public IpvsService withoutStats() {
        return new IpvsService(key, scheduler, persistenceEngine, flags, timeoutSecs, netmask, Optional.empty(),
                Optional.empty());
    }

    @Override
    public List<StructNlAttr> encode() {
        List<StructNlAttr> attributes = new ArrayList<>(key.encode());
        attributes.add(Attributes.string(IPVS_SVC_ATTR_SCHED_NAME, scheduler));
        persistenceEngine.ifPresent(name -> attributes.add(Attributes.string(IPVS_SVC_ATTR_PE_NAME, name)));
        attributes.add(flags.encode(IPVS_SVC_ATTR_FLAGS));
        attributes.add(Attributes.u32(IPVS_SVC_ATTR_TIMEOUT, timeoutSecs));
        attributes.add(Attributes.u32(IPVS_SVC_ATTR_NETMASK, netmask));
        stats.ifPresent(values -> attributes.add(values.encode(IPVS_SVC_ATTR_STATS, false)));
        stats64.ifPresent(values -> attributes.add(values.encode(IPVS_SVC_ATTR_STATS64, true)));
        return attributes;
    }

    static IpvsService decode(IpvsServiceKey key, List<StructNlAttr> attributes) {
        return new IpvsService(key,
                Attributes.asString(Attributes.require(attributes, IPVS_SVC_ATTR_SCHED_NAME,
                        "IPVS_SVC_ATTR_SCHED_NAME")),
                Attributes.find(attributes, IPVS_SVC_ATTR_PE_NAME).map(Attributes::asString),
                IpvsFlags.decode(Attributes.require(attributes, IPVS_SVC_ATTR_FLAGS, "IPVS_SVC_ATTR_FLAGS"),
                        "IPVS_SVC_ATTR_FLAGS"),
                Attributes.asU32(Attributes.require(attributes, IPVS_SVC_ATTR_TIMEOUT, "IPVS_SVC_ATTR_TIMEOUT"),
                        "IPVS_SVC_ATTR_TIMEOUT"),
                Attributes.asU32(Attributes.require(attributes, IPVS_SVC_ATTR_NETMASK, "IPVS_SVC_ATTR_NETMASK"),
                        "IPVS_SVC_ATTR_NETMASK"),
                Attributes.find(attributes, IPVS_SVC_ATTR_STATS)
                        .map(nest -> IpvsStats.decodeNested(nest, false, "IPVS_SVC_ATTR_STATS")),
                Attributes.find(attributes, IPVS_SVC_ATTR_STATS64)
                        .map(nest -> IpvsStats.decodeNested(nest, true, "IPVS_SVC_ATTR_STATS64")));
    }

    private static void requireName(String field, String name) {
        Objects.requireNonNull(name, field);
        if (name.length() >= NAME_MAX_BYTES || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + ": \"" + name + "\" (expected at most "
                    + (NAME_MAX_BYTES - 1) + " characters)");
        }
    }
}
