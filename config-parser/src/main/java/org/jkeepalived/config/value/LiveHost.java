package org.jkeepalived.config.value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@link HostEnvironment} of the machine (or network namespace) jkeepalived runs on, read from a root directory
 * ({@code /} in production): interfaces from {@code /sys/class/net}, users and groups from {@code /etc/passwd} and
 * {@code /etc/group}, scripts by stat of the file and every directory above it. Users and groups are read once.
 */
public final class LiveHost implements HostEnvironment {
    private static final int S_IWOTH = 0002;
    private static final int S_IWGRP = 0020;
    private static final int S_ANY_EXEC = 0111;
    private static final int S_ISVTX = 01000;

    private final Path root;
    private final Map<String, int[]> usersUidGid;
    private final Map<String, Integer> groupsGid;

    public LiveHost(Path root) {
        this.root = root;
        this.usersUidGid = new HashMap<>();
        for (String[] fields : colonFile("etc/passwd")) {
            if (fields.length > 3) {
                usersUidGid.putIfAbsent(fields[0], new int[] {parseId(fields[2]), parseId(fields[3])});
            }
        }
        this.groupsGid = new HashMap<>();
        for (String[] fields : colonFile("etc/group")) {
            if (fields.length > 2) {
                groupsGid.putIfAbsent(fields[0], parseId(fields[2]));
            }
        }
    }

    /** This machine. */
    public static LiveHost system() {
        return new LiveHost(Path.of("/"));
    }

    @Override
    public boolean interfaceExists(String name) {
        return !name.isEmpty() && !name.contains("/") && Files.exists(root.resolve("sys/class/net").resolve(name));
    }

    @Override
    public OptionalInt uid(String user) {
        int[] ids = usersUidGid.get(user);
        return ids == null || ids[0] < 0 ? OptionalInt.empty() : OptionalInt.of(ids[0]);
    }

    @Override
    public OptionalInt gid(String group) {
        Integer gid = groupsGid.get(group);
        return gid == null || gid < 0 ? OptionalInt.empty() : OptionalInt.of(gid);
    }

    @Override
    public OptionalInt primaryGid(String user) {
        int[] ids = usersUidGid.get(user);
        return ids == null || ids[1] < 0 ? OptionalInt.empty() : OptionalInt.of(ids[1]);
    }

    @Override
    public ScriptFile script(String path) {
        Path file = hostPath(path);
        if (!path.startsWith("/") || !Files.isRegularFile(file)) {
            return new ScriptFile(path, false, false, false);
        }
        try {
            boolean executable = (mode(file) & S_ANY_EXEC) != 0;
            Path real = file.toRealPath();
            boolean writable = pathWritableByNonRoot(file) || pathWritableByNonRoot(real);
            return new ScriptFile(path, true, executable, writable);
        } catch (IOException e) {
            return new ScriptFile(path, false, false, false);
        }
    }

    @Override
    public String shortHostname() {
        try {
            String name = Files.readString(root.resolve("proc/sys/kernel/hostname")).strip();
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        } catch (IOException e) {
            return "localhost";
        }
    }

    /**
     * keepalived's {@code check_security}: {@code /} and each directory down to the file, not following links, must
     * be owned by root and not writable by a non-root group or by others (sticky directories excepted).
     */
    private boolean pathWritableByNonRoot(Path file) throws IOException {
        Path relative = root.relativize(file);
        Path current = root;
        if (unsafe(current)) {
            return true;
        }
        for (Path part : relative) {
            current = current.resolve(part);
            if (unsafe(current)) {
                return true;
            }
        }
        return false;
    }

    private boolean unsafe(Path element) throws IOException {
        Map<String, Object> attrs = Files.readAttributes(element, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) attrs.get("uid");
        int gid = (Integer) attrs.get("gid");
        int mode = (Integer) attrs.get("mode");
        boolean directory = Files.isDirectory(element, LinkOption.NOFOLLOW_LINKS);
        boolean regular = Files.isRegularFile(element, LinkOption.NOFOLLOW_LINKS);
        boolean checked = (directory && (mode & S_ISVTX) == 0) || regular;
        return uid != 0 || (checked && ((gid != 0 && (mode & S_IWGRP) != 0) || (mode & S_IWOTH) != 0));
    }

    private static int mode(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode");
    }

    private Path hostPath(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    private List<String[]> colonFile(String relative) {
        try {
            return Files.readAllLines(root.resolve(relative)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(":", -1))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int parseId(String field) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
