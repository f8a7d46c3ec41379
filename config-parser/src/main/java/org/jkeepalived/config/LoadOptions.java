package org.jkeepalived.config;

import java.util.random.RandomGenerator;
import org.jkeepalived.config.value.HostEnvironment;

/**
 * How to load a config, from the command line.
 *
 * @param configFile      {@code -f}: a glob, relative to the working directory
 * @param configId        {@code -i}: the id {@code @ID} lines match (default: the short host name)
 * @param includeCheckAll {@code -e}
 * @param configTest      {@code -t}: stricter number reading, as keepalived's
 * @param namespace       {@code -s}: the network namespace that overrides the config's {@code net_namespace}, or null
 */
public record LoadOptions(String configFile, String configId, boolean includeCheckAll, boolean configTest,
                          HostEnvironment host, RandomGenerator random, String namespace) {

    /** Options without a {@code -s} namespace. */
    public LoadOptions(String configFile, String configId, boolean includeCheckAll, boolean configTest,
                       HostEnvironment host, RandomGenerator random) {
        this(configFile, configId, includeCheckAll, configTest, host, random, null);
    }
}
