package org.jkeepalived.daemon;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The few pieces of keepalived's json_writer (lib/json_writer.c) its JSON dump uses: compact output, {@code /}
 * escaped as {@code \/}, floats as C's {@code %g}.
 */
final class JsonWriter {
    private static final MathContext PRINTF_G_PRECISION = new MathContext(6);

    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    JsonWriter startArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter startObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter field(String name, String value) {
        name(name);
        separate();
        string(value);
        needsComma = true;
        return this;
    }

    JsonWriter field(String name, long value) {
        return raw(name, Long.toString(value));
    }

    JsonWriter field(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** C's {@code %g}: six significant digits, no trailing zeros. */
    JsonWriter floatField(String name, double value) {
        return raw(name, new BigDecimal(value).round(PRINTF_G_PRECISION).stripTrailingZeros().toPlainString());
    }

    /** C's {@code %f}: six decimals. */
    JsonWriter fixedField(String name, double value) {
        return raw(name, String.format(Locale.ROOT, "%f", value));
    }

    /** keepalived leaves out an empty array altogether. */
    JsonWriter stringArray(String name, List<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        name(name);
        startArray();
        for (String value : values) {
            separate();
            string(value);
            needsComma = true;
        }
        return endArray();
    }

    String text() {
        return out.toString();
    }

    private JsonWriter raw(String name, String value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        needsComma = false;
        return this;
    }

    private JsonWriter close(char bracket) {
        out.append(bracket);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
            needsComma = false;
        }
    }

    private void string(String value) {
        out.append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
