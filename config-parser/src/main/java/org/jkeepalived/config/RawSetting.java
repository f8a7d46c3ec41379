package org.jkeepalived.config;

import java.util.List;

/**
 * A keyword that keepalived 2.2.7 accepts and that the configuration carries, but that no part of jkeepalived acts
 * on yet. Kept with its location so {@code -t} can list it and nothing is silently lost.
 *
 * @param blockPath the enclosing blocks, for example {@code vrrp_instance VI_1}
 */
public record RawSetting(String blockPath, String keyword, List<String> args, Location location) {

    public RawSetting {
        args = List.copyOf(args);
    }
}
