package org.jkeepalived.config.lvs;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.lex.Line;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.tree.TreeParser;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.HostEnvironment;

/** Loads the checker side of a config text through the real tree parser, as {@code keepalived -t} would. */
final class LvsFixture {
    static final String FILE = "keepalived.conf";

    private LvsFixture() {
    }

    record Loaded(LvsConfig config, List<Diagnostic> diagnostics, Severity worst) {

        /** The diagnostics as keepalived prints them. */
        List<String> messages() {
            return diagnostics.stream().filter(d -> d.severity() != Severity.OK).map(Diagnostic::render).toList();
        }
    }

    static Loaded load(String config) {
        return load(config, CheckerGlobals.DEFAULTS, TestHost.withInterfaces("eth0"));
    }

    static Loaded load(String config, CheckerGlobals globals, HostEnvironment host) {
        Diagnostics diagnostics = new Diagnostics();
        ConfigNode root = TreeParser.parse(lines(config), diagnostics);
        BuildContext ctx = new BuildContext(diagnostics, host, true);
        LvsConfig lvs = LvsModelBuilder.build(root, globals, false, ctx);
        return new Loaded(lvs, diagnostics.list(), diagnostics.worst());
    }

    static String at(int line, String message) {
        return new Location(FILE, line).prefix() + " " + message;
    }

    /** Logical lines: braces are lines of their own, words split at blanks (no quoting needed by these tests). */
    private static List<Line> lines(String config) {
        List<Line> lines = new ArrayList<>();
        String[] physical = config.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            Location location = new Location(FILE, i + 1);
            for (String piece : physical[i].replace("{", "\n{\n").replace("}", "\n}\n").split("\n")) {
                if (!piece.isBlank()) {
                    lines.add(new Line(location, List.of(piece.strip().split("\\s+")), piece.strip()));
                }
            }
        }
        return lines;
    }
}
