package org.jkeepalived.ipvs.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.libc.netlink.WireFormatException;

/**
 * The connection sync daemon, the IPVS_DAEMON_ATTR_* set of linux/ip_vs.h, in the order libipvs sends it and the
 * kernel reports it: STATE, MCAST_IFN, SYNC_ID, SYNC_MAXLEN, MCAST_PORT, MCAST_TTL, then MCAST_GROUP (IPv4) or
 * MCAST_GROUP6. Stopping a daemon sends only its state and sync id.
 *
 * @param state IP_VS_STATE_MASTER (1) or IP_VS_STATE_BACKUP (2)
 */
public record IpvsDaemon(int state, Optional<String> multicastInterface, long syncId, OptionalInt syncMaxLength,
                         OptionalInt multicastPort, OptionalInt multicastTtl, Optional<InetAddress> multicastGroup) {

    public static final int IPVS_DAEMON_ATTR_STATE = 1;
    public static final int IPVS_DAEMON_ATTR_MCAST_IFN = 2;
    public static final int IPVS_DAEMON_ATTR_SYNC_ID = 3;
    public static final int IPVS_DAEMON_ATTR_SYNC_MAXLEN = 4;
    public static final int IPVS_DAEMON_ATTR_MCAST_GROUP = 5;
    public static final int IPVS_DAEMON_ATTR_MCAST_GROUP6 = 6;
    public static final int IPVS_DAEMON_ATTR_MCAST_PORT = 7;
    public static final int IPVS_DAEMON_ATTR_MCAST_TTL = 8;
    public static final int IP_VS_STATE_MASTER = 1;
    public static final int IP_VS_STATE_BACKUP = 2;

    public IpvsDaemon {
        if (state != IP_VS_STATE_MASTER && state != IP_VS_STATE_BACKUP) {
            throw new IllegalArgumentException("state: " + state + " (expected " + IP_VS_STATE_MASTER + " or "
                    + IP_VS_STATE_BACKUP + ")");
        }
        Objects.requireNonNull(multicastInterface, "multicastInterface");
        Attributes.requireRange("syncId", syncId, 0xffff_ffffL);
        Objects.requireNonNull(syncMaxLength, "syncMaxLength");
        Objects.requireNonNull(multicastPort, "multicastPort");
        Objects.requireNonNull(multicastTtl, "multicastTtl");
        syncMaxLength.ifPresent(length -> Attributes.requireRange("syncMaxLength", length, 0xffff));
        multicastPort.ifPresent(port -> Attributes.requireRange("multicastPort", port, 0xffff));
        multicastTtl.ifPresent(ttl -> Attributes.requireRange("multicastTtl", ttl, 0xff));
        Objects.requireNonNull(multicastGroup, "multicastGroup");
    }

    /** The daemon of {@code state} and {@code syncId} to stop, as keepalived names it. */
    public static IpvsDaemon toStop(int state, long syncId) {
        return new IpvsDaemon(state, Optional.empty(), syncId, OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    public List<StructNlAttr> encode() {
        List<StructNlAttr> attributes = new ArrayList<>();
        attributes.add(Attributes.u32(IPVS_DAEMON_ATTR_STATE, state));
        multicastInterface.ifPresent(name -> attributes.add(Attributes.string(IPVS_DAEMON_ATTR_MCAST_IFN, name)));
        attributes.add(Attributes.u32(IPVS_DAEMON_ATTR_SYNC_ID, syncId));
        syncMaxLength.ifPresent(length -> attributes.add(Attributes.u16(IPVS_DAEMON_ATTR_SYNC_MAXLEN, length)));
        multicastPort.ifPresent(port -> attributes.add(Attributes.u16(IPVS_DAEMON_ATTR_MCAST_PORT, port)));
        multicastTtl.ifPresent(ttl -> attributes.add(Attributes.u8(IPVS_DAEMON_ATTR_MCAST_TTL, ttl)));
        multicastGroup.ifPresent(group -> attributes.add(StructNlAttr.ofAddress(group instanceof Inet6Address
                ? IPVS_DAEMON_ATTR_MCAST_GROUP6 : IPVS_DAEMON_ATTR_MCAST_GROUP, group)));
        return attributes;
    }

    static IpvsDaemon decode(StructNlAttr nest) {
        try {
            List<StructNlAttr> attributes = nest.nested();
            Optional<InetAddress> group = Attributes.find(attributes, IPVS_DAEMON_ATTR_MCAST_GROUP)
                    .map(attribute -> Attributes.asAddress(attribute, Attributes.AF_INET,
                            "IPVS_DAEMON_ATTR_MCAST_GROUP"))
                    .or(() -> Attributes.find(attributes, IPVS_DAEMON_ATTR_MCAST_GROUP6)
                            .map(attribute -> Attributes.asAddress(attribute, Attributes.AF_INET6,
                                    "IPVS_DAEMON_ATTR_MCAST_GROUP6")));
            return new IpvsDaemon(
                    (int) Attributes.asU32(Attributes.require(attributes, IPVS_DAEMON_ATTR_STATE,
                            "IPVS_DAEMON_ATTR_STATE"), "IPVS_DAEMON_ATTR_STATE"),
                    Attributes.find(attributes, IPVS_DAEMON_ATTR_MCAST_IFN).map(Attributes::asString),
                    Attributes.asU32(Attributes.require(attributes, IPVS_DAEMON_ATTR_SYNC_ID,
                            "IPVS_DAEMON_ATTR_SYNC_ID"), "IPVS_DAEMON_ATTR_SYNC_ID"),
                    optionalU16(attributes, IPVS_DAEMON_ATTR_SYNC_MAXLEN, "IPVS_DAEMON_ATTR_SYNC_MAXLEN"),
                    optionalU16(attributes, IPVS_DAEMON_ATTR_MCAST_PORT, "IPVS_DAEMON_ATTR_MCAST_PORT"),
                    Attributes.find(attributes, IPVS_DAEMON_ATTR_MCAST_TTL)
                            .map(ttl -> OptionalInt.of(Attributes.asU8(ttl, "IPVS_DAEMON_ATTR_MCAST_TTL")))
                            .orElse(OptionalInt.empty()),
                    group);
        } catch (WireFormatException e) {
            throw Attributes.within(e, StructNlAttr.HEADER_BYTES, "IPVS_CMD_ATTR_DAEMON");
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(StructNlAttr.HEADER_BYTES, "IPVS_CMD_ATTR_DAEMON: " + e.getMessage());
        }
    }

    private static OptionalInt optionalU16(List<StructNlAttr> attributes, int type, String name) {
        return Attributes.find(attributes, type).map(value -> OptionalInt.of(Attributes.asU16(value, name)))
                .orElse(OptionalInt.empty());
    }
}
