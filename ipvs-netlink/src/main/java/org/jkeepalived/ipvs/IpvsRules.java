package org.jkeepalived.ipvs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.config.lvs.AddressFamily;
import org.jkeepalived.config.lvs.Endpoint;
import org.jkeepalived.config.lvs.Forwarding;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.Protocol;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerGroup;
import org.jkeepalived.config.lvs.VirtualServerKey;
import org.jkeepalived.ipvs.codec.IpvsDestination;
import org.jkeepalived.ipvs.codec.IpvsFlags;
import org.jkeepalived.ipvs.codec.IpvsService;
import org.jkeepalived.ipvs.codec.IpvsServiceKey;

/**
 * From config to kernel, as keepalived 2.2.7's ipvswrapper.c builds its rules: the IPVS services one
 * {@code virtual_server} stands for (one per address of each group range, one per group fwmark, else one), and the
 * destination a real or sorry server becomes in each. Pure functions.
 */
public final class IpvsRules {

    /** keepalived's IPVS_WEIGHT_LIMIT (INT32_MAX). */
    public static final long WEIGHT_LIMIT = Integer.MAX_VALUE;

    private IpvsRules() {
    }

    /** Whether the rule is for a service command (ADD/EDIT/DEL: with persistence) or a destination command. */
    public enum Purpose {
        SERVICE,
        DESTINATION
    }

    /**
     * The services of {@code virtualServer}, in keepalived's order: group address ranges address by address, then
     * group fwmarks. Service commands carry persistence (timeout, PERSISTENT flag, granularity, engine); destination
     * commands, as keepalived's {@code ipvs_set_srule}, do not. Group entries always use the host netmask.
     */
    public static List<IpvsService> services(VirtualServer virtualServer, LvsConfig config, Purpose purpose) {
        int protocol = protocolNumber(virtualServer.protocol());
        boolean persistent = purpose == Purpose.SERVICE && virtualServer.persistenceTimeoutSecs() > 0;
        int flags = schedulerFlags(virtualServer) | (persistent ? IpvsFlags.IP_VS_SVC_F_PERSISTENT : 0);
        long timeout = persistent ? virtualServer.persistenceTimeoutSecs() : 0;
        Optional<String> engine = persistent ? virtualServer.persistenceEngine().filter(name -> !name.isEmpty())
                : Optional.empty();
        List<IpvsService> services = new ArrayList<>();
        if (virtualServer.key() instanceof VirtualServerKey.Group group) {
            config.group(group.name()).ifPresent(found -> groupKeys(found, virtualServer, protocol)
                    .forEach(key -> services.add(IpvsService.of(key, virtualServer.scheduler(), engine, flags,
                            timeout, hostNetmask(key)))));
        } else {
            IpvsServiceKey key = virtualServer.key() instanceof VirtualServerKey.Address address
                    ? IpvsServiceKey.ofAddress(protocol, address.address(), address.port())
                    : IpvsServiceKey.ofFwmark(family(virtualServer.family(), AddressFamily.INET),
                            ((VirtualServerKey.Fwmark) virtualServer.key()).fwmark());
            services.add(IpvsService.of(key, virtualServer.scheduler(), engine, flags, timeout,
                    persistent ? granularity(virtualServer, key.addressFamily()) : hostNetmask(key)));
        }
        return services;
    }

    /**
     * What a real or sorry server is in {@code service}: NAT keeps the server's own port, the other methods take the
     * service's (0 for a fwmark service); the weight is clamped to 0..{@link #WEIGHT_LIMIT} as keepalived's
     * {@code real_weight}.
     */
    public static IpvsDestination destination(IpvsService service, Endpoint endpoint, Forwarding forwarding,
            long weight, long upperThreshold, long lowerThreshold) {
        int method = switch (forwarding.method()) {
            case NAT -> IpvsDestination.IP_VS_CONN_F_MASQ;
            case DR -> IpvsDestination.IP_VS_CONN_F_DROUTE;
            case TUN -> IpvsDestination.IP_VS_CONN_F_TUNNEL;
        };
        int port = forwarding.method() == Forwarding.Method.NAT ? endpoint.port() : service.key().port();
        int tunnelType = switch (forwarding.tunnelType()) {
            case IPIP -> IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_IPIP;
            case GUE -> IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_GUE;
            case GRE -> IpvsDestination.IP_VS_CONN_F_TUNNEL_TYPE_GRE;
        };
        int tunnelFlags = switch (forwarding.tunnelChecksum()) {
            case NOCSUM -> IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_NOCSUM;
            case CSUM -> IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_CSUM;
            case REMCSUM -> IpvsDestination.IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM;
        };
        return IpvsDestination.request(endpoint.address(), port, method, realWeight(weight), tunnelType,
                forwarding.tunnelPort(), tunnelFlags, upperThreshold, lowerThreshold);
    }

    /** keepalived's {@code real_weight}: an effective weight clamped to what IPVS takes. */
    public static int realWeight(long effectiveWeight) {
        return (int) Math.max(0, Math.min(WEIGHT_LIMIT, effectiveWeight));
    }

    private static List<IpvsServiceKey> groupKeys(VirtualServerGroup group, VirtualServer virtualServer,
            int protocol) {
        List<IpvsServiceKey> keys = new ArrayList<>();
        for (VirtualServerGroup.Entry entry : group.entries()) {
            if (entry instanceof VirtualServerGroup.AddressRange range) {
                for (InetAddress address : expand(range)) {
                    keys.add(IpvsServiceKey.ofAddress(protocol, address, range.port()));
                }
            }
        }
        AddressFamily vsFamily = virtualServer.family();
        for (VirtualServerGroup.Entry entry : group.entries()) {
            if (entry instanceof VirtualServerGroup.FwmarkEntry fwmark) {
                AddressFamily family = fwmark.family() != AddressFamily.UNSPEC ? fwmark.family() : vsFamily;
                keys.add(IpvsServiceKey.ofFwmark(family(family, AddressFamily.INET), fwmark.fwmark()));
            }
        }
        return keys;
    }

    /**
     * The addresses of a range as keepalived's {@code ipvs_group_range_cmd} steps through them: an IPv4 range counts
     * the whole address up, an IPv6 range only its last 16 bits.
     */
    private static List<InetAddress> expand(VirtualServerGroup.AddressRange range) {
        byte[] first = range.first().getAddress();
        byte[] last = range.last().getAddress();
        List<InetAddress> addresses = new ArrayList<>();
        if (first.length == 4) {
            long from = Integer.toUnsignedLong(ByteBuffer.wrap(first).getInt());
            long to = Integer.toUnsignedLong(ByteBuffer.wrap(last).getInt());
            for (long value = from; value <= Math.max(from, to); value++) {
                addresses.add(address(ByteBuffer.allocate(4).putInt((int) value).array()));
            }
            return addresses;
        }
        int from = ((first[14] & 0xff) << 8) | (first[15] & 0xff);
        int to = ((last[14] & 0xff) << 8) | (last[15] & 0xff);
        for (int value = from; value <= Math.max(from, to); value++) {
            byte[] bytes = Arrays.copyOf(first, 16);
            bytes[14] = (byte) (value >> 8);
            bytes[15] = (byte) value;
            addresses.add(address(bytes));
        }
        return addresses;
    }

    /** keepalived's persistence_granularity: an IPv4 netmask (as the kernel reads its bytes) or an IPv6 prefix. */
    private static long granularity(VirtualServer virtualServer, int addressFamily) {
        Optional<String> written = virtualServer.persistenceGranularity();
        if (written.isEmpty()) {
            return IpvsService.hostNetmask(addressFamily);
        }
        String text = written.get();
        if (addressFamily == IpvsServiceKey.AF_INET6) {
            return new BigInteger(text.strip()).longValueExact();
        }
        byte[] mask = parseIpv4(text.strip());
        return Integer.toUnsignedLong(ByteBuffer.wrap(mask).order(ByteOrder.nativeOrder()).getInt());
    }

    private static byte[] parseIpv4(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int index = 0; index < bytes.length; index++) {
            bytes[index] = (byte) Integer.parseInt(parts[index]);
        }
        return bytes;
    }

    private static long hostNetmask(IpvsServiceKey key) {
        return IpvsService.hostNetmask(key.addressFamily());
    }

    private static int schedulerFlags(VirtualServer virtualServer) {
        int flags = 0;
        for (VirtualServer.ServiceFlag flag : virtualServer.flags()) {
            flags |= switch (flag) {
                case ONE_PACKET -> IpvsFlags.IP_VS_SVC_F_ONEPACKET;
                case SCHED_1 -> IpvsFlags.IP_VS_SVC_F_SCHED1;
                case SCHED_2 -> IpvsFlags.IP_VS_SVC_F_SCHED2;
                case SCHED_3 -> IpvsFlags.IP_VS_SVC_F_SCHED3;
                case SH_PORT -> IpvsFlags.IP_VS_SVC_F_SCHED_SH_PORT;
                case SH_FALLBACK -> IpvsFlags.IP_VS_SVC_F_SCHED_SH_FALLBACK;
                case MH_PORT -> IpvsFlags.IP_VS_SVC_F_SCHED_MH_PORT;
                case MH_FALLBACK -> IpvsFlags.IP_VS_SVC_F_SCHED_MH_FALLBACK;
            };
        }
        return flags;
    }

    private static int protocolNumber(Optional<Protocol> protocol) {
        return protocol.map(value -> switch (value) {
            case TCP -> IpvsServiceKey.IPPROTO_TCP;
            case UDP -> IpvsServiceKey.IPPROTO_UDP;
            case SCTP -> IpvsServiceKey.IPPROTO_SCTP;
        }).orElse(0);
    }

    private static int family(AddressFamily family, AddressFamily whenUnset) {
        AddressFamily chosen = family == AddressFamily.UNSPEC ? whenUnset : family;
        return chosen == AddressFamily.INET6 ? IpvsServiceKey.AF_INET6 : IpvsServiceKey.AF_INET;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
