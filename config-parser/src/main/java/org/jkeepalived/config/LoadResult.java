package org.jkeepalived.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of a load: the config (absent where keepalived would have exited while reading it, or found no file
 * to read), every diagnostic in order, and the worst severity, which decides the {@code -t} verdict.
 */
public record LoadResult(Optional<KeepalivedConfig> config, List<Diagnostic> diagnostics, Severity worst,
                         OptionalInt abortExitStatus) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The status keepalived 2.2.7's {@code -t} exits with for this config. */
    public int configTestExitStatus() {
        return abortExitStatus.orElse(worst.configTestExitStatus());
    }

    /**
     * Whether the daemon may run this config (errors it can skip are logged and skipped). Unlike the {@code -t}
     * status, this looks at every diagnostic: a fatal error stays fatal when a milder class is reported after it.
     */
    public boolean canRun() {
        return config.isPresent() && diagnostics.stream().noneMatch(d -> d.severity().preventsStart());
    }
}
