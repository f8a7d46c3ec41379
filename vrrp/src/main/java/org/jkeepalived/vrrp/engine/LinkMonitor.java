package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.NetlinkSocket;
import org.jkeepalived.libc.netlink.NetlinkMessage;
import org.jkeepalived.libc.netlink.RtnlAddressMessage;
import org.jkeepalived.libc.netlink.RtnlLinkMessage;

/**
 * keepalived's netlink reflector for links and interface addresses: RTM_NEWLINK and RTM_DELLINK notifications of the
 * RTNLGRP_LINK group, RTM_NEWADDR and RTM_DELADDR of the IPv4 and IPv6 address groups.
 */
final class LinkMonitor implements AutoCloseable {

    private static final int RTNLGRP_LINK = 1;
    private static final int RTNLGRP_IPV4_IFADDR = 5;
    private static final int RTNLGRP_IPV6_IFADDR = 9;
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final NetlinkSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());

    /** An interface's up state (keepalived's {@code IFF_UP} and {@code IFF_RUNNING}) as a notification gave it. */
    record LinkChange(String name, boolean up) {
    }

    /**
     * What one drain saw.
     *
     * @param links                 the RTM_NEWLINK notifications, in order
     * @param interfacesOrAddresses whether an interface was deleted or an address added or removed: the engine
     *                              reads the interface table again
     */
    record Changes(List<LinkChange> links, boolean interfacesOrAddresses) {
    }

    private LinkMonitor(NetlinkSocket socket) {
        this.socket = socket;
    }

    static LinkMonitor open() throws NativeIoException {
        NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE);
        try {
            socket.joinGroup(RTNLGRP_LINK);
            socket.joinGroup(RTNLGRP_IPV4_IFADDR);
            socket.joinGroup(RTNLGRP_IPV6_IFADDR);
        } catch (NativeIoException e) {
            socket.close();
            throw e;
        }
        return new LinkMonitor(socket);
    }

    int fd() {
        return socket.fd();
    }

    /** Every notification queued now. */
    Changes drain() throws IOException {
        List<LinkChange> links = new ArrayList<>();
        boolean interfacesOrAddresses = false;
        while (true) {
            buffer.clear();
            Optional<Integer> received = socket.receive(buffer);
            if (received.isEmpty()) {
                return new Changes(links, interfacesOrAddresses);
            }
            for (NetlinkMessage message : NetlinkMessage.parseAll(buffer.flip())) {
                if (message instanceof RtnlLinkMessage link && link.name().isPresent()) {
                    if (link.header().type() == RtnlLinkMessage.RTM_NEWLINK) {
                        links.add(new LinkChange(link.name().get(), LinkState.isUp(link.ifinfo().flags())));
                    } else {
                        interfacesOrAddresses = true;
                    }
                } else if (message instanceof RtnlAddressMessage) {
                    interfacesOrAddresses = true;
                }
            }
        }
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }
}
