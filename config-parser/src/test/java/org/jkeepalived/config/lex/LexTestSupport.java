package org.jkeepalived.config.lex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;

/** Writes config files and reads them through the Preprocessor. */
final class LexTestSupport {
    final Path dir;
    final Diagnostics diagnostics = new Diagnostics();
    String configId = "main";
    boolean includeCheckAll;

    LexTestSupport(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Line> read(String pattern) {
        return new Preprocessor(configId, includeCheckAll, new SplittableRandom(7), diagnostics).read(pattern);
    }

    List<Line> readMain(String text) {
        return read(write("keepalived.conf", text).toString());
    }

    /** Each line's words joined by "|", for compact assertions. */
    static List<String> words(List<Line> lines) {
        return lines.stream().map(line -> String.join("|", line.words())).collect(Collectors.toList());
    }

    List<String> messages() {
        return diagnostics.list().stream().map(Diagnostic::message).collect(Collectors.toList());
    }
}
