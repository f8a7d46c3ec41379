package org.jkeepalived.config.lex;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * glibc's glob(3) as keepalived 2.2.7 calls it: {@code GLOB_MARK | GLOB_BRACE | GLOB_ALTDIRFUNC}, with its
 * directory-opening and lstat hooks counting what was missing and whether a wildcard was used.
 */
final class Glob {
    private static final int SPECIAL = 1;
    private static final int BACKSLASH = 2;
    private static final int BRACKET = 4;

    /**
     * @param paths          the matches, as glob(3) names them (relative patterns give relative names), directories
     *                       marked with a trailing {@code /}
     * @param missing        how many lstat or opendir calls failed (keepalived's missing_files + missing_directories)
     * @param haveWildcards  whether a directory was opened to match a wildcard
     */
    record Result(List<String> paths, int missing, boolean haveWildcards) {
    }

    private final Path base;
    private int missing;
    private boolean haveWildcards;

    private Glob(Path base) {
        this.base = base;
    }

    /** Expands {@code pattern}, resolving relative names against {@code base}. */
    static Result expand(String pattern, Path base) {
        Glob glob = new Glob(base);
        List<String> paths = new ArrayList<>();
        glob.expandBraces(pattern, paths);
        return new Result(paths, glob.missing, glob.haveWildcards);
    }

    /** Each brace alternative is globbed (and sorted) on its own, in the order written, as glibc does. */
    private void expandBraces(String pattern, List<String> out) {
        int open = firstUnescaped(pattern, '{');
        if (open >= 0) {
            List<Integer> separators = new ArrayList<>();
            int at = open;
            do {
                separators.add(at);
                at = nextBraceSub(pattern, at + 1);
            } while (at >= 0 && pattern.charAt(at) != '}');
            if (at >= 0) {
                separators.add(at);
                String prefix = pattern.substring(0, open);
                String rest = pattern.substring(at + 1);
                for (int i = 0; i + 1 < separators.size(); i++) {
                    expandBraces(prefix + pattern.substring(separators.get(i) + 1, separators.get(i + 1)) + rest, out);
                }
                return;
            }
        }
        List<String> found = globPlain(pattern, false);
        List<String> marked = new ArrayList<>(found.size());
        for (String path : found) {
            marked.add(isDirectory(path) ? path + "/" : path);
        }
        marked.sort(null);
        out.addAll(marked);
    }

    private static int firstUnescaped(String pattern, char wanted) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** glibc's next_brace_sub: the index of the {@code ,} or {@code }} ending this alternative, or -1. */
    private static int nextBraceSub(String pattern, int from) {
        int depth = 0;
        int i = from;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if ((c == '}' && depth-- == 0) || (c == ',' && depth == 0)) {
                return i;
            }
            if (c == '{') {
                depth++;
            }
            i++;
        }
        return -1;
    }

    /** glob(3) without braces, marks or sorting. */
    private List<String> globPlain(String pattern, boolean onlyDirectories) {
        List<String> found = new ArrayList<>();
        if (pattern.isEmpty()) {
            return found;
        }
        int slash = pattern.lastIndexOf('/');
        if (slash < 0) {
            found.addAll(globInDir(pattern, ".", onlyDirectories));
            return found;
        }
        String dirname = slash == 0 ? "/" : pattern.substring(0, slash);
        String filename = pattern.substring(slash + 1);
        if (filename.isEmpty() && slash > 0) {
            return globPlain(dirname, onlyDirectories);
        }
        List<String> directories;
        if ((patternType(dirname) & (SPECIAL | BRACKET)) != 0) {
            directories = globPlain(dirname, true);
        } else {
            directories = List.of(unescape(dirname));
        }
        for (String directory : directories) {
            String prefix = directory.equals("/") ? "/" : directory + "/";
            for (String name : globInDir(filename, directory, onlyDirectories)) {
                found.add(prefix + name);
            }
        }
        return found;
    }

    private List<String> globInDir(String pattern, String directory, boolean onlyDirectories) {
        if (patternType(pattern) == 0) {
            if (Files.exists(resolve(directory).resolve(pattern), LinkOption.NOFOLLOW_LINKS)) {
                return List.of(pattern);
            }
            missing++;
            return List.of();
        }
        haveWildcards = true;
        List<String> names = new ArrayList<>();
        if (pattern.startsWith(".") || pattern.startsWith("\\.")) {
            // readdir(3) returns . and .., which a pattern with a leading dot can match
            for (String special : List.of(".", "..")) {
                if (FnMatch.matches(pattern, special) && Files.isDirectory(resolve(directory))) {
                    names.add(special);
                }
            }
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(resolve(directory))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (FnMatch.matches(pattern, name) && (!onlyDirectories || Files.isDirectory(entry))) {
                    names.add(name);
                }
            }
        } catch (IOException | SecurityException e) {
            missing++;
        }
        return names;
    }

    private boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    private Path resolve(String path) {
        return base.resolve(path);
    }

    /** glibc's __glob_pattern_type. */
    private static int patternType(String pattern) {
        int type = 0;
        for (int i = 0; i < pattern.length(); i++) {
            switch (pattern.charAt(i)) {
                case '?', '*' -> {
                    return SPECIAL;
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        i++;
                    }
                    type |= BACKSLASH;
                }
                case '[' -> type |= BRACKET;
                case ']' -> {
                    if ((type & BRACKET) != 0) {
                        return SPECIAL;
                    }
                }
                default -> {
                }
            }
        }
        return type;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
