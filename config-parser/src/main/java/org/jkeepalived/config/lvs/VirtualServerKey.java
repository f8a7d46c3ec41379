package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.Objects;

/** What a {@code virtual_server} line names: {@code IP PORT}, {@code fwmark N} or {@code group NAME}. */
public sealed interface VirtualServerKey {

    /** @param port 0 when none was given (only valid for persistent services) */
    record Address(InetAddress address, int port) implements VirtualServerKey {

        public Address {
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port + " (expected 0..65535)");
            }
        }
    }

    record Fwmark(long fwmark) implements VirtualServerKey {

        public Fwmark {
            if (fwmark < 0 || fwmark > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("fwmark: " + fwmark + " (expected 0..4294967295)");
            }
        }
    }

    record Group(String name) implements VirtualServerKey {

        public Group {
            Objects.requireNonNull(name, "name");
        }
    }
}
