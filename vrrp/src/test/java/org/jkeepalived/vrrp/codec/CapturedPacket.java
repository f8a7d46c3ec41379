package org.jkeepalived.vrrp.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.jkeepalived.config.value.IpAddresses;

/**
 * A packet from {@code src/test/resources/codec/*.hex}: the IP packet keepalived 2.2.7 sent, as tcpdump captured it
 * without the Ethernet header, one field per line with {@code #} comments.
 */
record CapturedPacket(String name, byte[] bytes) {

    private static final int IPV6_HEADER_BYTES = 40;

    static CapturedPacket load(String name) {
        try (InputStream in = CapturedPacket.class.getResourceAsStream("/codec/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no test vector " + name);
            }
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                int comment = line.indexOf('#');
                hex.append((comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", ""));
            }
            return new CapturedPacket(name, HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isIpv6() {
        return (bytes[0] & 0xff) >> 4 == 6;
    }

    /** What the socket hands over: the whole IPv4 packet, or the VRRP message of an IPv6 one. */
    ByteBuffer received() {
        return ByteBuffer.wrap(isIpv6() ? Arrays.copyOfRange(bytes, IPV6_HEADER_BYTES, bytes.length) : bytes.clone());
    }

    byte[] receivedBytes() {
        ByteBuffer received = received();
        byte[] out = new byte[received.remaining()];
        received.get(out);
        return out;
    }

    InetAddress source() {
        return isIpv6() ? address(8, 16) : address(12, 4);
    }

    InetAddress destination() {
        return isIpv6() ? address(24, 16) : address(16, 4);
    }

    int ttlOrHopLimit() {
        return bytes[isIpv6() ? 7 : 8] & 0xff;
    }

    int ipv4Identification() {
        return ByteBuffer.wrap(bytes).getShort(4) & 0xffff;
    }

    /** What {@code IPV6_PKTINFO} and {@code IPV6_HOPLIMIT} report for an IPv6 packet. */
    Ipv6Reception ipv6Reception() {
        return new Ipv6Reception((Inet6Address) source(), destination().isMulticastAddress(), ttlOrHopLimit());
    }

    Inet4Address source4() {
        return (Inet4Address) source();
    }

    Inet4Address destination4() {
        return (Inet4Address) destination();
    }

    private InetAddress address(int offset, int length) {
        return IpAddresses.fromBytes(Arrays.copyOfRange(bytes, offset, offset + length));
    }
}
