package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VrrpSocketConfigTest {

    @Test
    void socketsCarryVrrpUnlessAuthHeaderIsAsked() throws Exception {
        VrrpSocketConfig multicast = VrrpSocketConfig.multicast("eth0", InetAddress.getByName("10.0.0.1"));

        assertEquals(VrrpSocket.IPPROTO_VRRP, multicast.ipProtocol());
    }

    @Test
    void anAuthHeaderSocketIsIpv4Only() throws Exception {
        InetAddress linkLocal = InetAddress.getByName("fe80::1");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new VrrpSocketConfig(
                "eth0", linkLocal, Optional.empty(), 0, OptionalInt.empty(), VrrpSocket.IPPROTO_AH));

        assertEquals("ipProtocol: 51 (AH is IPv4 only)", refused.getMessage());
    }

    @Test
    void otherProtocolsAreRefused() throws Exception {
        InetAddress address = InetAddress.getByName("10.0.0.1");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new VrrpSocketConfig(
                "eth0", address, Optional.empty(), 0, OptionalInt.empty(), 17));

        assertEquals("ipProtocol: 17 (expected 112 or 51)", refused.getMessage());
    }
}
