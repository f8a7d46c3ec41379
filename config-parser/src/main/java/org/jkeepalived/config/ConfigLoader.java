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
    /**
     * keepalived's KEEPALIVED_EXIT_NO_CONFIG: after reading everything, with or without -t, when an include failed
     * its include check.
     */
    public static final int EXIT_NO_CONFIG = 6;

    private ConfigLoader() {
    }

    public static LoadResult load(LoadOptions options) {
        Diagnostics diagnostics = new Diagnostics();
        try {
            Preprocessor preprocessor = new Preprocessor(options.configId(), options.includeCheckAll(),
                    options.random(), diagnostics);
            List<Line> lines = preprocessor.read(options.configFile());
            if (!preprocessor.mainFileRead()) {
                return LoadResult.withoutConfig(diagnostics, OptionalInt.empty());
            }
            ConfigNode root = TreeParser.parse(lines, diagnostics);
            Optional<String> namespace = namespace(root, options);
            if (namespace.isPresent() && !options.host().networkNamespaceExists(namespace.get())) {
                // keepalived 2.2.7 gives up here, before any validation, and exits 0 even under -t
                diagnostics.report(Severity.OK, null,
                        "Unable to set network namespace " + namespace.get() + " - exiting");
                return LoadResult.withoutConfig(diagnostics, OptionalInt.of(0));
            }
            BuildContext ctx = new BuildContext(diagnostics, options.host(), options.configTest());
            VrrpModelBuilder.Built built = VrrpModelBuilder.buildWithGlobals(root, GlobalDefsBuilder.build(root, ctx),
                    ctx);
            GlobalDefs global = built.global();
            VrrpConfig vrrp = built.vrrp();
            LvsConfig lvs = LvsModelBuilder.build(root, global, vrrp, ctx);
            KeepalivedConfig config = new KeepalivedConfig(global, vrrp, lvs, ctx.notActedOn());
            if (preprocessor.hadConfigFileError()) {
                return LoadResult.withoutConfig(diagnostics, OptionalInt.of(EXIT_NO_CONFIG));
            }
            return new LoadResult(Optional.of(config), diagnostics.list(), diagnostics.worst(), OptionalInt.empty(),
                    ctx.cannotRun());
        } catch (ConfigAbort abort) {
            return LoadResult.withoutConfig(diagnostics, OptionalInt.of(abort.exitStatus()));
        }
    }

    /** The network namespace keepalived would enter: {@code -s}, else the last root {@code net_namespace}. */
    private static Optional<String> namespace(ConfigNode root, LoadOptions options) {
        if (options.namespace() != null) {
            return Optional.of(options.namespace());
        }
        List<ConfigNode> declared = root.children("net_namespace");
        return declared.isEmpty() || declared.get(declared.size() - 1).args().isEmpty()
                ? Optional.empty()
                : Optional.of(declared.get(declared.size() - 1).args().get(0));
    }
}
