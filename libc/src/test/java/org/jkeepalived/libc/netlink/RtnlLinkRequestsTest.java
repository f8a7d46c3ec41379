package org.jkeepalived.libc.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * keepalived 2.2.7's VMAC requests for 'use_vmac' on eth0 (ifindex 3) with VRID 51, captured with strace -e write=all
 * (the macvlan vrrp.51 became ifindex 4), against the ones we build.
 */
class RtnlLinkRequestsTest {

    @Test
    void theMacvlanIsCreatedAsKeepalivedCreatesIt() {
        String captured = "5c000000 1000 0506 6f8b026b 00000000" // RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
                + "00 00 0000 00000000 00000000 00000000" // ifinfomsg: all zero
                + "1c00 1200" // IFLA_LINKINFO
                + "0b00 0100 6d6163766c616e 00" // IFLA_INFO_KIND "macvlan" (no NUL)
                + "0c00 0200 0800 0100 01000000" // IFLA_INFO_DATA { IFLA_MACVLAN_MODE private }
                + "0800 0500 03000000" // IFLA_LINK 3
                + "0b00 0300 767272702e3531 00" // IFLA_IFNAME "vrrp.51" (no NUL)
                + "0a00 0100 00005e000133 0000"; // IFLA_ADDRESS 00:00:5e:00:01:33
        byte[] mac = {0, 0, 0x5e, 0, 1, 51};
        assertEquals(Hex.of(Hex.buffer(captured)), Hex.of(RtnlLinkMessage.newMacvlanRequest(0x6b028b6f, "vrrp.51", 3,
                mac, RtnlLinkMessage.MACVLAN_MODE_PRIVATE).toBuffer()));
    }

    @Test
    void theVmacsIpv4SettingsAreSentAsKeepalivedSendsThem() {
        String captured = "4c000000 1000 0500 718b026b 00000000 00 00 0000 04000000 00000000 00000000"
                + "2c00 1a00 2800 0200 2400 0100" // IFLA_AF_SPEC { AF_INET { IFLA_INET_CONF {
                + "0800 1300 01000000" // arp_ignore 1
                + "0800 1700 01000000" // accept_local 1
                + "0800 0800 00000000" // rp_filter 0
                + "0800 1400 01000000"; // promote_secondaries 1 } } }
        Map<Integer, Integer> settings = new LinkedHashMap<>();
        settings.put(RtnlLinkMessage.IPV4_DEVCONF_ARP_IGNORE, 1);
        settings.put(RtnlLinkMessage.IPV4_DEVCONF_ACCEPT_LOCAL, 1);
        settings.put(RtnlLinkMessage.IPV4_DEVCONF_RP_FILTER, 0);
        settings.put(RtnlLinkMessage.IPV4_DEVCONF_PROMOTE_SECONDARIES, 1);
        assertEquals(Hex.of(Hex.buffer(captured)),
                Hex.of(RtnlLinkMessage.ipv4DeviceConfigRequest(0x6b028b71, 4, settings).toBuffer()));
    }

    @Test
    void addressGenerationOffLinkUpAndDeletionAreKeepalivedsBytes() {
        assertEquals("3000000010000500738b026b000000000000000004000000000000000000000010001a000c000a000500080001000000",
                Hex.of(RtnlLinkMessage.addrGenModeNoneRequest(0x6b028b73, 4).toBuffer()));
        assertEquals("2000000010000500748b026b0000000000000000040000000100000001000000",
                Hex.of(RtnlLinkMessage.setUpRequest(0x6b028b74, 4, true).toBuffer()));
        assertEquals("2000000011000500788b026b0000000002000000040000000000000000000000",
                Hex.of(RtnlLinkMessage.deleteRequest(0x6b028b78, 4).toBuffer()));
    }
}
