package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Optional;

/** One line of virtual_rules / static_rules, with its common parts picked out and every word kept. */
public record IpRule(Optional<String> from, Optional<String> to, Optional<String> table, List<String> words) {

    public IpRule {
        words = List.copyOf(words);
    }
}
