package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Optional;

/** One line of virtual_routes / static_routes, with its common parts picked out and every word kept. */
public record IpRoute(Optional<String> destination, Optional<String> via, Optional<String> device,
                      Optional<String> table, Optional<String> source, List<String> words) {

    public IpRoute {
        words = List.copyOf(words);
    }
}
