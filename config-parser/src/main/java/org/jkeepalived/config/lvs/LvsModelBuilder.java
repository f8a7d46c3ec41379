package org.jkeepalived.config.lvs;

import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.vrrp.VrrpConfig;

/** Builds and validates {@link LvsConfig} as keepalived's check parser and {@code check_validate_config} do. */
public final class LvsModelBuilder {
    private LvsModelBuilder() {
    }

    public static LvsConfig build(ConfigNode root, GlobalDefs global, VrrpConfig vrrp, BuildContext ctx) {
        throw new UnsupportedOperationException("lvs model: not yet written");
    }
}
