package org.jkeepalived.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;

/**
 * Test-only: a keyword tree from a small config text, for testing the model builders apart from the line reader and
 * tree parser. Understands blocks, double quotes and {@code #}/{@code !} comments only.
 */
public final class ConfigFixtures {
    public static final String FILE = "k.conf";

    private ConfigFixtures() {
    }

    public static ConfigNode tree(String text) {
        Deque<List<ConfigNode>> open = new ArrayDeque<>();
        Deque<ConfigNode> heads = new ArrayDeque<>();
        open.push(new ArrayList<>());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceAll("\\s*[#!].*$", "").strip();
            Location at = new Location(FILE, i + 1);
            boolean opens = line.endsWith("{");
            if (opens) {
                line = line.substring(0, line.length() - 1).strip();
            }
            if (line.equals("}")) {
                ConfigNode head = heads.pop();
                List<ConfigNode> children = open.pop();
                open.peek().add(new ConfigNode(head.keyword(), head.args(), head.location(), head.text(), children));
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            List<String> words = words(line);
            ConfigNode node = new ConfigNode(words.get(0), words.subList(1, words.size()), at, line, List.of());
            if (opens) {
                heads.push(node);
                open.push(new ArrayList<>());
            } else {
                open.peek().add(node);
            }
        }
        return new ConfigNode("", List.of(), new Location(FILE, 1), "", open.pop());
    }

    public static BuildContext context(TestHost host) {
        return new BuildContext(new Diagnostics(), host, true);
    }

    /** The diagnostics rendered as keepalived prints them. */
    public static List<String> rendered(BuildContext ctx) {
        return ctx.diagnostics().list().stream().map(Diagnostic::render).toList();
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
