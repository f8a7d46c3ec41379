package org.jkeepalived.vrrp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GratuitousArpTest {

    /**
     * keepalived 2.2.7's gratuitous ARP for 192.168.77.100 on an interface with MAC 02:00:00:00:00:0a, captured with
     * {@code tcpdump -xx arp} on the veth peer; the 14-byte Ethernet header the packet socket adds is left out.
     */
    private static final String CAPTURED = ""
            + "0001"            // hardware type: Ethernet
            + "0800"            // protocol type: IPv4
            + "06" + "04"       // hardware and protocol address lengths
            + "0001"            // operation: request
            + "02000000000a"    // sender MAC: the interface's
            + "c0a84d64"        // sender IP: the virtual address
            + "ffffffffffff"    // target MAC: broadcast
            + "c0a84d64";       // target IP: the virtual address again
    private static final byte[] MAC = HexFormat.of().parseHex("02000000000a");

    @Test
    void theCapturedGratuitousArpIsDecodedFieldByField() throws Exception {
        GratuitousArp arp = GratuitousArp.decode(ByteBuffer.wrap(HexFormat.of().parseHex(CAPTURED))).orElseThrow();

        assertArrayEquals(MAC, arp.senderMac());
        assertEquals(InetAddress.getByName("192.168.77.100"), arp.address());
    }

    @Test
    void theEncodedGratuitousArpIsTheCapturedOneByteForByte() throws Exception {
        GratuitousArp arp = new GratuitousArp(MAC, (Inet4Address) InetAddress.getByName("192.168.77.100"));

        ByteBuffer encoded = arp.toBuffer();

        assertEquals(CAPTURED, HexFormat.of().formatHex(encoded.array(), 0, encoded.limit()));
    }

    @Test
    void anArpReplyIsNoGratuitousArp() {
        byte[] reply = HexFormat.of().parseHex(CAPTURED);
        reply[7] = 2;

        assertTrue(GratuitousArp.decode(ByteBuffer.wrap(reply)).isEmpty());
    }

    @Test
    void aRequestForAnotherAddressIsNoGratuitousArp() {
        byte[] request = HexFormat.of().parseHex(CAPTURED);
        request[27] = 1;

        assertTrue(GratuitousArp.decode(ByteBuffer.wrap(request)).isEmpty());
    }

    @Test
    void aTruncatedPacketIsNoGratuitousArp() {
        byte[] truncated = HexFormat.of().parseHex(CAPTURED.substring(0, 54));

        assertTrue(GratuitousArp.decode(ByteBuffer.wrap(truncated)).isEmpty());
    }
}
