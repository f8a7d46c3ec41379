package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.vrrp.VirtualAddress;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.libc.netlink.InterfaceAddress;
import org.jkeepalived.libc.netlink.RtnetlinkClient;
import org.jkeepalived.libc.netlink.RtnlLinkMessage;
import org.jkeepalived.libc.netlink.StructIfaddrMsg;
import org.jkeepalived.libc.netlink.StructNlAttr;
import org.jkeepalived.vrrp.codec.AddressFamily;

/**
 * The {@code use_vmac} interfaces of keepalived 2.2.7 (vrrp_vmac.c, vrrp_if_config.c): for each instance a private
 * mode macvlan on its interface carrying the VRRP MAC 00:00:5e:00:01:VRID (00:00:5e:00:02:VRID for IPv6) or the
 * configured one. An existing macvlan of that base and MAC is reused under its own name, as keepalived does after a
 * restart. One it creates gets keepalived's settings: arp_ignore=1, accept_local=1, rp_filter=0 and
 * promote_secondaries=1 on the macvlan and arp_ignore=1, arp_filter=1 on the base (IPv4 only), IPv6 disabled unless
 * an IPv6 address needs it, no address generation, link up, and for IPv6 the base's link-local address. Every
 * macvlan used is deleted at the end and the base's ARP settings are put back, as keepalived's shutdown does.
 *
 * <p>Not done: keepalived's net.ipv4.conf.all.rp_filter juggling (only needed where all.rp_filter is not 0) and its
 * nftables rules for VMACs.
 */
final class VirtualMacs {

    private static final int ARP_IGNORE_REPLY_LOCAL_ONLY = 1;
    private static final int ARP_FILTER_ON = 1;
    private static final int LINK_LOCAL_PREFIX_BITS = 64;
    private static final String DEFAULT_PREFIX = "vrrp";
    private static final int IFNAMSIZ = 16;
    private static final byte[] VRRP_MAC_PREFIX = {0x00, 0x00, 0x5e, 0x00};
    private static final Path IPV4_CONF = Path.of("/proc/sys/net/ipv4/conf");
    private static final Path IPV6_CONF = Path.of("/proc/sys/net/ipv6/conf");

    private final EngineIo io;
    /** Our macvlans by name, in creation order. */
    private final Map<String, Integer> ours = new LinkedHashMap<>();
    /** Bases whose arp_ignore and arp_filter we changed, with their previous values. */
    private final Map<String, BaseArpSettings> changedBases = new LinkedHashMap<>();

    private record BaseArpSettings(int index, int arpIgnore, int arpFilter) {
    }

    /** A macvlan as the link dump shows it. */
    private record Macvlan(String name, int index, int baseIndex, int mode, byte[] mac) {
    }

    VirtualMacs(EngineIo io) {
        this.io = io;
    }

    /** The VRRP MAC of {@code virtualRouterId}: 00:00:5e:00:01:VRID, or 00:00:5e:00:02:VRID for IPv6. */
    static byte[] vrrpMac(int virtualRouterId, AddressFamily family) {
        byte[] mac = Arrays.copyOf(VRRP_MAC_PREFIX, MacAddresses.BYTES);
        mac[4] = (byte) (family == AddressFamily.IPV6 ? 2 : 1);
        mac[5] = (byte) virtualRouterId;
        return mac;
    }

    /**
     * Finds or creates the macvlan of {@code instance} (which has {@code use_vmac} and an interface) on
     * {@code base}.
     *
     * @param sourceIpv6 the instance's IPv6 source address, given to an IPv6 macvlan that sends
     * @return the macvlan's name; empty when it could not be made (logged)
     */
    Optional<String> setUp(VrrpInstance instance, AddressFamily family, LinkState base,
                           Optional<Inet6Address> sourceIpv6) {
        VrrpInstance.Vmac vmac = instance.vmac().orElseThrow();
        String tag = "(" + instance.name() + ")";
        byte[] mac = vmac.macAddress().flatMap(MacAddresses::parse)
                .orElseGet(() -> vrrpMac(instance.virtualRouterId(), family));
        try {
            List<Macvlan> macvlans = macvlans(io.rtnetlink());
            Optional<Macvlan> matching = macvlans.stream()
                    .filter(link -> link.baseIndex() == base.index()
                            && link.mode() == RtnlLinkMessage.MACVLAN_MODE_PRIVATE && Arrays.equals(link.mac(), mac)
                            && !ours.containsKey(link.name()))
                    .findFirst();
            if (matching.isPresent()) {
                io.log(tag + " Found matching interface " + matching.get().name());
                ours.put(matching.get().name(), matching.get().index());
                return Optional.of(matching.get().name());
            }
            String name = vmac.interfaceName().orElseGet(() -> freeName(instance.virtualRouterId(), family));
            Optional<Macvlan> sameName = macvlans.stream().filter(link -> link.name().equals(name)).findFirst();
            if (sameName.isPresent()) {
                io.log(tag + " VMAC " + name + " already exists but is incompatible. It will be deleted/updated");
                io.rtnetlink().deleteLink(sameName.get().index());
            }
            io.rtnetlink().createMacvlan(name, base.index(), mac, RtnlLinkMessage.MACVLAN_MODE_PRIVATE);
            io.logDetail(tag + ": Success creating VMAC interface " + name);
            int index = indexOf(io.rtnetlink(), name);
            ours.put(name, index);
            configure(instance, family, base, name, index, sourceIpv6);
            return Optional.of(name);
        } catch (IOException e) {
            io.log(tag + ": Unable to create VMAC interface " + vmac.interfaceName().orElse("") + ": "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** Deletes one of our macvlans, which no instance uses any more (keepalived's netlink_link_del_vmac). */
    void release(String name) {
        Integer index = ours.remove(name);
        if (index == null) {
            return;
        }
        try {
            io.rtnetlink().deleteLink(index);
        } catch (IOException e) {
            io.log("Error removing VMAC interface " + name + ": " + e.getMessage());
        }
    }

    /** Deletes every macvlan used and restores the bases' ARP settings. */
    void tearDown() {
        changedBases.forEach((name, saved) -> {
            try {
                io.rtnetlink().setIpv4DeviceConfig(saved.index(), ipv4Settings(
                        RtnlLinkMessage.IPV4_DEVCONF_ARP_IGNORE, saved.arpIgnore(),
                        RtnlLinkMessage.IPV4_DEVCONF_ARPFILTER, saved.arpFilter()));
            } catch (IOException e) {
                io.log("reset interface flags on " + name + " failed: " + e.getMessage());
            }
        });
        changedBases.clear();
        List.copyOf(ours.keySet()).forEach(this::release);
    }

    private void configure(VrrpInstance instance, AddressFamily family, LinkState base, String name, int index,
                           Optional<Inet6Address> sourceIpv6) throws IOException {
        boolean otherFamilyExcluded = instance.excludedAddresses().stream().map(VirtualAddress::address)
                .anyMatch(address -> !family.holds(address));
        if (family == AddressFamily.IPV4) {
            io.rtnetlink().setIpv4DeviceConfig(index, ipv4Settings(
                    RtnlLinkMessage.IPV4_DEVCONF_ARP_IGNORE, ARP_IGNORE_REPLY_LOCAL_ONLY,
                    RtnlLinkMessage.IPV4_DEVCONF_ACCEPT_LOCAL, 1,
                    RtnlLinkMessage.IPV4_DEVCONF_RP_FILTER, 0,
                    RtnlLinkMessage.IPV4_DEVCONF_PROMOTE_SECONDARIES, 1));
            changeBaseArpSettings(base);
        }
        writeSysctl(IPV6_CONF.resolve(name).resolve("disable_ipv6"),
                family == AddressFamily.IPV4 && !otherFamilyExcluded ? 1 : 0);
        try {
            io.rtnetlink().disableAddressGeneration(index);
        } catch (IOException e) {
            io.log("(" + instance.name() + ") Error setting ADDR_GEN_MODE to NONE on " + name);
        }
        io.rtnetlink().setLinkUp(index, true);
        boolean xmitBase = instance.vmac().map(VrrpInstance.Vmac::xmitBase).orElse(false);
        if (family == AddressFamily.IPV6 && !xmitBase) {
            Optional<Inet6Address> linkLocal = sourceIpv6.or(base::linkLocalIpv6);
            if (linkLocal.isPresent()) {
                addLinkLocal(instance, name, index, linkLocal.get());
            } else {
                io.log("(" + instance.name() + ") adding link-local address to " + name + " failed");
            }
        }
    }

    private void addLinkLocal(VrrpInstance instance, String name, int index, Inet6Address address) {
        try {
            io.rtnetlink().addAddress(new InterfaceAddress(index, address, LINK_LOCAL_PREFIX_BITS, Optional.empty(),
                    StructIfaddrMsg.RT_SCOPE_UNIVERSE, Optional.empty(), 0));
        } catch (IOException e) {
            io.log("(" + instance.name() + ") adding link-local address to " + name + " failed: " + e.getMessage());
        }
    }

    /**
     * keepalived sets the base's arp_ignore and arp_filter to 1 for its first macvlan, and restores them after the
     * last; settings it cannot read are left alone.
     */
    private void changeBaseArpSettings(LinkState base) throws IOException {
        if (changedBases.containsKey(base.name())) {
            return;
        }
        Path conf = IPV4_CONF.resolve(base.name());
        Optional<Integer> arpIgnore = readSysctl(conf.resolve("arp_ignore"));
        Optional<Integer> arpFilter = readSysctl(conf.resolve("arp_filter"));
        if (arpIgnore.isEmpty() || arpFilter.isEmpty()
                || arpIgnore.get() == ARP_IGNORE_REPLY_LOCAL_ONLY && arpFilter.get() == ARP_FILTER_ON) {
            return;
        }
        io.rtnetlink().setIpv4DeviceConfig(base.index(), ipv4Settings(
                RtnlLinkMessage.IPV4_DEVCONF_ARP_IGNORE, ARP_IGNORE_REPLY_LOCAL_ONLY,
                RtnlLinkMessage.IPV4_DEVCONF_ARPFILTER, ARP_FILTER_ON));
        changedBases.put(base.name(), new BaseArpSettings(base.index(), arpIgnore.get(), arpFilter.get()));
    }

    /**
     * keepalived's {@code create_vmac_name}: {@code vrrp.VRID}, else for IPv6 {@code vrrp6.VRID}, then
     * {@code vrrp1.VRID}, {@code vrrp2.VRID}..., the first that no interface has.
     */
    private String freeName(int virtualRouterId, AddressFamily family) {
        int number = 0;
        while (true) {
            String name = number == 0 ? DEFAULT_PREFIX + "." + virtualRouterId
                    : DEFAULT_PREFIX + number + "." + virtualRouterId;
            if (name.length() < IFNAMSIZ && io.link(name).isEmpty() && !ours.containsKey(name)) {
                return name;
            }
            number = nextNameNumber(number, family);
        }
    }

    private static int nextNameNumber(int number, AddressFamily family) {
        if (family != AddressFamily.IPV6) {
            return number + 1;
        }
        if (number == 0) {
            return 6;
        }
        if (number == 6) {
            return 1;
        }
        return number + 1 == 6 ? 7 : number + 1;
    }

    private static List<Macvlan> macvlans(RtnetlinkClient rtnetlink) throws IOException {
        List<Macvlan> found = new ArrayList<>();
        for (RtnlLinkMessage link : rtnetlink.dumpLinks()) {
            if (link.name().isEmpty() || !link.kind().filter("macvlan"::equals).isPresent()) {
                continue;
            }
            int baseIndex = StructNlAttr.find(link.attributes(), RtnlLinkMessage.IFLA_LINK)
                    .map(StructNlAttr::valueAsU32).orElse(0);
            int mode = StructNlAttr.find(link.attributes(), RtnlLinkMessage.IFLA_LINKINFO)
                    .flatMap(info -> StructNlAttr.find(info.nested(), RtnlLinkMessage.IFLA_INFO_DATA))
                    .flatMap(data -> StructNlAttr.find(data.nested(), RtnlLinkMessage.IFLA_MACVLAN_MODE))
                    .map(StructNlAttr::valueAsU32).orElse(0);
            found.add(new Macvlan(link.name().get(), link.ifinfo().interfaceIndex(), baseIndex, mode,
                    link.hardwareAddress().orElse(new byte[0])));
        }
        return found;
    }

    private static int indexOf(RtnetlinkClient rtnetlink, String name) throws IOException {
        return rtnetlink.dumpLinks().stream().filter(link -> link.name().filter(name::equals).isPresent())
                .map(link -> link.ifinfo().interfaceIndex()).findFirst()
                .orElseThrow(() -> new IOException(name + " not found after RTM_NEWLINK"));
    }

    private static Map<Integer, Integer> ipv4Settings(int... settingValuePairs) {
        Map<Integer, Integer> settings = new LinkedHashMap<>();
        for (int i = 0; i < settingValuePairs.length; i += 2) {
            settings.put(settingValuePairs[i], settingValuePairs[i + 1]);
        }
        return settings;
    }

    private Optional<Integer> readSysctl(Path path) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(path, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            io.log("Unable to read " + path + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void writeSysctl(Path path, int value) {
        try {
            Files.writeString(path, Integer.toString(value), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            io.log("Unable to write " + path + ": " + e.getMessage());
        }
    }
}
