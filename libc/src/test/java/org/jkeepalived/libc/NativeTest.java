package org.jkeepalived.libc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class NativeTest {

    @Test
    void glibcIsBoundOnLinux() {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "not Linux");

        assertEquals(Optional.empty(), Native.unavailabilityCause());
        assertTrue(Native.isAvailable());
    }

    @Test
    void loopbackHasAnIndex() throws Exception {
        assumeTrue(Native.isAvailable(), "no glibc");

        assertTrue(Native.interfaceIndex("lo") > 0);
    }

    @Test
    void anUnknownInterfaceFailsNamingTheCallAndTheErrno() {
        assumeTrue(Native.isAvailable(), "no glibc");

        NativeIoException e = assertThrows(NativeIoException.class, () -> Native.interfaceIndex("nosuch0"));

        assertEquals("if_nametoindex(nosuch0) failed: No such device (errno 19)", e.getMessage());
        assertEquals("if_nametoindex", e.call());
        assertEquals(19, e.errno());
    }

    @Test
    void aSocketOptionRefusedByTheKernelNamesTheOptionAndValue() throws Exception {
        assumeTrue(Native.isAvailable(), "no glibc");

        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE)) {
            NativeIoException e = assertThrows(NativeIoException.class, () -> socket.joinGroup(-5));

            assertEquals("setsockopt(NETLINK_ADD_MEMBERSHIP -5) failed: Invalid argument (errno 22)",
                    e.getMessage());
        }
    }

    @Test
    void aNetlinkSocketIsGivenAPortId() throws Exception {
        assumeTrue(Native.isAvailable(), "no glibc");

        try (NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE)) {
            assertTrue(socket.portId() != 0);
            assertTrue(socket.fd() > 2);
        }
    }
}
