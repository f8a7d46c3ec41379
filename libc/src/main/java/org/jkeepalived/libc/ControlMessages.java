package org.jkeepalived.libc;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * Ancillary data (sys/socket.h cmsghdr on LP64: {@code size_t cmsg_len; int cmsg_level; int cmsg_type;} then the data,
 * each message padded to 8 bytes) for the options VRRP uses: IP_PKTINFO, IPV6_PKTINFO and IPV6_HOPLIMIT.
 */
final class ControlMessages {

    static final int HEADER_BYTES = 16;
    private static final int ALIGNMENT = 8;
    /** struct in_pktinfo: {@code int ipi_ifindex; struct in_addr ipi_spec_dst; struct in_addr ipi_addr;}. */
    private static final int IN_PKTINFO_ADDR_OFFSET = 8;
    /** struct in6_pktinfo: {@code struct in6_addr ipi6_addr; int ipi6_ifindex;}. */
    private static final int IN6_PKTINFO_BYTES = 20;
    private static final int IN6_PKTINFO_IFINDEX_OFFSET = 16;

    /** What the kernel said about one received datagram: the header's destination, the arrival interface, the hops. */
    record PacketInfo(InetAddress destination, int interfaceIndex, OptionalInt hopLimit) {
    }

    private ControlMessages() {
    }

    /** Bytes one message with {@code dataBytes} of data takes, padding included (CMSG_SPACE). */
    static int space(int dataBytes) {
        return HEADER_BYTES + align(dataBytes);
    }

    /** The IP_PKTINFO / IPV6_PKTINFO and IPV6_HOPLIMIT messages in {@code control}; others are skipped. */
    static PacketInfo parse(ByteBuffer control) {
        ByteBuffer messages = control.duplicate().order(ByteOrder.nativeOrder());
        InetAddress destination = null;
        int interfaceIndex = 0;
        OptionalInt hopLimit = OptionalInt.empty();
        while (messages.remaining() >= HEADER_BYTES) {
            int start = messages.position();
            long length = messages.getLong(start);
            if (length < HEADER_BYTES || length > messages.remaining()) {
                throw new IllegalArgumentException("cmsg_len: " + length + " at offset " + start + " (expected "
                        + HEADER_BYTES + ".." + messages.remaining() + ")");
            }
            int level = messages.getInt(start + 8);
            int type = messages.getInt(start + 12);
            int data = start + HEADER_BYTES;
            if (level == Linux.IPPROTO_IP && type == Linux.IP_PKTINFO) {
                interfaceIndex = messages.getInt(data);
                destination = address(messages, data + IN_PKTINFO_ADDR_OFFSET, 4);
            } else if (level == Linux.IPPROTO_IPV6 && type == Linux.IPV6_PKTINFO) {
                destination = address(messages, data, 16);
                interfaceIndex = messages.getInt(data + IN6_PKTINFO_IFINDEX_OFFSET);
            } else if (level == Linux.IPPROTO_IPV6 && type == Linux.IPV6_HOPLIMIT) {
                hopLimit = OptionalInt.of(messages.getInt(data));
            }
            messages.position(Math.min(messages.limit(), start + align(length)));
        }
        return new PacketInfo(destination, interfaceIndex, hopLimit);
    }

    /** IPV6_PKTINFO choosing the source address and outgoing interface, as keepalived sends every IPv6 advert. */
    static byte[] ipv6PacketInfo(InetAddress source, int interfaceIndex) {
        ByteBuffer message = header(IN6_PKTINFO_BYTES, Linux.IPV6_PKTINFO);
        message.put(source.getAddress()).putInt(interfaceIndex);
        return message.array();
    }

    /** IPV6_HOPLIMIT for one datagram (keepalived's unicast_ttl on IPv6). */
    static byte[] ipv6HopLimit(int hopLimit) {
        ByteBuffer message = header(Integer.BYTES, Linux.IPV6_HOPLIMIT);
        message.putInt(hopLimit);
        return message.array();
    }

    private static ByteBuffer header(int dataBytes, int type) {
        ByteBuffer message = ByteBuffer.allocate(space(dataBytes)).order(ByteOrder.nativeOrder());
        message.putLong(HEADER_BYTES + dataBytes).putInt(Linux.IPPROTO_IPV6).putInt(type);
        return message;
    }

    private static InetAddress address(ByteBuffer messages, int offset, int length) {
        byte[] bytes = new byte[length];
        messages.get(offset, bytes);
        return SocketAddresses.fromBytes(bytes);
    }

    private static int align(long bytes) {
        return (int) ((bytes + ALIGNMENT - 1) & -ALIGNMENT);
    }
}
