package org.jkeepalived.config.lvs;

import java.util.List;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.vrrp.VrrpConfig;

/**
 * Builds and validates {@link LvsConfig} as keepalived's checker process does: its parse of the whole file
 * (check_parser.c), then {@code link_vsg_to_vs} and {@code validate_check_config}.
 */
public final class LvsModelBuilder {
    private LvsModelBuilder() {
    }

    /**
     * The checker side of the config. {@code vrrp} is not consulted: like keepalived's checker process, this reads
     * the {@code track_file} and {@code bfd_instance} names FILE_CHECK and BFD_CHECK refer to from {@code root}, in
     * file order.
     */
    public static LvsConfig build(ConfigNode root, GlobalDefs global, VrrpConfig vrrp, BuildContext ctx) {
        return build(root, CheckerGlobals.of(global), global.noCheckerEmails(), ctx);
    }

    static LvsConfig build(ConfigNode root, CheckerGlobals globals, boolean noCheckerEmails, BuildContext ctx) {
        CheckParser parser = new CheckParser(ctx, globals);
        parser.parse(root);
        List<VirtualServer> servers = new CheckValidator(ctx, globals).validate(parser.virtualServers(),
                parser.groups());
        return new LvsConfig(parser.ssl(), parser.groups(), servers, noCheckerEmails);
    }
}
