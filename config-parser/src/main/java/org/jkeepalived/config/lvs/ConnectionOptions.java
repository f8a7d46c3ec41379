package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a checker connects: the real server unless {@code connect_ip}/{@code connect_port} say otherwise.
 *
 * @param destinationPort 0 when neither the real server nor {@code connect_port} gave one
 * @param bindPort        0 for an ephemeral port
 * @param fwmark          SO_MARK of the checker's socket, 0 for none
 */
public record ConnectionOptions(InetAddress destination, int destinationPort, Optional<InetAddress> bindTo,
                                int bindPort, Optional<String> bindInterface, long connectTimeoutMicros,
                                long fwmark) {

    public ConnectionOptions {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(bindTo, "bindTo");
        Objects.requireNonNull(bindInterface, "bindInterface");
        if (destinationPort < 0 || destinationPort > 65535) {
            throw new IllegalArgumentException("destinationPort: " + destinationPort + " (expected 0..65535)");
        }
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("bindPort: " + bindPort + " (expected 0..65535)");
        }
    }
}
