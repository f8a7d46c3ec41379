package org.jkeepalived.config.lvs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the checker side of keepalived reads: the SSL context, virtual server groups, virtual servers with their
 * real servers and checkers, in file order. Virtual servers are identified by {@link VirtualServer#key()} (with
 * protocol), real servers by {@link RealServer#endpoint()}.
 *
 * @param noCheckerEmails global {@code no_checker_emails}: a checker mails only when its real server changes state
 */
public record LvsConfig(Optional<SslContext> ssl, List<VirtualServerGroup> groups,
                        List<VirtualServer> virtualServers, boolean noCheckerEmails) {

    public static final LvsConfig EMPTY = new LvsConfig(Optional.empty(), List.of(), List.of(), false);

    public LvsConfig {
        Objects.requireNonNull(ssl, "ssl");
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
    }

    public Optional<VirtualServerGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
