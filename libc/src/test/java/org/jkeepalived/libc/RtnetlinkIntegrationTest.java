package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.jkeepalived.libc.netlink.InterfaceAddress;
import org.jkeepalived.libc.netlink.RtnetlinkClient;
import org.jkeepalived.libc.netlink.RtnlAddressMessage;
import org.jkeepalived.libc.netlink.RtnlLinkMessage;
import org.jkeepalived.libc.netlink.StructIfaddrMsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our rtnetlink client inside a namespace of its own, checked against what iproute2 reports. Root only. */
class RtnetlinkIntegrationTest {

    private static final int REPLY_TIMEOUT_MILLIS = 2000;

    private VethPair pair;
    private RtnetlinkClient client;
    private int vaIndex;

    @BeforeEach
    void openClientInTheLeftNamespace() throws Exception {
        pair = VethPair.create();
        client = NetworkNamespace.callIn(pair.left(), () -> RtnetlinkClient.open(REPLY_TIMEOUT_MILLIS));
        vaIndex = NetworkNamespace.callIn(pair.left(), () -> Native.interfaceIndex(VethPair.LEFT_INTERFACE));
    }

    @AfterEach
    void deleteTheNamespaces() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
    }

    private String addressesOfVa() throws Exception {
        return VethPair.run("ip", "-n", pair.left(), "addr", "show", "dev", VethPair.LEFT_INTERFACE);
    }

    @Test
    void anIpv4AddressWithBroadcastAndLabelIsAddedAndRemoved() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(vaIndex, InetAddress.getByName("192.0.2.100"), 24,
                Optional.of(InetAddress.getByName("192.0.2.255")), StructIfaddrMsg.RT_SCOPE_UNIVERSE,
                Optional.of("va:vip"), 0);

        client.addAddress(vip);
        assertTrue(addressesOfVa().contains("inet 192.0.2.100/24 brd 192.0.2.255 scope global secondary va:vip"),
                this::toString);

        client.deleteAddress(vip);
        assertFalse(addressesOfVa().contains("192.0.2.100"));
    }

    @Test
    void anIpv6AddressIsAddedAndRemoved() throws Exception {
        InterfaceAddress vip = new InterfaceAddress(vaIndex, InetAddress.getByName("2001:db8::100"), 64,
                Optional.empty(), StructIfaddrMsg.RT_SCOPE_UNIVERSE, Optional.empty(), StructIfaddrMsg.IFA_F_NODAD);

        client.addAddress(vip);
        assertTrue(addressesOfVa().contains("inet6 2001:db8::100/64 scope global nodad"));

        client.deleteAddress(vip);
        assertFalse(addressesOfVa().contains("2001:db8::100"));
    }

    @Test
    void theAddressDumpListsWhatIproute2Added() throws Exception {
        List<RtnlAddressMessage> addresses = client.dumpAddresses(RtnlAddressMessage.AF_UNSPEC);

        List<String> onVa = addresses.stream()
                .filter(address -> address.ifaddr().interfaceIndex() == vaIndex)
                .map(address -> address.localAddress().orElseThrow().getHostAddress() + "/"
                        + address.ifaddr().prefixLength())
                .toList();
        assertTrue(onVa.contains("192.0.2.1/24"), onVa::toString);
        assertTrue(onVa.contains("2001:db8:0:0:0:0:0:1/64"), onVa::toString);
        assertTrue(onVa.stream().anyMatch(address -> address.startsWith("fe80:")), onVa::toString);
    }

    @Test
    void addingAnAddressTwiceFailsWithTheKernelsErrno() throws Exception {
        InterfaceAddress existing = InterfaceAddress.of(vaIndex, InetAddress.getByName("2001:db8::1"), 64);

        NativeIoException e = assertThrows(NativeIoException.class, () -> client.addAddress(existing));

        assertEquals(17, e.errno());
        assertEquals("RTM_NEWADDR(2001:db8:0:0:0:0:0:1/64 dev " + vaIndex
                + ": ipv6: address already assigned) failed: File exists (errno 17)", e.getMessage());
    }

    @Test
    void removingAnAbsentAddressFailsWithTheKernelsErrno() throws Exception {
        InterfaceAddress absent = InterfaceAddress.of(vaIndex, InetAddress.getByName("192.0.2.99"), 24);

        NativeIoException e = assertThrows(NativeIoException.class, () -> client.deleteAddress(absent));

        assertEquals(99, e.errno());
        assertEquals("RTM_DELADDR(192.0.2.99/24 dev " + vaIndex + ": ipv4: Address not found) failed: Cannot assign"
                + " requested address (errno 99)", e.getMessage());
    }

    @Test
    void theLinkDumpShowsTheVethUpAndLoopback() throws Exception {
        List<RtnlLinkMessage> links = client.dumpLinks();

        RtnlLinkMessage va = links.stream().filter(link -> link.name().equals(Optional.of(VethPair.LEFT_INTERFACE)))
                .findFirst().orElseThrow();
        assertEquals(vaIndex, va.ifinfo().interfaceIndex());
        assertEquals(Optional.of("veth"), va.kind());
        assertTrue(va.ifinfo().isUp());
        assertEquals(Optional.of(RtnlLinkMessage.IF_OPER_UP), va.operState());
        assertTrue(links.stream().anyMatch(link -> link.name().equals(Optional.of("lo"))));
        assertEquals(2, links.size());
    }
}
