package org.jkeepalived.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.lex.Line;
import org.jkeepalived.config.lex.Preprocessor;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.LvsModelBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.tree.TreeParser;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.vrrp.VrrpConfig;
import org.jkeepalived.config.vrrp.VrrpModelBuilder;

/** Reads keepalived.conf: lines, then the keyword tree, then the typed, validated model. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static LoadResult load(LoadOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            List<Line> lines = new Preprocessor(options.configId(), options.includeCheckAll(), options.random(),
                    diagnostics).read(options.configFile());
            ConfigNode root = TreeParser.parse(lines, diagnostics);
            BuildContext ctx = new BuildContext(diagnostics, options.host(), options.configTest());
            GlobalDefs global = GlobalDefsBuilder.build(root, ctx);
            VrrpConfig vrrp = VrrpModelBuilder.build(root, global, ctx);
            LvsConfig lvs = LvsModelBuilder.build(root, global, vrrp, ctx);
            KeepalivedConfig config = new KeepalivedConfig(global, vrrp, lvs, ctx.notActedOn());
            return new LoadResult(Optional.of(config), diagnostics.list(), diagnostics.worst(), OptionalInt.empty());
        } catch (ConfigAbort abort) {
            return new LoadResult(Optional.empty(), diagnostics.list(), diagnostics.worst(),
                    OptionalInt.of(abort.exitStatus()));
        }
    }
}
