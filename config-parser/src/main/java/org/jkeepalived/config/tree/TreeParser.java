package org.jkeepalived.config.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lex.Line;

/**
 * keepalived 2.2.7's {@code process_stream} and {@code alloc_value_block} (lib/parser.c): logical lines to the tree
 * of keywords, with keepalived's handling of unknown keywords and of missing and extra braces, and the brace count
 * its line reader keeps.
 *
 * <p>Unknown keywords are reported and left out of the tree. Where keepalived's handler for a named block rejects
 * the line (a {@code vrrp_instance} without a name...), it skips the block; that decision is the model builders',
 * and the tree holds the block as it was written.
 */
public final class TreeParser {
    private static final String BOB = "{";
    private static final String EOB = "}";
    /** keepalived's KEEPALIVED_EXIT_CONFIG, with which null_strvec exits. */
    private static final int EXIT_CONFIG = 2;
    /** The one value block whose handler takes a name before the block (check_parser.c vsg_handler). */
    private static final String NAMED_VALUE_BLOCK = "virtual_server_group";

    private final List<Line> lines;
    private final Diagnostics diagnostics;
    private final ProcessReading reading;
    private int nextLine;
    private Location currentLocation;
    /** read_line's count of lone '{' less lone '}' lines. */
    private int blockDepth;
    /** process_stream's skip_sublevel: -1 skip the block if a '{' comes next, n > 0 skipping n levels deep. */
    private int skipSublevel;
    private int keywordLevel;

    private TreeParser(List<Line> lines, Diagnostics diagnostics, ProcessReading reading) {
        this.lines = lines;
        this.diagnostics = diagnostics;
        this.reading = reading;
    }

    /** The root node (empty keyword, no location), with every keyword of keepalived 2.2.7 active. */
    public static ConfigNode parse(List<Line> lines, Diagnostics diagnostics) {
        return parse(lines, diagnostics, ProcessReading.ALL);
    }

    /**
     * The root node as one of keepalived's per-process readings sees the file: the blocks of inactive root keywords
     * are skipped (their nodes have no children) and produce no diagnostics of their own.
     */
    public static ConfigNode parse(List<Line> lines, Diagnostics diagnostics, ProcessReading reading) {
        TreeParser parser = new TreeParser(List.copyOf(lines), diagnostics, reading);
        List<ConfigNode> rootKeywords = new ArrayList<>();
        parser.processStream(Keywords.ROOT, false, rootKeywords);
        if (parser.blockDepth > 0) {
            // keepalived reports this after the last file is closed, so without a location.
            diagnostics.report(Severity.MISSING_EOB, null,
                    "There are " + parser.blockDepth + " missing '}'s or extra '{'s");
        }
        return new ConfigNode("", List.of(), null, "", rootKeywords);
    }

    /** Reads the keywords of one block into {@code nodes} up to its closing brace (or the end of the input). */
    private void processStream(BlockSpec block, boolean needBob, List<ConfigNode> nodes) {
        boolean braceNeeded = needBob;
        Line line;
        while ((line = readLine()) != null) {
            String first = line.words().get(0);
            if (skipSublevel == -1) {
                if (first.equals(BOB)) {
                    skipSublevel = 1;
                    braceNeeded = false;
                    continue;
                }
                skipSublevel = 0;
            }
            if (skipSublevel != 0) {
                if (skipClosesBlock(line.words()) && keywordLevel > 0) {
                    return;
                }
                continue;
            }
            if (braceNeeded) {
                braceNeeded = false;
                if (first.equals(BOB) && keywordLevel > 0) {
                    continue;
                }
                report(Severity.MISSING_BOB, "Missing '{' at beginning of configuration block");
            } else if (first.equals(BOB)) {
                report(Severity.UNEXPECTED_BOB, "Unexpected '{' - ignoring");
                continue;
            }
            if (first.equals(EOB) && keywordLevel > 0) {
                return;
            }
            Optional<KeywordSpec> keyword = block.keyword(first);
            if (keyword.isPresent()) {
                nodes.add(handle(keyword.get(), line));
            } else {
                report(Severity.UNKNOWN_KEYWORD, "Unknown keyword '" + first + "'");
            }
        }
    }

    /** Counts the braces of a line being skipped; whether its last counted word closed the skipped block. */
    private boolean skipClosesBlock(List<String> words) {
        String counted = words.get(0);
        for (String word : words) {
            counted = word;
            if (word.equals(BOB)) {
                skipSublevel++;
            } else if (word.equals(EOB) && --skipSublevel == 0) {
                break;
            }
        }
        return counted.equals(EOB) && skipSublevel == 0;
    }

    private ConfigNode handle(KeywordSpec keyword, Line line) {
        List<String> words = line.words();
        boolean braceOnLine = last(words).equals(BOB);
        if (keywordLevel == 0 && !reading.isActive(keyword.name())) {
            skipSublevel = braceOnLine ? 1 : -1;
            return node(words, line, List.of());
        }
        return switch (keyword.kind()) {
            case PLAIN -> node(words, line, List.of());
            case VALUE_BLOCK -> valueBlock(keyword, line);
            case SUB_BLOCK -> {
                List<ConfigNode> children = new ArrayList<>();
                keywordLevel++;
                processStream(keyword.subBlock(), !braceOnLine, children);
                keywordLevel--;
                yield node(braceOnLine ? words.subList(0, words.size() - 1) : words, line, children);
            }
        };
    }

    /** alloc_value_block: the block's lines as items, each a child whose keyword is its first word. */
    private ConfigNode valueBlock(KeywordSpec keyword, Line line) {
        List<String> words = line.words();
        boolean named = keyword.name().equals(NAMED_VALUE_BLOCK);
        if (named && words.size() < 2) {
            throw missingParameter("*** Configuration line starting `" + keyword.name()
                    + "` is missing a parameter after keyword `" + keyword.name() + "` at word position 2");
        }
        // What alloc_value_block sees after the keyword; virtual_server_group hands it a null keyword instead.
        List<String> rest = words.subList(named ? 2 : 1, words.size());
        String blockKeyword = named ? null : keyword.name();
        int braceIndex = words.indexOf(BOB);
        List<String> args = words.subList(1, braceIndex < 0 ? words.size() : braceIndex);

        List<ConfigNode> items = new ArrayList<>();
        boolean needBob = true;
        boolean hadEob = false;
        if (!rest.isEmpty()) {
            if (rest.get(0).equals(BOB)) {
                needBob = false;
                List<String> firstItem = rest.subList(1, rest.size());
                if (!firstItem.isEmpty() && last(firstItem).equals(EOB)) {
                    firstItem = firstItem.subList(0, firstItem.size() - 1);
                    hadEob = true;
                }
                if (!firstItem.isEmpty()) {
                    items.add(node(firstItem, line, List.of()));
                }
            } else {
                report(Severity.GENERAL_ERROR, "Block " + keywordOrAbort(blockKeyword) + " has extra parameters "
                        + rest.get(0) + " ...");
            }
        }
        Line itemLine;
        while (!hadEob && (itemLine = readLine()) != null) {
            List<String> item = itemLine.words();
            if (needBob) {
                needBob = false;
                if (item.get(0).equals(BOB)) {
                    if (item.size() == 1) {
                        continue;
                    }
                    item = item.subList(1, item.size());
                } else {
                    // keepalived logs this (log_message) without making it a config error.
                    report(Severity.OK, "'{' missing from beginning of block " + keywordOrAbort(blockKeyword));
                }
            }
            if (last(item).equals(EOB)) {
                if (item.size() == 1) {
                    break;
                }
                hadEob = true;
                item = item.subList(0, item.size() - 1);
            }
            items.add(node(item, itemLine, List.of()));
        }
        return new ConfigNode(keyword.name(), args, line.location(), line.text(), items);
    }

    /** keepalived prints the block's keyword with strvec_slot, whose null slot ends in null_strvec's exit. */
    private String keywordOrAbort(String blockKeyword) {
        if (blockKeyword == null) {
            throw missingParameter("*** Configuration line starting `***MISSING ***` is missing a parameter at word"
                    + " position 1");
        }
        return blockKeyword;
    }

    /** read_line: the next line with words, counting lone braces as keepalived's line reader does. */
    private Line readLine() {
        while (nextLine < lines.size()) {
            Line line = lines.get(nextLine++);
            currentLocation = line.location();
            countBlockDepth(line);
            if (!line.words().isEmpty()) {
                return line;
            }
        }
        return null;
    }

    private void countBlockDepth(Line line) {
        if (isLoneBrace(line, BOB)) {
            blockDepth++;
        } else if (isLoneBrace(line, EOB) && blockDepth-- < 1) {
            report(Severity.UNEXPECTED_EOB, "Extra '}' found");
            blockDepth = 0;
        }
    }

    /** keepalived counts the line's text, so a quoted {@code "{"} word is not a brace to it. */
    private static boolean isLoneBrace(Line line, String brace) {
        return line.words().size() == 1 && line.words().get(0).equals(brace)
                && !line.text().strip().startsWith("\"");
    }

    private void report(Severity severity, String message) {
        diagnostics.report(severity, currentLocation, message);
    }

    private RuntimeException missingParameter(String message) {
        return diagnostics.abort(EXIT_CONFIG, Severity.MISSING_PARAMETER, currentLocation, message);
    }

    private static ConfigNode node(List<String> words, Line line, List<ConfigNode> children) {
        return new ConfigNode(words.get(0), words.subList(1, words.size()), line.location(), line.text(), children);
    }

    private static String last(List<String> words) {
        return words.get(words.size() - 1);
    }
}
