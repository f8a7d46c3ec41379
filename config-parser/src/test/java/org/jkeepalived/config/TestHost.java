package org.jkeepalived.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jkeepalived.config.value.HostEnvironment;

/** A host described by the test: named interfaces, users, groups and script files. */
public final class TestHost implements HostEnvironment {
    private final Set<String> interfaces = new HashSet<>();
    private final Map<String, int[]> users = new HashMap<>();
    private final Map<String, Integer> groups = new HashMap<>();
    private final Map<String, ScriptFile> scripts = new HashMap<>();

    public static TestHost withInterfaces(String... names) {
        TestHost host = new TestHost();
        host.interfaces.addAll(Set.of(names));
        host.user("root", 0, 0);
        host.group("root", 0);
        return host;
    }

    public TestHost user(String name, int uid, int gid) {
        users.put(name, new int[] {uid, gid});
        return this;
    }

    public TestHost group(String name, int gid) {
        groups.put(name, gid);
        return this;
    }

    public TestHost script(String path, boolean executable, boolean writableByNonRoot) {
        scripts.put(path, new ScriptFile(path, true, executable, writableByNonRoot));
        return this;
    }

    @Override
    public boolean interfaceExists(String name) {
        return interfaces.contains(name);
    }

    @Override
    public OptionalInt uid(String user) {
        return users.containsKey(user) ? OptionalInt.of(users.get(user)[0]) : OptionalInt.empty();
    }

    @Override
    public OptionalInt gid(String group) {
        return groups.containsKey(group) ? OptionalInt.of(groups.get(group)) : OptionalInt.empty();
    }

    @Override
    public OptionalInt primaryGid(String user) {
        return users.containsKey(user) ? OptionalInt.of(users.get(user)[1]) : OptionalInt.empty();
    }

    @Override
    public ScriptFile script(String path) {
        return scripts.getOrDefault(path, new ScriptFile(path, false, false, false));
    }

    @Override
    public String shortHostname() {
        return "testhost";
    }
}
