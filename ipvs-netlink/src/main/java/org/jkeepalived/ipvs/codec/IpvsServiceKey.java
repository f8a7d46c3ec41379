package org.jkeepalived.ipvs.codec;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jkeepalived.libc.netlink.StructNlAttr;

/**
 * What identifies an IPVS service: {@code protocol address:port}, or a firewall mark (then protocol, address and port
 * are not sent). IPVS_SVC_ATTR_AF (u16), then IPVS_SVC_ATTR_FWMARK (u32) or IPVS_SVC_ATTR_PROTOCOL (u16),
 * IPVS_SVC_ATTR_ADDR ({@code nf_inet_addr}) and IPVS_SVC_ATTR_PORT ({@code __be16}).
 *
 * @param addressFamily AF_INET (2) or AF_INET6 (10)
 * @param protocol      IPPROTO_TCP (6), IPPROTO_UDP (17) or IPPROTO_SCTP (132); 0 for a firewall-mark service
 */
public record IpvsServiceKey(int addressFamily, int protocol, Optional<InetAddress> address, int port, long fwmark)
        implements ServiceAttribute {

    public static final int AF_INET = Attributes.AF_INET;
    public static final int AF_INET6 = Attributes.AF_INET6;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_SCTP = 132;

    public IpvsServiceKey {
        Objects.requireNonNull(address, "address");
        if (addressFamily != AF_INET && addressFamily != AF_INET6) {
            throw new IllegalArgumentException("addressFamily: " + addressFamily + " (expected " + AF_INET + " or "
                    + AF_INET6 + ")");
        }
        Attributes.requireRange("protocol", protocol, 0xffff);
        Attributes.requireRange("port", port, 0xffff);
        Attributes.requireRange("fwmark", fwmark, 0xffff_ffffL);
        if (fwmark != 0 && (address.isPresent() || protocol != 0 || port != 0)) {
            throw new IllegalArgumentException("fwmark: " + fwmark
                    + " (expected no protocol, address or port with it)");
        }
        if (fwmark == 0) {
            Attributes.requireFamily("address", address.orElseThrow(() ->
                    new IllegalArgumentException("address: none (expected one, or a fwmark)")), addressFamily);
        }
    }

    public static IpvsServiceKey ofAddress(int protocol, InetAddress address, int port) {
        return new IpvsServiceKey(Attributes.family(address), protocol, Optional.of(address), port, 0);
    }

    public static IpvsServiceKey ofFwmark(int addressFamily, long fwmark) {
        if (fwmark == 0) {
            throw new IllegalArgumentException("fwmark: 0 (expected 1..4294967295)");
        }
        return new IpvsServiceKey(addressFamily, 0, Optional.empty(), 0, fwmark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }

    @Override
    public IpvsServiceKey key() {
        return this;
    }

    @Override
    public List<StructNlAttr> encode() {
        List<StructNlAttr> attributes = new ArrayList<>();
        attributes.add(Attributes.u16(IpvsService.IPVS_SVC_ATTR_AF, addressFamily));
        if (isFwmark()) {
            attributes.add(Attributes.u32(IpvsService.IPVS_SVC_ATTR_FWMARK, fwmark));
        } else {
            attributes.add(Attributes.u16(IpvsService.IPVS_SVC_ATTR_PROTOCOL, protocol));
            attributes.add(Attributes.nfAddress(IpvsService.IPVS_SVC_ATTR_ADDR, address.orElseThrow()));
            attributes.add(Attributes.be16(IpvsService.IPVS_SVC_ATTR_PORT, port));
        }
        return attributes;
    }

    static IpvsServiceKey decode(List<StructNlAttr> attributes) {
        int family = Attributes.asU16(Attributes.require(attributes, IpvsService.IPVS_SVC_ATTR_AF,
                "IPVS_SVC_ATTR_AF"), "IPVS_SVC_ATTR_AF");
        Optional<StructNlAttr> fwmark = Attributes.find(attributes, IpvsService.IPVS_SVC_ATTR_FWMARK);
        if (fwmark.isPresent()) {
            return new IpvsServiceKey(family, 0, Optional.empty(), 0,
                    Attributes.asU32(fwmark.get(), "IPVS_SVC_ATTR_FWMARK"));
        }
        int protocol = Attributes.asU16(Attributes.require(attributes, IpvsService.IPVS_SVC_ATTR_PROTOCOL,
                "IPVS_SVC_ATTR_PROTOCOL"), "IPVS_SVC_ATTR_PROTOCOL");
        InetAddress address = Attributes.asAddress(Attributes.require(attributes, IpvsService.IPVS_SVC_ATTR_ADDR,
                "IPVS_SVC_ATTR_ADDR"), family, "IPVS_SVC_ATTR_ADDR");
        int port = Attributes.asBe16(Attributes.require(attributes, IpvsService.IPVS_SVC_ATTR_PORT,
                "IPVS_SVC_ATTR_PORT"), "IPVS_SVC_ATTR_PORT");
        return new IpvsServiceKey(family, protocol, Optional.of(address), port, 0);
    }

    /** keepalived's {@code format_srule}: {@code 10.0.0.1:tcp:80}, or {@code Fwm 7} ({@code Fwm 7 inet6}). */
    public String describe() {
        if (isFwmark()) {
            return "Fwm " + fwmark + (addressFamily == AF_INET6 ? " inet6" : "");
        }
        String protocolName = switch (protocol) {
            case IPPROTO_TCP -> "tcp";
            case IPPROTO_UDP -> "udp";
            case IPPROTO_SCTP -> "sctp";
            default -> Integer.toString(protocol);
        };
        return Addresses.text(address.orElseThrow()) + ":" + protocolName + ":" + port;
    }
}
