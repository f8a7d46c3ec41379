package org.jkeepalived.config.vrrp;

import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;

/** Builds and validates {@link VrrpConfig} as keepalived's vrrp parser and {@code vrrp_validate_config} do. */
public final class VrrpModelBuilder {
    private VrrpModelBuilder() {
    }

    public static VrrpConfig build(ConfigNode root, GlobalDefs global, BuildContext ctx) {
        throw new UnsupportedOperationException("vrrp model: not yet written");
    }
}
