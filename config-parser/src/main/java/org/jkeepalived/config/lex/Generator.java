package org.jkeepalived.config.lex;

import java.util.ArrayList;
import java.util.List;
import org.jkeepalived.config.Severity;

/** A {@code ~SEQ(...)}, {@code ~SEQx(...)} or {@code ~LST(...)} line: its text repeated with variables defined. */
abstract sealed class Generator permits Generator.Sequence, Generator.ValueList {
    /** keepalived copies the ~SEQ arguments into a buffer of 3 longs with their separators. */
    private static final int SEQ_PARAMS_MAX_BYTES = 3 * 20 + 3 + 1;

    private final String text;

    private Generator(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** Defines the variables for the next repetition; returns whether another repetition follows it. */
    abstract boolean defineNext(Definitions definitions);

    static final class Sequence extends Generator {
        private final String variable;
        private final long step;
        private final long last;
        private final boolean hex;
        private long next;

        private Sequence(String variable, long start, long step, long last, boolean hex, String text) {
            super(text);
            this.variable = variable;
            this.next = start;
            this.step = step;
            this.last = last;
            this.hex = hex;
        }

        @Override
        boolean defineNext(Definitions definitions) {
            definitions.set(variable, hex ? Long.toHexString(next) : Long.toString(next));
            long following = next + step;
            boolean overflowed = (step > 0) != (following > next);
            next = following;
            return !overflowed && (step > 0 ? next <= last : next >= last);
        }
    }

    static final class ValueList extends Generator {
        private final List<String> variables;
        private final List<List<String>> valueSets;
        private int nextSet;

        private ValueList(List<String> variables, List<List<String>> valueSets, String text) {
            super(text);
            this.variables = variables;
            this.valueSets = valueSets;
        }

        @Override
        boolean defineNext(Definitions definitions) {
            List<String> values = valueSets.get(nextSet++);
            for (int i = 0; i < variables.size(); i++) {
                definitions.set(variables.get(i), values.get(i));
            }
            return nextSet < valueSets.size();
        }
    }

    /** keepalived's add_seq for a line starting {@code ~SEQ}; null (reported) if it is not a valid one. */
    static Sequence parseSequence(String line, Definitions definitions, Definitions.MultilineListener listener,
                                  Reporter reporter) {
        int p = 4;
        boolean hex = Scan.at(line, p) == 'x';
        if (hex) {
            p++;
        }
        p = Scan.skip(line, p, Scan.BLANKS);
        if (Scan.at(line, p++) != '(') {
            return null;
        }
        p = Scan.skip(line, p, Scan.BLANKS);
        int variableStart = p;
        p = Scan.skipUntil(line, p, " \t,)");
        String variable = line.substring(variableStart, p);
        p = Scan.skip(line, p, Scan.BLANKS);
        int close = line.indexOf(')', p);
        if (p == line.length() || line.charAt(p) == ')' || variable.isEmpty() || close < 0) {
            return invalid("Invalid ~SEQ definition '", line, reporter);
        }
        // keepalived steps over whatever character ends the variable name, expecting a comma
        p = Scan.skip(line, p + 1, Scan.BLANKS);
        if (close + 1 - p + 1 > SEQ_PARAMS_MAX_BYTES) {
            return invalid("~SEQ parameter strings too long '", line, reporter);
        }
        StringBuilder params = new StringBuilder(line.substring(p, close + 1));
        if (definitions.substitute(params, SEQ_PARAMS_MAX_BYTES, null, listener).pendingLines() != null) {
            return invalid("~SEQ parameter is multiline definition '", line, reporter);
        }
        long[] numbers = new long[3];
        int count = 0;
        int q = 0;
        while (true) {
            Scan.Number number = Scan.strtol(params, q);
            numbers[count++] = number.value();
            q = Scan.skip(params, number.end(), Scan.BLANKS);
            if (Scan.at(params, q) == ')') {
                break;
            }
            if (Scan.at(params, q) != ',' || count == 3) {
                return invalid("Invalid ~SEQ definition '", line, reporter);
            }
            q++;
        }
        long start;
        long step;
        long end;
        switch (count) {
            case 1 -> {
                end = numbers[0];
                step = end < 1 ? -1 : 1;
                start = end < 0 ? -1 : 1;
            }
            case 2 -> {
                start = numbers[0];
                end = numbers[1];
                step = start <= end ? 1 : -1;
            }
            default -> {
                start = numbers[0];
                step = numbers[1];
                end = numbers[2];
                if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                    return invalid("Invalid ~SEQ values '", line, reporter);
                }
            }
        }
        if (hex && (start < 0 || end < 0)) {
            return invalid("~SEQx is only valid for positive numbers '", line, reporter);
        }
        String text = line.substring(Scan.skip(line, close + 1, Scan.BLANKS));
        return new Sequence(variable, start, step, end, hex, text);
    }

    /** keepalived's add_lst for a line starting {@code ~LST}; null if it is not a valid one. */
    static ValueList parseList(String line, Reporter reporter) {
        int p = Scan.skip(line, 4, Scan.BLANKS);
        if (Scan.at(line, p++) != '(') {
            return null;
        }
        p = Scan.skip(line, p, Scan.BLANKS);
        char endChar = ',';
        if (Scan.at(line, p) == '{') {
            endChar = '}';
            p = Scan.skip(line, p + 1, Scan.BLANKS);
        }
        List<String> variables = new ArrayList<>();
        while (true) {
            int start = p;
            p = Scan.skipUntil(line, p, " \t,}");
            variables.add(line.substring(start, p));
            p = Scan.skip(line, p, Scan.BLANKS);
            if (Scan.at(line, p) == endChar) {
                break;
            }
            if (Scan.at(line, p) != ',') {
                return null;
            }
            p = Scan.skip(line, p + 1, Scan.BLANKS);
        }
        if (Scan.at(line, p) == '}') {
            p = Scan.skip(line, p + 1, Scan.BLANKS);
        }
        if (Scan.at(line, p++) != ',') {
            return null;
        }
        p = Scan.skip(line, p, Scan.BLANKS);
        List<List<String>> valueSets = new ArrayList<>();
        while (true) {
            endChar = ',';
            if (Scan.at(line, p) == '{') {
                endChar = '}';
                p = Scan.skip(line, p + 1, Scan.BLANKS);
            }
            List<String> values = new ArrayList<>();
            while (true) {
                int start = p;
                p = Scan.skipUntil(line, p, " \t,})");
                values.add(line.substring(start, p));
                p = Scan.skip(line, p, Scan.BLANKS);
                char c = Scan.at(line, p);
                if (c == endChar || (c == ')' && endChar == ',')) {
                    break;
                }
                if (c != ',') {
                    return null;
                }
                p = Scan.skip(line, p + 1, Scan.BLANKS);
                if (values.size() > variables.size() - 1) {
                    reporter.report(Severity.GENERAL_ERROR, "~LST specification has too many values '" + line + "'");
                    return null;
                }
            }
            while (values.size() < variables.size()) {
                values.add("");
            }
            valueSets.add(values);
            if (Scan.at(line, p) == '}' && endChar == '}') {
                p = Scan.skip(line, p + 1, Scan.BLANKS);
            }
            if (Scan.at(line, p) == ')') {
                break;
            }
            if (Scan.at(line, p) != ',') {
                return null;
            }
            p = Scan.skip(line, p + 1, Scan.BLANKS);
        }
        String text = line.substring(Math.min(line.length(), Scan.skip(line, p + 1, Scan.BLANKS)));
        return new ValueList(variables, valueSets, text);
    }

    private static Sequence invalid(String messageStart, String line, Reporter reporter) {
        reporter.report(Severity.GENERAL_ERROR, messageStart + line + "'");
        return null;
    }
}
