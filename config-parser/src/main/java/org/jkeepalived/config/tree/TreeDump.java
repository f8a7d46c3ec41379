package org.jkeepalived.config.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keyword tree as text for {@code keepalived -d} / {@code --dump-conf}: one line per setting, indented two
 * spaces per block level, blocks opened with {@code {} and closed with {@code }}, each setting followed by
 * {@code  # file:line}. Words that keepalived's tokeniser would split or take as a comment are quoted again.
 */
public final class TreeDump {
    private static final String INDENT = "  ";
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\\s{}#!]");

    private TreeDump() {
    }

    /** The lines for the children of {@code root}, the node {@link TreeParser#parse} returns. */
    public static List<String> render(ConfigNode root) {
        List<String> out = new ArrayList<>();
        renderBlock(root.children(), Keywords.ROOT, 0, out);
        return out;
    }

    private static void renderBlock(List<ConfigNode> nodes, BlockSpec block, int depth, List<String> out) {
        String indent = INDENT.repeat(depth);
        for (ConfigNode node : nodes) {
            Optional<KeywordSpec> keyword = block.keyword(node.keyword());
            KeywordKind kind = keyword.map(KeywordSpec::kind).orElse(KeywordKind.PLAIN);
            if (kind == KeywordKind.PLAIN) {
                out.add(setting(indent, node, ""));
                continue;
            }
            out.add(setting(indent, node, " {"));
            if (kind == KeywordKind.SUB_BLOCK) {
                renderBlock(node.children(), keyword.orElseThrow().subBlock(), depth + 1, out);
            } else {
                node.children().forEach(item -> out.add(setting(indent + INDENT, item, "")));
            }
            out.add(indent + "}");
        }
    }

    private static String setting(String indent, ConfigNode node, String opening) {
        return indent + words(node) + opening + "  # " + node.location();
    }

    private static String words(ConfigNode node) {
        StringBuilder line = new StringBuilder(quoted(node.keyword()));
        node.args().forEach(arg -> line.append(' ').append(quoted(arg)));
        return line.toString();
    }

    private static String quoted(String word) {
        return word.isEmpty() || NEEDS_QUOTES.matcher(word).find() ? '"' + word + '"' : word;
    }
}
