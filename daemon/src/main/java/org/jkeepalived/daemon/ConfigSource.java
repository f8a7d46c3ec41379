package org.jkeepalived.daemon;

import java.util.List;
import org.jkeepalived.config.LoadResult;

/** Where the daemon's configuration comes from: the files the options name, or a test's results. */
public interface ConfigSource {

    /** Loads the configuration. */
    LoadResult load(Options options);

    /** {@code -d}: the configuration as text for the log, read again from its files. */
    List<String> dump(Options options);
}
