package org.jkeepalived.healthcheck.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.LoadResult;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.value.LiveHost;

/** Loads a keepalived.conf text with the real parser, as the daemon would. */
final class PoolConfigs {
    private PoolConfigs() {
    }

    static LvsConfig load(Path dir, String text) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), text);
        LoadResult result = ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0)));
        return result.config().orElseThrow(() -> new AssertionError("config refused: " + result.diagnostics()))
                .lvs();
    }
}
