package org.jkeepalived.ipvs.codec;

import java.util.List;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * The IPVS_STATS_ATTR_* set the kernel nests in service and destination dumps: totals, then rates. In
 * IPVS_*_ATTR_STATS the counts and rates are {@code __u32} and the byte totals {@code __u64}; in IPVS_*_ATTR_STATS64
 * every value is {@code __u64}.
 */
public record IpvsStats(long connections, long inPackets, long outPackets, long inBytes, long outBytes,
                        long connectionsPerSec, long inPacketsPerSec, long outPacketsPerSec, long inBytesPerSec,
                        long outBytesPerSec) {

    public static final int IPVS_STATS_ATTR_CONNS = 1;
    public static final int IPVS_STATS_ATTR_INPKTS = 2;
    public static final int IPVS_STATS_ATTR_OUTPKTS = 3;
    public static final int IPVS_STATS_ATTR_INBYTES = 4;
    public static final int IPVS_STATS_ATTR_OUTBYTES = 5;
    public static final int IPVS_STATS_ATTR_CPS = 6;
    public static final int IPVS_STATS_ATTR_INPPS = 7;
    public static final int IPVS_STATS_ATTR_OUTPPS = 8;
    public static final int IPVS_STATS_ATTR_INBPS = 9;
    public static final int IPVS_STATS_ATTR_OUTBPS = 10;

    private static final String[] NAMES = {"", "IPVS_STATS_ATTR_CONNS", "IPVS_STATS_ATTR_INPKTS",
        "IPVS_STATS_ATTR_OUTPKTS", "IPVS_STATS_ATTR_INBYTES", "IPVS_STATS_ATTR_OUTBYTES", "IPVS_STATS_ATTR_CPS",
        "IPVS_STATS_ATTR_INPPS", "IPVS_STATS_ATTR_OUTPPS", "IPVS_STATS_ATTR_INBPS", "IPVS_STATS_ATTR_OUTBPS"};

    /** The values in attribute order, IPVS_STATS_ATTR_CONNS first. */
    private long[] values() {
        return new long[] {connections, inPackets, outPackets, inBytes, outBytes, connectionsPerSec,
            inPacketsPerSec, outPacketsPerSec, inBytesPerSec, outBytesPerSec};
    }

    static IpvsStats decode(List<StructNlAttr> attributes, boolean allWide) {
        long[] values = new long[NAMES.length - 1];
        for (int type = IPVS_STATS_ATTR_CONNS; type <= IPVS_STATS_ATTR_OUTBPS; type++) {
            StructNlAttr attribute = Attributes.require(attributes, type, NAMES[type]);
            values[type - 1] = isWide(type, allWide) ? Attributes.asU64(attribute, NAMES[type])
                    : Attributes.asU32(attribute, NAMES[type]);
        }
        return new IpvsStats(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], values[9]);
    }

    static IpvsStats decodeNested(StructNlAttr nest, boolean allWide, String name) {
        try {
            return decode(nest.nested(), allWide);
        } catch (WireFormatException e) {
            throw Attributes.within(e, StructNlAttr.HEADER_BYTES, name);
        }
    }

    StructNlAttr encode(int type, boolean allWide) {
        long[] values = values();
        StructNlAttr[] children = new StructNlAttr[values.length];
        for (int index = 0; index < values.length; index++) {
            int attribute = index + 1;
            children[index] = isWide(attribute, allWide) ? Attributes.u64(attribute, values[index])
                    : Attributes.u32(attribute, values[index]);
        }
        return StructNlAttr.ofNested(type, List.of(children));
    }

    private static boolean isWide(int type, boolean allWide) {
        return allWide || type == IPVS_STATS_ATTR_INBYTES || type == IPVS_STATS_ATTR_OUTBYTES;
    }
}
