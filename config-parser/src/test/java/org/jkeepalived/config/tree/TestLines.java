package org.jkeepalived.config.tree;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.lex.Line;

/** Logical lines as the lexer hands them over: split at braces outside quotes, words by blanks and double quotes. */
final class TestLines {
    static final String FILE = "keepalived.conf";

    private TestLines() {
    }

    static List<Line> of(String config) {
        List<Line> lines = new ArrayList<>();
        String[] physical = config.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            Location location = new Location(FILE, i + 1);
            StringBuilder piece = new StringBuilder();
            boolean quoted = false;
            for (char c : physical[i].toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (!quoted && (c == '{' || c == '}')) {
                    add(lines, location, piece.toString());
                    add(lines, location, String.valueOf(c));
                    piece.setLength(0);
                } else {
                    piece.append(c);
                }
            }
            add(lines, location, piece.toString());
        }
        return lines;
    }

    private static void add(List<Line> lines, Location location, String text) {
        if (!text.isBlank()) {
            lines.add(new Line(location, words(text), text.strip()));
        }
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '"') {
                int end = text.indexOf('"', at + 1);
                words.add(text.substring(at + 1, end));
                at = end + 1;
            } else {
                int end = at;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
                    end++;
                }
                words.add(text.substring(at, end));
                at = end;
            }
        }
        return words;
    }
}
