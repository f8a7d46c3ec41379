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
import org.jkeepalived.libc.netlink.RtnlLinkMessage;

/** keepalived's netlink reflector for links: RTM_NEWLINK notifications of the RTNLGRP_LINK group. */
final class LinkMonitor implements AutoCloseable {

    private static final int RTNLGRP_LINK = 1;
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final NetlinkSocket socket;
    private final ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES).order(ByteOrder.nativeOrder());

    /** An interface's up state (keepalived's {@code IFF_UP} and {@code IFF_RUNNING}) as a notification gave it. */
    record LinkChange(String name, boolean up) {
    }

    private LinkMonitor(NetlinkSocket socket) {
        this.socket = socket;
    }

    static LinkMonitor open() throws NativeIoException {
        NetlinkSocket socket = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE);
        try {
            socket.joinGroup(RTNLGRP_LINK);
        } catch (NativeIoException e) {
            socket.close();
            throw e;
        }
        return new LinkMonitor(socket);
    }

    int fd() {
        return socket.fd();
    }

    /** Every link notification queued now, in order. */
    List<LinkChange> drain() throws IOException {
        List<LinkChange> changes = new ArrayList<>();
        while (true) {
            buffer.clear();
            Optional<Integer> received = socket.receive(buffer);
            if (received.isEmpty()) {
                return changes;
            }
            for (NetlinkMessage message : NetlinkMessage.parseAll(buffer.flip())) {
                if (message instanceof RtnlLinkMessage link
                        && link.header().type() == RtnlLinkMessage.RTM_NEWLINK && link.name().isPresent()) {
                    changes.add(new LinkChange(link.name().get(), LinkState.isUp(link.ifinfo().flags())));
                }
            }
        }
    }

    @Override
    public void close() throws NativeIoException {
        socket.close();
    }
}
