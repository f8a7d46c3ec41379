package org.jkeepalived.config.global;

import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;

/** Builds {@link GlobalDefs} from the global_defs block and the process-wide root keywords. */
public final class GlobalDefsBuilder {
    private GlobalDefsBuilder() {
    }

    public static GlobalDefs build(ConfigNode root, BuildContext ctx) {
        throw new UnsupportedOperationException("vrrp model: not yet written");
    }
}
