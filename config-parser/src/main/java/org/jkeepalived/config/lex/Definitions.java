package org.jkeepalived.config.lex;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jkeepalived.config.Severity;

/** keepalived 2.2.7's {@code $NAME} parameters: definitions, the predefined names and {@code replace_param}. */
final class Definitions {
    /** keepalived 2.2.7 never stops substituting a parameter whose value refers to itself; we stop after this. */
    private static final int MAX_REPLACEMENTS_PER_LINE = 10_000;
    private static final long RANDOM_DEFAULT_MAX = 32767;

    static final class Definition {
        private final String name;
        private final StringBuilder value = new StringBuilder();
        private boolean multiline;
        /** For the predefined names computed at each use: params (or null) to the value. */
        private Function<String, String> computed;
        private boolean takesParams;

        private Definition(String name) {
            this.name = name;
        }

        boolean multiline() {
            return multiline;
        }

        void appendLine(CharSequence text) {
            value.append(text);
        }

        /** keepalived ends a multi-line definition whose first line was empty as a single-line one. */
        void endMultiline() {
            if (value.length() == 0) {
                multiline = false;
            }
        }

        private void set(String text) {
            value.setLength(0);
            value.append(text);
            computed = null;
        }
    }

    /** What {@link #substitute} did: whether anything was replaced, and the multi-line text still to be read. */
    record Substitution(boolean replaced, String pendingLines) {
    }

    /** Told when a multi-line parameter starts expanding, with the multi-line text that was pending before. */
    @FunctionalInterface
    interface MultilineListener {
        void expansionStarts(String pendingBefore);
    }

    private record Reference(Definition definition, String params, int length) {
    }

    private final Map<String, Definition> byName = new HashMap<>();
    private final Reporter reporter;

    Definitions(String configId, Supplier<String> currentDirectory, RandomGenerator random, Reporter reporter) {
        this.reporter = reporter;
        predefine("_PWD", params -> currentDirectory.get(), false);
        predefine("_INSTANCE", params -> configId, false);
        predefine("_RANDOM", params -> randomValue(params, random), true);
        predefine("_HASH", params -> "#", false);
        predefine("_BANG", params -> "!", false);
    }

    private void predefine(String name, Function<String, String> computed, boolean takesParams) {
        Definition definition = new Definition(name);
        definition.computed = computed;
        definition.takesParams = takesParams;
        byName.put(name, definition);
    }

    /** keepalived's set_definition, used by {@code ~SEQ} and {@code ~LST}. */
    void set(String name, String value) {
        byName.computeIfAbsent(name, Definition::new).set(value);
    }

    /** keepalived's check_definition: a {@code $NAME=VALUE} line defines NAME; null if the line is not one. */
    Definition define(CharSequence line) {
        if (Scan.at(line, 0) != '$' || !(Scan.isAlpha(Scan.at(line, 1)) || Scan.at(line, 1) == '_')) {
            return null;
        }
        int p = 2;
        while (p < line.length() && line.charAt(p) != '=') {
            if (!Scan.isNameChar(line.charAt(p))) {
                return null;
            }
            p++;
        }
        if (p == line.length()) {
            return null;
        }
        Definition definition = byName.computeIfAbsent(line.subSequence(1, p).toString(), Definition::new);
        int valueStart = Scan.skip(line, p + 1, Scan.BLANKS);
        int valueEnd = line.length();
        boolean multiline = valueEnd > valueStart && line.charAt(valueEnd - 1) == '\\';
        String value;
        if (multiline) {
            while (valueEnd - valueStart >= 2 && Scan.isBlank(line.charAt(valueEnd - 2))) {
                valueEnd--;
            }
            // the first line's closing backslash becomes the line separator
            value = valueEnd - valueStart < 2 ? "" : line.subSequence(valueStart, valueEnd - 1) + "\n";
        } else {
            value = line.subSequence(valueStart, valueEnd).toString();
        }
        definition.set(value);
        definition.multiline = multiline;
        return definition;
    }

    /**
     * keepalived's replace_param: replaces each {@code $NAME} / {@code ${NAME}} in {@code line}, rescanning each
     * replacement, until none is left. {@code pendingLines} is the multi-line text still to be read.
     */
    Substitution substitute(StringBuilder line, int maxBytes, String pendingLines, MultilineListener listener) {
        String pending = pendingLines;
        String nextPending = null;
        boolean replaced = false;
        int replacements = 0;
        int pos = 0;
        while ((pos = line.indexOf("$", pos)) >= 0 && pos + 1 < line.length()) {
            Reference reference = find(line, pos + 1);
            if (reference == null) {
                pos++;
                continue;
            }
            Definition definition = reference.definition();
            replaced = true;
            nextPending = pending;
            if (definition.multiline) {
                listener.expansionStarts(pending);
            }
            String value = definition.computed == null ? definition.value.toString()
                    : definition.computed.apply(reference.params());
            String replacement = value;
            if (definition.multiline) {
                int lineEnd = value.indexOf('\n');
                replacement = lineEnd < 0 ? value : value.substring(0, lineEnd);
                nextPending = lineEnd < 0 ? null : value.substring(lineEnd + 1);
                pending = nextPending;
            }
            if (Scan.utf8Length(line) + Scan.utf8Length(replacement)
                    - Scan.utf8Length(line.subSequence(pos, pos + reference.length())) >= maxBytes
                    || ++replacements > MAX_REPLACEMENTS_PER_LINE) {
                reporter.report(Severity.OK,
                        "Parameter substitution on line '" + line + "' would exceed maximum line length");
                return new Substitution(false, pendingLines);
            }
            replace(line, pos, reference, replacement);
            // a value starting with ~ is a generator, which keepalived leaves the rest of the line to
            if (Scan.at(value, Scan.skip(value, 0, Scan.BLANKS)) == '~') {
                break;
            }
        }
        return new Substitution(replaced, replaced ? nextPending : pendingLines);
    }

    private static void replace(StringBuilder line, int pos, Reference reference, String replacement) {
        int end = pos + reference.length();
        if (reference.params() != null && replacement.length() < reference.length()) {
            // keepalived 2.2.7 shortens a ${NAME params} reference by moving only the one character after it,
            // leaving the rest of the reference text in place: reproduced as it is visible in -t output
            String tail = end < line.length() ? line.charAt(end) + line.substring(pos + replacement.length() + 1)
                    : "";
            line.setLength(pos);
            line.append(replacement).append(tail);
            return;
        }
        line.replace(pos, end, replacement);
    }

    /** keepalived's find_definition for a reference whose name (or opening brace) starts at {@code start}. */
    private Reference find(CharSequence line, int start) {
        boolean braces = line.charAt(start) == '{';
        int name = braces ? start + 1 : start;
        if (!(Scan.isAlpha(Scan.at(line, name)) || Scan.at(line, name) == '_')) {
            return null;
        }
        int p = name + 1;
        while (Scan.isNameChar(Scan.at(line, p))) {
            p++;
        }
        int nameEnd = p;
        int paramsStart = -1;
        int paramsEnd = -1;
        if (braces) {
            while (Scan.at(line, p) == ' ' || Scan.isDigit(Scan.at(line, p))) {
                if (line.charAt(p) != ' ') {
                    paramsStart = paramsStart < 0 ? p : paramsStart;
                    paramsEnd = p;
                }
                p++;
            }
            if ((paramsStart >= 0 && paramsEnd + 1 != p) || Scan.at(line, p) != '}') {
                return null;
            }
        } else if (" \t,)\0".indexOf(Scan.at(line, p)) < 0) {
            return null;
        }
        boolean lastOnLine = (braces ? nameEnd + 1 : nameEnd) == line.length();
        Definition definition = byName.get(line.subSequence(name, nameEnd).toString());
        if (definition == null || (definition.multiline && !lastOnLine)
                || (paramsStart >= 0 && !definition.takesParams)) {
            return null;
        }
        if (paramsStart >= 0) {
            return new Reference(definition, line.subSequence(paramsStart, paramsEnd + 1).toString(),
                    paramsEnd + 2 - (start - 1));
        }
        return new Reference(definition, null, 1 + (braces ? 2 : 0) + (nameEnd - name));
    }

    /** keepalived's get_random, including its C arithmetic: {@code ${_RANDOM [MIN [MAX]]}}. */
    private String randomValue(String params, RandomGenerator random) {
        long min = 0;
        long max = RANDOM_DEFAULT_MAX;
        if (params != null) {
            int[] end = new int[1];
            min = strtoul(params, 0, end);
            if (end[0] < params.length() - 1) {
                max = strtoul(params, end[0], end);
                if (end[0] != params.length()) {
                    reporter.report(Severity.OK, "Too many parameters or extra text for ${_RANDOM " + params + "}");
                }
            }
        }
        long range = max - min + 1;
        long draw = random.nextLong(1L << 31);
        long value = (range == 0 ? draw : Long.remainderUnsigned(draw, range)) + min;
        int digits = 0;
        long rest = max;
        do {
            digits++;
        } while ((rest /= 10) != 0);
        String text = Long.toString(value);
        return text.length() > digits ? text.substring(0, digits) : text;
    }

    /** strtoul base 10 over blanks and digits only (the parameters were checked to be just those). */
    private static long strtoul(String text, int from, int[] end) {
        int p = Scan.skip(text, from, " ");
        int digitsStart = p;
        long value = 0;
        boolean overflow = false;
        while (p < text.length() && Scan.isDigit(text.charAt(p))) {
            int digit = text.charAt(p++) - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                overflow = true;
            }
            value = value * 10 + digit;
        }
        end[0] = p == digitsStart ? from : p;
        return overflow ? -1L : value;
    }
}
