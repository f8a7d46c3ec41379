package org.jkeepalived.daemon;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.lex.Preprocessor;
import org.jkeepalived.config.tree.TreeDump;
import org.jkeepalived.config.tree.TreeParser;
import org.jkeepalived.config.value.HostEnvironment;

/** The configuration in the files {@code -f} names, read on this host. */
final class ConfigFiles implements ConfigSource {
    private final HostEnvironment host;
    private final RandomGenerator random;

    ConfigFiles(HostEnvironment host, RandomGenerator random) {
        this.host = host;
        this.random = random;
    }

    @Override
    public LoadResult load(Options options) {
        return ConfigLoader.load(loadOptions(options));
    }

    /** The keyword tree; its diagnostics were logged by the load before. */
    @Override
    public List<String> dump(Options options) {
        LoadOptions load = loadOptions(options);
        Diagnostics ignored = new Diagnostics();
        try {
            return TreeDump.render(TreeParser.parse(new Preprocessor(load.configId(), load.includeCheckAll(),
                    load.random(), ignored).read(load.configFile()), ignored));
        } catch (ConfigAbort abort) {
            return List.of(abort.getMessage());
        }
    }

    private LoadOptions loadOptions(Options options) {
        return new LoadOptions(options.configFile(), options.configId().orElseGet(host::shortHostname),
                options.includeCheckAll(), options.configTest(), host, random, options.namespace().orElse(null));
    }
}
