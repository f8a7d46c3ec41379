package org.jkeepalived.libc;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The sockaddr structs as bytes: family in native order, ports and protocols in network order (netinet/in.h,
 * linux/if_packet.h, linux/netlink.h).
 */
final class SocketAddresses {

    static final int SOCKADDR_IN_BYTES = 16;
    static final int SOCKADDR_IN6_BYTES = 28;
    static final int SOCKADDR_LL_BYTES = 20;
    static final int SOCKADDR_NL_BYTES = 12;
    /** sizeof(struct sockaddr_storage): room for any address the kernel hands back. */
    static final int SOCKADDR_STORAGE_BYTES = 128;

    private static final int ETHERNET_ADDRESS_BYTES = 6;

    private SocketAddresses() {
    }

    /** struct sockaddr_in or sockaddr_in6 with port 0 (raw sockets ignore it); scope id for link-local IPv6. */
    static byte[] ip(InetAddress address, int scopeId) {
        if (address instanceof Inet4Address) {
            ByteBuffer sockaddr = allocate(SOCKADDR_IN_BYTES);
            sockaddr.putShort((short) Linux.AF_INET).putShort((short) 0).put(address.getAddress());
            return sockaddr.array();
        }
        ByteBuffer sockaddr = allocate(SOCKADDR_IN6_BYTES);
        sockaddr.putShort((short) Linux.AF_INET6).putShort((short) 0).putInt(0).put(address.getAddress())
                .putInt(scopeId);
        return sockaddr.array();
    }

    /** The address in a sockaddr_in or sockaddr_in6 the kernel filled in. */
    static InetAddress decodeIp(ByteBuffer sockaddr) {
        ByteBuffer source = sockaddr.duplicate().order(ByteOrder.nativeOrder());
        int family = Short.toUnsignedInt(source.getShort(source.position()));
        byte[] address = switch (family) {
            case Linux.AF_INET -> slice(source, 4, 4);
            case Linux.AF_INET6 -> slice(source, 8, 16);
            default -> throw new IllegalArgumentException("sockaddr family: " + family + " (expected "
                    + Linux.AF_INET + " or " + Linux.AF_INET6 + ")");
        };
        return fromBytes(address);
    }

    /** struct sockaddr_ll addressing {@code destinationMac} on {@code interfaceIndex} for {@code etherType}. */
    static byte[] link(int interfaceIndex, int etherType, byte[] destinationMac) {
        if (destinationMac.length != ETHERNET_ADDRESS_BYTES) {
            throw new IllegalArgumentException("destinationMac: " + destinationMac.length + " bytes (expected "
                    + ETHERNET_ADDRESS_BYTES + ")");
        }
        ByteBuffer sockaddr = allocate(SOCKADDR_LL_BYTES);
        sockaddr.putShort((short) Linux.AF_PACKET)
                .put(networkOrderShort(etherType))
                .putInt(interfaceIndex)
                .putShort((short) 0)
                .put((byte) 0)
                .put((byte) ETHERNET_ADDRESS_BYTES)
                .put(destinationMac);
        return sockaddr.array();
    }

    /** struct sockaddr_nl; port id 0 lets the kernel choose ours, and addresses the kernel as a destination. */
    static byte[] netlink(int portId, int groups) {
        ByteBuffer sockaddr = allocate(SOCKADDR_NL_BYTES);
        sockaddr.putShort((short) Linux.AF_NETLINK).putShort((short) 0).putInt(portId).putInt(groups);
        return sockaddr.array();
    }

    static int decodeNetlinkPortId(ByteBuffer sockaddr) {
        return sockaddr.duplicate().order(ByteOrder.nativeOrder()).getInt(sockaddr.position() + 4);
    }

    static InetAddress fromBytes(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address: " + address.length + " bytes (expected 4 or 16)", e);
        }
    }

    static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }

    private static byte[] networkOrderShort(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    private static byte[] slice(ByteBuffer source, int offset, int length) {
        byte[] bytes = new byte[length];
        source.get(source.position() + offset, bytes);
        return bytes;
    }

    private static ByteBuffer allocate(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.nativeOrder());
    }
}
