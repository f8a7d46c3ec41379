package org.jkeepalived.libc.netlink;

import java.nio.ByteBuffer;
import java.util.List;
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
