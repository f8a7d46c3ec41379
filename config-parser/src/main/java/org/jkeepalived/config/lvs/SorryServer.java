package org.jkeepalived.config.lvs;

import java.util.Objects;

/** {@code sorry_server}: put in service when the quorum is lost, with its forwarding method and inhibit setting. */
public record SorryServer(Endpoint endpoint, Forwarding forwarding, boolean inhibit) {

    public SorryServer {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(forwarding, "forwarding");
    }
}
