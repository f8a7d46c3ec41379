package org.jkeepalived.vrrp.engine;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.vrrp.VirtualAddress;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.VrrpSocket;
import org.jkeepalived.vrrp.codec.AddressFamily;
import org.jkeepalived.vrrp.codec.AuthType;
import org.jkeepalived.vrrp.codec.Ipv4Envelope;
import org.jkeepalived.vrrp.codec.ReceiverSettings;
import org.jkeepalived.vrrp.codec.ReceiverState;
import org.jkeepalived.vrrp.codec.UnicastChecksumCompat;
import org.jkeepalived.vrrp.codec.VrrpAdvert;
import org.jkeepalived.vrrp.codec.VrrpCodec;
import org.jkeepalived.vrrp.codec.VrrpVersion;
import org.jkeepalived.vrrp.machine.MachineSettings;
import org.jkeepalived.vrrp.machine.VrrpInstanceMachine;

/**
 * One instance as the engine runs it: its configuration, the socket it shares, what its receive checks carry from
 * advert to advert (with the AH sequence counter, shared by what it sends), the IP identification of what it sends,
 * and its drop counters. Owned by the loop thread.
 */
final class InstanceRuntime {

    private static final int MULTICAST_TTL = 255;
    private static final int MAX_IP_ID = 0xffff;
    /** keepalived stops counting here (its {@code ipsecah_counter.cycle}); 2^32 adverts are 136 years at 1 s. */
    private static final long LAST_AH_SEQUENCE = 0xfffffffeL;
    private static final long UINT32_MASK = 0xffffffffL;
    private static final long MICROS_PER_CENTI = 10_000L;

    final VrrpInstance config;
    final AddressFamily family;
    /** {@code unicast_src_ip} or {@code mcast_src_ip}: keepalived's {@code VRRP_FLAG_SADDR_FROM_CONFIG}. */
    final Optional<InetAddress> configuredSource;
    /** The instance's interface as last read; empty while it does not exist. */
    Optional<LinkState> link;
    /** keepalived's {@code saddr}: the configured source, else an address of the interface; empty without one. */
    Optional<InetAddress> sourceAddress;
    final ReceiverSettings receiverSettings;
    final DropCounters drops = new DropCounters();
    final InstanceStats stats = new InstanceStats();
    final InetAddress multicastGroup;
    final RoutingSet routing;
    /** Whether the forced rule removal of leaving INIT has happened. */
    boolean rulesCleared;
    ReceiverState receiverState;
    MachineSettings settings;
    VrrpInstanceMachine machine;
    Optional<VrrpSocket> socket = Optional.empty();
    /** The {@code use_vmac} macvlan, once made. */
    Optional<String> vmacName = Optional.empty();
    private int ipIdentification;

    InstanceRuntime(VrrpInstance config, GlobalDefs global, Optional<LinkState> link) {
        this.config = config;
        this.family = familyOf(config);
        this.link = link;
        this.multicastGroup = IpAddresses.parse(family == AddressFamily.IPV6 ? global.vrrpMcastGroup6()
                : global.vrrpMcastGroup4()).orElseThrow();
        this.configuredSource = config.unicastSourceIp().or(config::mcastSourceIp)
                .flatMap(IpAddresses::parse).filter(family::holds);
        this.sourceAddress = configuredSource.or(() -> link.flatMap(state -> family == AddressFamily.IPV6
                ? state.linkLocalIpv6().map(InetAddress.class::cast)
                : state.primaryIpv4().map(InetAddress.class::cast)));
        this.receiverSettings = receiverSettings(config, global, family, advertisedAddresses(config, family));
        this.receiverState = ReceiverState.initial(UnicastChecksumCompat.NONE);
        this.routing = new RoutingSet(config.virtualRoutes(), config.virtualRules());
    }

    String name() {
        return config.name();
    }

    /**
     * The source once the interface reads {@code now}, as keepalived's {@code netlink_if_address_filter} follows it:
     * a configured source never changes; an address taken from the interface stays while the interface has it;
     * when it goes, another of the interface's addresses of the family takes its place, never one of
     * {@code virtualAddresses} (keepalived ignores the instances' own VIPs appearing on an interface).
     */
    Optional<InetAddress> sourceOnceRead(Optional<LinkState> now, Set<InetAddress> virtualAddresses) {
        if (configuredSource.isPresent()) {
            return configuredSource;
        }
        List<InetAddress> candidates = now.map(state -> family == AddressFamily.IPV6
                ? List.<InetAddress>copyOf(state.ipv6LinkLocals()) : List.<InetAddress>copyOf(state.ipv4Primaries()))
                .orElse(List.of());
        if (sourceAddress.filter(candidates::contains).isPresent()) {
            return sourceAddress;
        }
        return candidates.stream().filter(address -> !virtualAddresses.contains(address)).findFirst();
    }

    boolean unicast() {
        return !config.unicastPeers().isEmpty();
    }

    /** The virtual addresses an advert carries: those of the instance's family, in configuration order. */
    List<InetAddress> advertisedAddresses() {
        return receiverSettings.virtualAddresses();
    }

    /** Where adverts go out and come in: the macvlan, unless {@code vmac_xmit_base} keeps them on the base. */
    Optional<String> advertInterface() {
        boolean xmitBase = config.vmac().map(VrrpInstance.Vmac::xmitBase).orElse(false);
        return xmitBase ? config.interfaceName() : addressInterface();
    }

    /** Where virtual addresses without a {@code dev} go: the macvlan with {@code use_vmac}, else the interface. */
    Optional<String> addressInterface() {
        return vmacName.or(config::interfaceName);
    }

    /**
     * Where this instance's socket sits in the pool; empty without a source address, or without an interface
     * unless unicast (keepalived's unicast instances may omit it: their sockets are bound to no device).
     */
    Optional<SocketKey> socketKey() {
        if ((advertInterface().isEmpty() && !unicast()) || sourceAddress.isEmpty()) {
            return Optional.empty();
        }
        InetAddress groupOrSource = unicast() ? sourceAddress.get() : multicastGroup;
        int ipProtocol = receiverSettings.authType() == AuthType.AH ? VrrpSocket.IPPROTO_AH : VrrpSocket.IPPROTO_VRRP;
        return Optional.of(new SocketKey(advertInterface().orElse(""), family == AddressFamily.IPV6, unicast(),
                groupOrSource, ipProtocol));
    }

    /** Sends one advert with {@code priority} to the group or to each unicast peer, as keepalived's vrrp_send_adv. */
    void sendAdvert(int priority, ByteBuffer buffer) throws NativeIoException {
        VrrpSocket open = socket.orElseThrow(() -> new IllegalStateException(name() + ": no socket"));
        VrrpAdvert advert = advert(priority);
        List<InetAddress> destinations = unicast()
                ? config.unicastPeers().stream().map(peer -> peer.address()).toList()
                : List.of(multicastGroup);
        if (family == AddressFamily.IPV4) {
            ipIdentification = ipIdentification == MAX_IP_ID ? 1 : ipIdentification + 1;
            if (receiverSettings.authType() == AuthType.AH) {
                receiverState = receiverState.withAhSequenceNumber(
                        nextAhSequenceNumber(receiverState.ahSequenceNumber()));
            }
        }
        for (InetAddress destination : destinations) {
            buffer.clear();
            if (family == AddressFamily.IPV4) {
                VrrpCodec.encodeIpv4(advert, envelope((Inet4Address) destination), buffer);
            } else {
                VrrpCodec.encodeIpv6(advert, (Inet6Address) sourceAddress.orElseThrow(), (Inet6Address) destination,
                        buffer);
            }
            open.send(buffer.flip(), destination, config.unicastTtl());
        }
    }

    /**
     * keepalived 2.2.7 keeps one AH sequence counter per instance ({@code ipsecah_counter}): each advert sent
     * increments it, each advert accepted sets it to the received number, and a received advert must carry a higher
     * one. So a backup's first advert as master continues the master's sequence, and a master drops adverts that do
     * not pass its own.
     */
    static long nextAhSequenceNumber(long current) {
        return current >= LAST_AH_SEQUENCE ? current : current + 1;
    }

    /**
     * keepalived's master moves its counter to one past the lower priority advert it just accepted (the counter
     * holds that advert's number now), in 32 bits as keepalived's {@code uint32_t}.
     *
     * @return false without {@code auth_type AH}
     */
    boolean syncAhSequenceAfterLowerPriority() {
        if (receiverSettings.authType() != AuthType.AH) {
            return false;
        }
        receiverState = receiverState.withAhSequenceNumber((receiverState.ahSequenceNumber() + 1) & UINT32_MASK);
        return true;
    }

    private VrrpAdvert advert(int priority) {
        int advertIntervalCentis = (int) (config.advertIntervalMicros() / MICROS_PER_CENTI);
        if (config.version() == 3) {
            return VrrpAdvert.v3(family, config.virtualRouterId(), priority, advertIntervalCentis,
                    advertisedAddresses());
        }
        return VrrpAdvert.v2(family, config.virtualRouterId(), priority, receiverSettings.authType(),
                receiverSettings.authKey(), advertIntervalCentis / VrrpAdvert.CENTIS_PER_SECOND,
                advertisedAddresses());
    }

    private Ipv4Envelope envelope(Inet4Address destination) {
        Ipv4Envelope envelope = Ipv4Envelope.of((Inet4Address) sourceAddress.orElseThrow(), destination,
                config.unicastTtl().orElse(MULTICAST_TTL), ipIdentification);
        if (unicast() && config.version() == 3 && receiverState.unicastChecksumCompat().usesMulticastGroup()) {
            envelope = envelope.withPseudoHeaderDestination((Inet4Address) multicastGroup);
        }
        if (receiverSettings.authType() == AuthType.AH) {
            envelope = envelope.withAuthHeader(new Ipv4Envelope.AuthHeaderSigning(receiverSettings.authKey(),
                    receiverState.ahSequenceNumber(), unicast()));
        }
        return envelope;
    }

    /**
     * keepalived's instance family: that of its first virtual address, else of its unicast source or first peer,
     * else IPv4.
     */
    private static AddressFamily familyOf(VrrpInstance config) {
        Optional<InetAddress> first = config.virtualAddresses().stream().map(VirtualAddress::address).findFirst()
                .or(() -> config.unicastSourceIp().flatMap(IpAddresses::parse))
                .or(() -> config.unicastPeers().stream().map(peer -> peer.address()).findFirst());
        return first.filter(Inet6Address.class::isInstance).isPresent() ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    private static List<InetAddress> advertisedAddresses(VrrpInstance config, AddressFamily family) {
        return config.virtualAddresses().stream().map(VirtualAddress::address).filter(family::holds).toList();
    }

    private static ReceiverSettings receiverSettings(VrrpInstance config, GlobalDefs global, AddressFamily family,
                                                     List<InetAddress> addresses) {
        Optional<VrrpInstance.Authentication> authentication = config.version() == 2
                ? config.authentication() : Optional.empty();
        AuthType authType = authentication.map(auth -> auth.type() == VrrpInstance.AuthType.AH ? AuthType.AH
                : AuthType.PASS).orElse(AuthType.NONE);
        if (authType == AuthType.AH && family == AddressFamily.IPV6) {
            authType = AuthType.NONE;
        }
        byte[] authKey = ReceiverSettings.authKey(authentication.map(VrrpInstance.Authentication::password)
                .orElse(""));
        List<ReceiverSettings.UnicastPeer> peers = config.unicastPeers().stream()
                .map(peer -> new ReceiverSettings.UnicastPeer(peer.address(), peer.minTtl().orElse(0),
                        peer.maxTtl().orElse(MULTICAST_TTL)))
                .toList();
        boolean checkUnicastSource = global.vrrpCheckUnicastSrc();
        Inet4Address group4 = (Inet4Address) IpAddresses.parse(global.vrrpMcastGroup4())
                .filter(Inet4Address.class::isInstance).orElseThrow();
        return new ReceiverSettings(config.name(), config.interfaceName().orElse(""),
                config.version() == 3 ? VrrpVersion.V3 : VrrpVersion.V2, family, config.virtualRouterId(), authType,
                authKey, (int) Math.max(1, config.advertIntervalMicros() / MICROS_PER_CENTI), addresses,
                !peers.isEmpty(), peers, checkUnicastSource, config.skipCheckAdvAddr() || global.vrrpSkipCheckAdvAddr(),
                group4);
    }
}
