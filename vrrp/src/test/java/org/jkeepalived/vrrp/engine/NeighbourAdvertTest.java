package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NeighbourAdvertTest {

    /**
     * keepalived 2.2.7's unsolicited NA for fd00:1::100 on an interface with MAC fe:c3:89:37:42:00 that does not
     * forward, captured with {@code tcpdump -xx} on the veth peer; the 14-byte Ethernet header (to 33:33:00:00:00:01,
     * EtherType 0x86dd) the packet socket adds is left out.
     */
    private static final String CAPTURED = ""
            + "60000000" + "0020" + "3a" + "ff"          // IPv6, payload 32, next header ICMPv6, hop limit 255
            + "fd000001000000000000000000000100"         // source: the virtual address
            + "ff020000000000000000000000000001"         // destination: all nodes
            + "88" + "00" + "90a0"                       // type 136, code 0, checksum
            + "20000000"                                 // flags: override
            + "fd000001000000000000000000000100"         // target: the virtual address
            + "02" + "01" + "fec389374200";              // target link-layer address option
    private static final byte[] MAC = HexFormat.of().parseHex("fec389374200");

    @Test
    void theCapturedAdvertIsDecodedFieldByField() throws Exception {
        NeighbourAdvert advert = NeighbourAdvert.decode(ByteBuffer.wrap(HexFormat.of().parseHex(CAPTURED)))
                .orElseThrow();

        assertArrayEquals(MAC, advert.senderMac());
        assertEquals(InetAddress.getByName("fd00:1::100"), advert.address());
        assertFalse(advert.router());
    }

    @Test
    void theEncodedAdvertIsTheCapturedOneByteForByte() throws Exception {
        NeighbourAdvert advert = new NeighbourAdvert(MAC, (Inet6Address) InetAddress.getByName("fd00:1::100"), false);

        assertEquals(CAPTURED, HexFormat.of().formatHex(toBytes(advert.toBuffer())));
    }

    @Test
    void aForwardingInterfaceSetsTheRouterFlagAndTheChecksumFollows() throws Exception {
        NeighbourAdvert advert = new NeighbourAdvert(MAC, (Inet6Address) InetAddress.getByName("fd00:1::100"), true);
        byte[] bytes = toBytes(advert.toBuffer());

        assertEquals((byte) 0xa0, bytes[44]);
        assertTrue(NeighbourAdvert.decode(ByteBuffer.wrap(bytes)).orElseThrow().router());
    }

    @Test
    void aCorruptedChecksumIsNotAnAdvert() {
        byte[] bytes = HexFormat.of().parseHex(CAPTURED);
        bytes[43] ^= 1;

        assertTrue(NeighbourAdvert.decode(ByteBuffer.wrap(bytes)).isEmpty());
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
