package org.jkeepalived.config.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What validation needs to know about the host, as keepalived 2.2.7 asks it while checking a config: which network
 * interfaces exist, which users and groups exist, and what a script path is. {@link LiveHost} answers for this
 * machine; tests pass their own.
 */
public interface HostEnvironment {

    boolean interfaceExists(String name);

    OptionalInt uid(String user);

    OptionalInt gid(String group);

    /** The primary group of a user, when the user exists. */
    OptionalInt primaryGid(String user);

    ScriptFile script(String path);

    /** The node name up to its first dot: keepalived's default config id and router id source. */
    String shortHostname();

    /** Whether {@code ip netns} knows the namespace: keepalived opens /var/run/netns/NAME to enter it. */
    default boolean networkNamespaceExists(String name) {
        return Files.exists(Path.of("/var/run/netns", name));
    }

    /**
     * The lines of an iproute2 name file ({@code rt_tables}, {@code rt_protos}, ...) that keepalived reads from
     * /etc/iproute2 to resolve names in routes and rules; empty when the file cannot be read.
     */
    default List<String> iproute2File(String name) {
        try {
            return Files.readAllLines(Path.of("/etc/iproute2", name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * What keepalived learns from stat(2) of a script and of the directories above it.
     *
     * @param exists              the path resolves to a file
     * @param executable          some execute bit is set on the file
     * @param writableByNonRoot   the file or a directory above it can be changed by a user other than root
     *                            (keepalived's {@code SC_INHIBIT} test under {@code enable_script_security})
     */
    record ScriptFile(String path, boolean exists, boolean executable, boolean writableByNonRoot) {
    }
}
