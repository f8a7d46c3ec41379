package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * RTM_NEWLINK / RTM_DELLINK / RTM_GETLINK: a {@link StructIfinfoMsg} and its IFLA_* attributes (linux/if_link.h),
 * kept in kernel order so a parsed message packs back byte for byte.
 */
public record RtnlLinkMessage(StructNlMsgHdr header, StructIfinfoMsg ifinfo, List<StructNlAttr> attributes)
        implements NetlinkMessage {

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_OPERSTATE = 16;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_AF_SPEC = 26;
    public static final int IFLA_MACVLAN_MODE = 1;
    /** linux/if_link.h MACVLAN_MODE_PRIVATE: the mode keepalived gives its VMACs. */
    public static final int MACVLAN_MODE_PRIVATE = 1;
    public static final int IFLA_INET6_ADDR_GEN_MODE = 8;
    public static final int IN6_ADDR_GEN_MODE_NONE = 1;
    public static final int IFLA_INET_CONF = 1;
    /** linux/ip.h IPV4_DEVCONF_* (attribute numbers inside IFLA_INET_CONF). */
    public static final int IPV4_DEVCONF_RP_FILTER = 8;
    public static final int IPV4_DEVCONF_ARPFILTER = 13;
    public static final int IPV4_DEVCONF_ARP_IGNORE = 19;
    public static final int IPV4_DEVCONF_PROMOTE_SECONDARIES = 20;
    public static final int IPV4_DEVCONF_ACCEPT_LOCAL = 23;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    /** linux/if.h IF_OPER_* (RFC 2863 operational status). */
    public static final int IF_OPER_UNKNOWN = 0;
    public static final int IF_OPER_DOWN = 2;
    public static final int IF_OPER_LOWERLAYERDOWN = 3;
    public static final int IF_OPER_UP = 6;

    public RtnlLinkMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ifinfo, "ifinfo");
        attributes = List.copyOf(attributes);
    }

    static RtnlLinkMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        StructIfinfoMsg ifinfo = StructIfinfoMsg.parse(payload);
        return new RtnlLinkMessage(header, ifinfo, StructNlAttr.parseAll(payload));
    }

    /** RTM_GETLINK with NLM_F_DUMP: every link of the namespace. */
    public static RtnlLinkMessage dumpRequest(int sequence) {
        return new RtnlLinkMessage(NetlinkMessage.header(RTM_GETLINK,
                StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_DUMP, sequence, StructIfinfoMsg.BYTES),
                new StructIfinfoMsg(RtnlAddressMessage.AF_UNSPEC, 0, 0, 0, 0), List.of());
    }

    /**
     * keepalived's VMAC creation (RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL): a macvlan {@code name} of {@code mode} on
     * the link {@code baseIndex}, with {@code mac}; the kind and name are sent without their NUL, as keepalived does.
     */
    public static RtnlLinkMessage newMacvlanRequest(int sequence, String name, int baseIndex, byte[] mac, int mode) {
        List<StructNlAttr> attributes = List.of(
                StructNlAttr.ofNested(IFLA_LINKINFO, List.of(
                        new StructNlAttr(IFLA_INFO_KIND, "macvlan".getBytes(StandardCharsets.US_ASCII)),
                        StructNlAttr.ofNested(IFLA_INFO_DATA, List.of(StructNlAttr.ofU32(IFLA_MACVLAN_MODE, mode))))),
                StructNlAttr.ofU32(IFLA_LINK, baseIndex),
                new StructNlAttr(IFLA_IFNAME, name.getBytes(StandardCharsets.UTF_8)),
                new StructNlAttr(IFLA_ADDRESS, mac));
        return request(RTM_NEWLINK, StructNlMsgHdr.NLM_F_CREATE | StructNlMsgHdr.NLM_F_EXCL, sequence,
                new StructIfinfoMsg(RtnlAddressMessage.AF_UNSPEC, 0, 0, 0, 0), attributes);
    }

    /** RTM_NEWLINK setting IN6_ADDR_GEN_MODE_NONE, so the kernel gives the link no link-local address of its own. */
    public static RtnlLinkMessage addrGenModeNoneRequest(int sequence, int interfaceIndex) {
        StructNlAttr inet6 = StructNlAttr.ofNested(AF_INET6,
                List.of(StructNlAttr.ofU8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE)));
        return request(RTM_NEWLINK, 0, sequence,
                new StructIfinfoMsg(RtnlAddressMessage.AF_UNSPEC, 0, interfaceIndex, 0, 0),
                List.of(StructNlAttr.ofNested(IFLA_AF_SPEC, List.of(inet6))));
    }

    /**
     * RTM_NEWLINK setting IPv4 per-device settings ({@code net.ipv4.conf.IF.*}) through IFLA_INET_CONF, in the order
     * of {@code settings} (IPV4_DEVCONF_* to value), as keepalived sets arp_ignore and its like.
     */
    public static RtnlLinkMessage ipv4DeviceConfigRequest(int sequence, int interfaceIndex,
                                                          Map<Integer, Integer> settings) {
        List<StructNlAttr> values = new ArrayList<>();
        settings.forEach((setting, value) -> values.add(StructNlAttr.ofU32(setting, value)));
        StructNlAttr inet = StructNlAttr.ofNested(AF_INET, List.of(StructNlAttr.ofNested(IFLA_INET_CONF, values)));
        return request(RTM_NEWLINK, 0, sequence,
                new StructIfinfoMsg(RtnlAddressMessage.AF_UNSPEC, 0, interfaceIndex, 0, 0),
                List.of(StructNlAttr.ofNested(IFLA_AF_SPEC, List.of(inet))));
    }

    /** RTM_NEWLINK changing only IFF_UP. */
    public static RtnlLinkMessage setUpRequest(int sequence, int interfaceIndex, boolean up) {
        return request(RTM_NEWLINK, 0, sequence, new StructIfinfoMsg(RtnlAddressMessage.AF_UNSPEC, 0,
                interfaceIndex, up ? StructIfinfoMsg.IFF_UP : 0, StructIfinfoMsg.IFF_UP), List.of());
    }

    /** RTM_DELLINK of the link {@code interfaceIndex} (ifi_family AF_INET, as keepalived sends it). */
    public static RtnlLinkMessage deleteRequest(int sequence, int interfaceIndex) {
        return request(RTM_DELLINK, 0, sequence, new StructIfinfoMsg(RtnlAddressMessage.AF_INET, 0, interfaceIndex,
                0, 0), List.of());
    }

    /** An acknowledged request: NLM_F_REQUEST | NLM_F_ACK and {@code flags}. */
    private static RtnlLinkMessage request(int type, int flags, int sequence, StructIfinfoMsg ifinfo,
                                           List<StructNlAttr> attributes) {
        int payloadBytes = StructIfinfoMsg.BYTES + StructNlAttr.alignedLength(attributes);
        return new RtnlLinkMessage(NetlinkMessage.header(type,
                StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK | flags, sequence, payloadBytes), ifinfo,
                attributes);
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        ifinfo.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    public Optional<String> name() {
        return StructNlAttr.find(attributes, IFLA_IFNAME).map(StructNlAttr::valueAsString);
    }

    /** IFLA_OPERSTATE (IF_OPER_*). */
    public Optional<Integer> operState() {
        return StructNlAttr.find(attributes, IFLA_OPERSTATE).map(StructNlAttr::valueAsU8);
    }

    public Optional<Integer> mtu() {
        return StructNlAttr.find(attributes, IFLA_MTU).map(StructNlAttr::valueAsU32);
    }

    /** IFLA_ADDRESS: the MAC of an Ethernet-like link. */
    public Optional<byte[]> hardwareAddress() {
        return StructNlAttr.find(attributes, IFLA_ADDRESS).map(StructNlAttr::value);
    }

    /** IFLA_LINKINFO / IFLA_INFO_KIND: "veth", "macvlan", "bond"...; empty for a plain device. */
    public Optional<String> kind() {
        return StructNlAttr.find(attributes, IFLA_LINKINFO)
                .flatMap(info -> StructNlAttr.find(info.nested(), IFLA_INFO_KIND))
                .map(StructNlAttr::valueAsString);
    }
}
