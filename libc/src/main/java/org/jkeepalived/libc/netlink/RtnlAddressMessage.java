package org.jkeepalived.libc.netlink;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RTM_NEWADDR / RTM_DELADDR / RTM_GETADDR: a {@link StructIfaddrMsg} and its IFA_* attributes (linux/if_addr.h), kept
 * in kernel order so a parsed message packs back byte for byte.
 */
public record RtnlAddressMessage(StructNlMsgHdr header, StructIfaddrMsg ifaddr, List<StructNlAttr> attributes)
        implements NetlinkMessage {

    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_CACHEINFO = 6;
    public static final int IFA_FLAGS = 8;

    /** sys/socket.h address families carried in ifa_family. */
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    public RtnlAddressMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(ifaddr, "ifaddr");
        attributes = List.copyOf(attributes);
    }

    static RtnlAddressMessage parsePayload(StructNlMsgHdr header, ByteBuffer payload) {
        StructIfaddrMsg ifaddr = StructIfaddrMsg.parse(payload);
        return new RtnlAddressMessage(header, ifaddr, StructNlAttr.parseAll(payload));
    }

    /**
     * An RTM_NEWADDR (NLM_F_CREATE | NLM_F_EXCL) or RTM_DELADDR request, acknowledged, with the attributes iproute2
     * sends, in its order: IFA_LOCAL, IFA_LABEL (if any), IFA_ADDRESS, IFA_BROADCAST (if any), IFA_FLAGS (if needed).
     */
    public static RtnlAddressMessage addressRequest(int type, int sequence, InterfaceAddress address) {
        if (type != RTM_NEWADDR && type != RTM_DELADDR) {
            throw new IllegalArgumentException("type: " + type + " (expected RTM_NEWADDR " + RTM_NEWADDR
                    + " or RTM_DELADDR " + RTM_DELADDR + ")");
        }
        int flags = StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_ACK
                | (type == RTM_NEWADDR ? StructNlMsgHdr.NLM_F_CREATE | StructNlMsgHdr.NLM_F_EXCL : 0);
        boolean ipv6 = address.address() instanceof Inet6Address;
        StructIfaddrMsg ifaddr = new StructIfaddrMsg(ipv6 ? AF_INET6 : AF_INET, address.prefixLength(),
                address.ifaFlags() & 0xff, address.scope(), address.interfaceIndex());
        List<StructNlAttr> attributes = new ArrayList<>();
        attributes.add(StructNlAttr.ofAddress(IFA_LOCAL, address.address()));
        address.label().ifPresent(label -> attributes.add(StructNlAttr.ofString(IFA_LABEL, label)));
        attributes.add(StructNlAttr.ofAddress(IFA_ADDRESS, address.address()));
        address.broadcast().ifPresent(broadcast -> attributes.add(StructNlAttr.ofAddress(IFA_BROADCAST, broadcast)));
        if (address.ifaFlags() > 0xff) {
            attributes.add(StructNlAttr.ofU32(IFA_FLAGS, address.ifaFlags()));
        }
        return of(type, flags, sequence, ifaddr, attributes);
    }

    /** RTM_GETADDR with NLM_F_DUMP: every address of {@code family} ({@link #AF_UNSPEC} for all). */
    public static RtnlAddressMessage dumpRequest(int sequence, int family) {
        return of(RTM_GETADDR, StructNlMsgHdr.NLM_F_REQUEST | StructNlMsgHdr.NLM_F_DUMP, sequence,
                new StructIfaddrMsg(family, 0, 0, 0, 0), List.of());
    }

    private static RtnlAddressMessage of(int type, int flags, int sequence, StructIfaddrMsg ifaddr,
            List<StructNlAttr> attributes) {
        int payloadBytes = StructIfaddrMsg.BYTES + StructNlAttr.alignedLength(attributes);
        return new RtnlAddressMessage(NetlinkMessage.header(type, flags, sequence, payloadBytes), ifaddr, attributes);
    }

    @Override
    public void pack(ByteBuffer buffer) {
        header.pack(buffer);
        ifaddr.pack(buffer);
        attributes.forEach(attribute -> attribute.pack(buffer));
    }

    /** The interface's own address: IFA_LOCAL, or IFA_ADDRESS where there is no IFA_LOCAL (IPv6), as iproute2 reads. */
    public Optional<InetAddress> localAddress() {
        return address(IFA_LOCAL).or(() -> address(IFA_ADDRESS));
    }

    public Optional<InetAddress> broadcast() {
        return address(IFA_BROADCAST);
    }

    public Optional<String> label() {
        return StructNlAttr.find(attributes, IFA_LABEL).map(StructNlAttr::valueAsString);
    }

    /** IFA_FLAGS when present (it holds the flags above bit 7), else ifa_flags. */
    public int addressFlags() {
        return StructNlAttr.find(attributes, IFA_FLAGS).map(StructNlAttr::valueAsU32).orElse(ifaddr.flags());
    }

    private Optional<InetAddress> address(int type) {
        return StructNlAttr.find(attributes, type).map(StructNlAttr::valueAsAddress);
    }
}
