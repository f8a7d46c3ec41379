package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.Objects;

/** A real or sorry server's address and port: the key a reload diffs real servers by. */
public record Endpoint(InetAddress address, int port) {

    public Endpoint {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected 0..65535)");
        }
    }

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    Endpoint withPort(int newPort) {
        return new Endpoint(address, newPort);
    }
}
