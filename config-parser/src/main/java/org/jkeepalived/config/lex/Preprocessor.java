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
    private boolean configFileError;

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
        LineReader reader = new LineReader(configId, includeCheckAll, random, diagnostics,
                Path.of("").toAbsolutePath());
        List<Line> lines = reader.read(configFilePattern);
        configFileError = reader.hadConfigFileError();
        return lines;
    }

    /**
     * Whether the last {@link #read} had an include that failed where its include check made that an error
     * (keepalived's had_config_file_error): keepalived 2.2.7 then exits with status 6 (KEEPALIVED_EXIT_NO_CONFIG)
     * once the whole configuration has been read, with or without -t.
     */
    public boolean hadConfigFileError() {
        return configFileError;
    }
}
