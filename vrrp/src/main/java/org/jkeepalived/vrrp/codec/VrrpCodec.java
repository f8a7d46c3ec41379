package org.jkeepalived.vrrp.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * VRRP adverts to and from bytes, as keepalived 2.2.7 writes and checks them. IPv4 packets include the IP header
 * (keepalived sends with {@code IP_HDRINCL} and reads the header back); IPv6 packets are the VRRP message alone.
 * Encoders write at the buffer's position and advance it; decoders read from position to limit and leave the buffer
 * untouched. Decoders never throw on bad bytes.
 */
public final class VrrpCodec {
    public static final int IPV4_HEADER_BYTES = 20;
    private static final int IPV4_VERSION_IHL = 0x45;
    /** keepalived marks adverts as internetwork control traffic. */
    private static final int IPV4_TOS = 0xc0;

    private VrrpCodec() {
    }

    /** Bytes {@link #encodeIpv4} writes. */
    public static int ipv4LengthBytes(VrrpAdvert advert, Ipv4Envelope envelope) {
        return IPV4_HEADER_BYTES + (envelope.authHeader().isPresent() ? AuthHeaderIcv.HEADER_BYTES : 0)
                + advert.lengthBytes();
    }

    /**
     * The IPv4 packet keepalived sends ({@code vrrp_build_pkt} then {@code vrrp_update_pkt}), header checksum
     * included, though the kernel fills that in again.
     *
     * @return the bytes written
     */
    public static int encodeIpv4(VrrpAdvert advert, Ipv4Envelope envelope, ByteBuffer out) {
        if (advert.family() != AddressFamily.IPV4) {
            throw new IllegalArgumentException("advert.family: " + advert.family() + " (expected IPV4)");
        }
        if (envelope.authHeader().isPresent() != (advert.authType() == AuthType.AH)) {
            throw new IllegalArgumentException("authHeader: " + envelope.authHeader().isPresent()
                    + " (expected an AH header exactly for auth type AH)");
        }
        int totalBytes = ipv4LengthBytes(advert, envelope);
        int start = requireRoom(out, totalBytes);
        out.put(start, (byte) IPV4_VERSION_IHL);
        out.put(start + 1, (byte) IPV4_TOS);
        out.putShort(start + 2, (short) totalBytes);
        out.putShort(start + 4, (short) envelope.identification());
        out.putShort(start + 6, (short) 0);
        out.put(start + 8, (byte) envelope.ttl());
        out.put(start + 9, (byte) (envelope.authHeader().isPresent() ? IpProtocol.AH : IpProtocol.VRRP));
        out.putShort(start + 10, (short) 0);
        out.put(start + 12, envelope.source().getAddress());
        out.put(start + 16, envelope.destination().getAddress());
        int vrrpStart = start + IPV4_HEADER_BYTES;
        if (envelope.authHeader().isPresent()) {
            writeAuthHeaderFields(out, vrrpStart, envelope);
            vrrpStart += AuthHeaderIcv.HEADER_BYTES;
        }
        InternetChecksum seed = advert.version() == VrrpVersion.V3
                ? InternetChecksum.pseudoHeader(envelope.source().getAddress(),
                        envelope.pseudoHeaderDestination().getAddress(), advert.lengthBytes())
                : new InternetChecksum();
        writeVrrp(advert, out, vrrpStart, seed);
        envelope.authHeader().ifPresent(signing -> out.put(start + IPV4_HEADER_BYTES + AuthHeaderIcv.ICV_OFFSET,
                AuthHeaderIcv.compute(out, start, IPV4_HEADER_BYTES, totalBytes, signing.key(), signing.unicast())));
        out.putShort(start + 10, (short) new InternetChecksum().add(out, start, IPV4_HEADER_BYTES).value());
        out.position(start + totalBytes);
        return totalBytes;
    }

    /**
     * The VRRP message of an IPv6 advert, whose header the kernel builds. The checksum over the IPv6 pseudo-header
     * is filled in; the kernel ({@code IPV6_CHECKSUM}) computes the same.
     *
     * @return the bytes written
     */
    public static int encodeIpv6(VrrpAdvert advert, Inet6Address source, Inet6Address destination, ByteBuffer out) {
        if (advert.family() != AddressFamily.IPV6) {
            throw new IllegalArgumentException("advert.family: " + advert.family() + " (expected IPV6)");
        }
        int start = requireRoom(out, advert.lengthBytes());
        writeVrrp(advert, out, start, InternetChecksum.pseudoHeader(source.getAddress(), destination.getAddress(),
                advert.lengthBytes()));
        out.position(start + advert.lengthBytes());
        return advert.lengthBytes();
    }

    /** The VRID that picks the instance, after keepalived's minimum-length check ({@code vrrp_get_header}). */
    public static Peek peek(AddressFamily family, ByteBuffer packet) {
        return AdvertCheck.peek(family, packet);
    }

    /** Checks an IPv4 packet (IP header, optional AH header, VRRP) against an instance, in keepalived's order. */
    public static Decoded decodeIpv4(ByteBuffer packet, ReceiverSettings settings, ReceiverState state) {
        return AdvertCheck.ipv4(packet, settings, state).run();
    }

    /** Checks an IPv6 VRRP message against an instance, in keepalived's order; the kernel checked the checksum. */
    public static Decoded decodeIpv6(ByteBuffer packet, Ipv6Reception reception, ReceiverSettings settings,
                                     ReceiverState state) {
        return AdvertCheck.ipv6(packet, reception, settings, state).run();
    }

    private static int requireRoom(ByteBuffer out, int bytes) {
        if (out.remaining() < bytes) {
            throw new IllegalArgumentException("out: " + out.remaining() + " bytes remaining (expected >= " + bytes
                    + ")");
        }
        return out.position();
    }

    private static void writeAuthHeaderFields(ByteBuffer out, int at, Ipv4Envelope envelope) {
        Ipv4Envelope.AuthHeaderSigning signing = envelope.authHeader().orElseThrow();
        out.put(at + AuthHeaderIcv.NEXT_HEADER_OFFSET, (byte) IpProtocol.VRRP);
        out.put(at + AuthHeaderIcv.PAYLOAD_LENGTH_OFFSET, (byte) AuthHeaderIcv.PAYLOAD_LENGTH_WORDS);
        out.putShort(at + 2, (short) 0);
        out.put(at + AuthHeaderIcv.SPI_OFFSET, envelope.source().getAddress());
        out.putInt(at + AuthHeaderIcv.SEQUENCE_OFFSET, (int) signing.sequenceNumber());
        out.put(at + AuthHeaderIcv.ICV_OFFSET, new byte[AuthHeaderIcv.ICV_BYTES]);
    }

    private static void writeVrrp(VrrpAdvert advert, ByteBuffer out, int at, InternetChecksum checksumSeed) {
        out.put(at, (byte) (advert.version().number() << 4 | VrrpAdvert.TYPE_ADVERTISEMENT));
        out.put(at + 1, (byte) advert.virtualRouterId());
        out.put(at + 2, (byte) advert.priority());
        out.put(at + 3, (byte) advert.addresses().size());
        if (advert.version() == VrrpVersion.V2) {
            out.put(at + 4, (byte) advert.authType().code());
            out.put(at + 5, (byte) (advert.maxAdvertIntervalCentis() / VrrpAdvert.CENTIS_PER_SECOND));
        } else {
            out.putShort(at + 4, (short) advert.maxAdvertIntervalCentis());
        }
        out.putShort(at + 6, (short) 0);
        int cursor = at + VrrpAdvert.HEADER_BYTES;
        for (InetAddress address : advert.addresses()) {
            out.put(cursor, address.getAddress());
            cursor += advert.family().addressLengthBytes();
        }
        out.put(cursor, advert.authData());
        out.putShort(at + 6, (short) checksumSeed.add(out, at, advert.lengthBytes()).value());
    }
}
