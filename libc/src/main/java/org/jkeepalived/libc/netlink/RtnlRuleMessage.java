package org.jkeepalived.libc.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RTM_NEWRULE / RTM_DELRULE / RTM_GETRULE: a {@link StructFibRuleHdr} and its FRA_* attributes (linux/fib_rules.h),
 * kept in the order given or received so a parsed message packs back byte for byte.
 */
public record RtnlRuleMessage(StructNlMsgHdr header, StructFibRuleHdr rule, List<StructNlAttr> attributes)
        implements NetlinkMessage {

    public static final int RTM_NEWRULE = 32;
    public static final int RTM_DELRULE = 33;
    public static final int RTM_GETRULE = 34;

    public static final int FRA_DST = 1;
    public static final int FRA_SRC = 2;
    public static final int FRA_IIFNAME = 3;
    public static final int FRA_GOTO = 4;
    public static final int FRA_PRIORITY = 6;
    public static final int FRA_FWMARK = 10;
    public static final int FRA_FLOW = 11;
    public static final int FRA_TUN_ID = 12;
    public static final int FRA_SUPPRESS_IFGROUP = 13;
    public static final int FRA_SUPPRESS_PREFIXLEN = 14;
    public static final int FRA_TABLE = 15;
    public static final int FRA_FWMASK = 16;
    public static final int FRA_OIFNAME = 17;
    public static final int FRA_L3MDEV = 19;
    public static final int FRA_UID_RANGE = 20;
    public static final int FRA_PROTOCOL = 21;
    public static final int FRA_IP_PROTO = 22;
    public static final int FRA_SPORT_RANGE = 23;
    public static final int FRA_DPORT_RANGE = 24;

    public RtnlRuleMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rule, "rule");
        attributes = List.copyOf(attributes);
    }

    static RtnlRuleMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        StructFibRuleHdr rule = StructFibRuleHdr.parse(payload);
        return new RtnlRuleMessage(header, rule, StructNlAttr.parseAll(payload));
    }

    /** A request of {@code type} with {@code flags} (NLM_F_REQUEST is the caller's to include). */
    public static RtnlRuleMessage request(int type, int flags, int sequence, StructFibRuleHdr rule,
                                          List<StructNlAttr> attributes) {
        if (type != RTM_NEWRULE && type != RTM_DELRULE) {
            throw new IllegalArgumentException("type: " + type + " (expected RTM_NEWRULE " + RTM_NEWRULE
                    + " or RTM_DELRULE " + RTM_DELRULE + ")");
        }
        int payloadBytes = StructFibRuleHdr.BYTES + StructNlAttr.alignedLength(attributes);
        return new RtnlRuleMessage(NetlinkMessage.header(type, flags, sequence, payloadBytes), rule, attributes);
    }

    /** RTM_GETRULE with NLM_F_DUMP: every rule of {@code family}. */
    public static RtnlRuleMessage dumpRequest(int sequence, int family) {
        return new RtnlRuleMessage(NetlinkMessage.header(RTM_GETRULE,
                StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_DUMP, sequence, StructFibRuleHdr.BYTES),
                new StructFibRuleHdr(family, 0, 0, 0, 0, 0, 0), List.of());
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        rule.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    public Optional<InetAddress> source() {
        return StructNlAttr.find(attributes, FRA_SRC).map(StructNlAttr::valueAsAddress);
    }

    public Optional<InetAddress> destination() {
        return StructNlAttr.find(attributes, FRA_DST).map(StructNlAttr::valueAsAddress);
    }

    public Optional<Integer> priority() {
        return StructNlAttr.find(attributes, FRA_PRIORITY).map(StructNlAttr::valueAsU32);
    }

    /** FRA_TABLE where present (the kernel always sends it), else the header's table. */
    public long table() {
        return StructNlAttr.find(attributes, FRA_TABLE).map(attribute -> Integer.toUnsignedLong(
                attribute.valueAsU32())).orElse((long) rule.table());
    }

    public Optional<Integer> protocol() {
        return StructNlAttr.find(attributes, FRA_PROTOCOL).map(StructNlAttr::valueAsU8);
    }
}
