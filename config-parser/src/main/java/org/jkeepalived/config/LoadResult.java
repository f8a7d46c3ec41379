package org.jkeepalived.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The outcome of a load: the config (absent where keepalived would have exited while reading it, or found no file
 * to read), every diagnostic in order, and the worst severity, which decides the {@code -t} verdict.
 */
public record LoadResult(Optional<KeepalivedConfig> config, List<Diagnostic> diagnostics, Severity worst,
                         OptionalInt abortExitStatus, Set<Subsystem> cannotRun) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
        cannotRun = cannotRun.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(cannotRun));
    }

    /** A result in which no subsystem refused the config. */
    public LoadResult(Optional<KeepalivedConfig> config, List<Diagnostic> diagnostics, Severity worst,
                      OptionalInt abortExitStatus) {
        this(config, diagnostics, worst, abortExitStatus, Set.of());
    }

    /** A load that ended before validation: no subsystem has been judged. */
    static LoadResult withoutConfig(Diagnostics diagnostics, OptionalInt abortExitStatus) {
        return new LoadResult(Optional.empty(), diagnostics.list(), diagnostics.worst(), abortExitStatus);
    }

    /** The status keepalived 2.2.7's {@code -t} exits with for this config. */
    public int configTestExitStatus() {
        return abortExitStatus.orElse(worst.configTestExitStatus());
    }

    /**
     * Whether the daemon may run this config with every subsystem (errors it can skip are logged and skipped).
     * Unlike the {@code -t} status, this looks at every diagnostic: a fatal error stays fatal when a milder class is
     * reported after it.
     */
    public boolean canRun() {
        return canRun(EnumSet.allOf(Subsystem.class));
    }

    /** Whether the daemon may run this config with only these subsystems ({@code -P}: VRRP, {@code -C}: checker). */
    public boolean canRun(Set<Subsystem> running) {
        return config.isPresent() && diagnostics.stream().noneMatch(d -> d.severity().preventsStart())
                && running.stream().noneMatch(cannotRun::contains);
    }
}
