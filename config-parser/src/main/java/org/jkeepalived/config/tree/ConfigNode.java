package org.jkeepalived.config.tree;

import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.lex.Line;

/**
 * One keyword line of keepalived.conf with the block it opens, if any. The root node has an empty keyword, no
 * location and the root keywords as children. Inside a value block (virtual_ipaddress, unicast_peer, ...) each item
 * line is a child whose keyword is its first word; the value block's own args stop before a {@code {} word.
 *
 * @param keyword  word 0 of the line
 * @param args     words 1..n of the line
 * @param location where the line is (null for the root)
 * @param text     the line's text before tokenising (for script keywords)
 * @param children the lines of the block this line opens, in order
 */
public record ConfigNode(String keyword, List<String> args, Location location, String text,
                         List<ConfigNode> children) {

    public ConfigNode {
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    public static ConfigNode of(Line line, List<ConfigNode> children) {
        List<String> words = line.words();
        return new ConfigNode(words.get(0), words.subList(1, words.size()), line.location(), line.text(), children);
    }

    /** The children with this keyword, in order. */
    public List<ConfigNode> children(String childKeyword) {
        return children.stream().filter(c -> c.keyword.equals(childKeyword)).toList();
    }
}
