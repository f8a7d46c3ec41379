package org.jkeepalived.config.lex;

import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.Diagnostics;

/**
 * keepalived 2.2.7's line reader (lib/parser.c {@code read_line} and what it calls): physical lines to logical
 * {@link Line}s, following includes, conditionals, parameters and sequences.
 */
public final class Preprocessor {
    private final String configId;
    private final boolean includeCheckAll;
    private final RandomGenerator random;
    private final Diagnostics diagnostics;

    /**
     * @param configId        the {@code -i} id that {@code @ID} lines are compared with
     * @param includeCheckAll {@code -e}: every include is checked as {@code includea}
     * @param random          the source of {@code ${_RANDOM}}
     */
    public Preprocessor(String configId, boolean includeCheckAll, RandomGenerator random, Diagnostics diagnostics) {
        this.configId = configId;
        this.includeCheckAll = includeCheckAll;
        this.random = random;
        this.diagnostics = diagnostics;
    }

    /** Reads the config file pattern given with {@code -f} (a glob, relative to the working directory). */
    public List<Line> read(String configFilePattern) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return new LineReader(configId, includeCheckAll, random, diagnostics, workingDirectory)
                .read(configFilePattern);
    }
}
