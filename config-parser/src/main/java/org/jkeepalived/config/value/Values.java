package org.jkeepalived.config.value;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;

/**
 * keepalived 2.2.7's number and boolean readers (lib/parser.c {@code read_int_func}, {@code read_unsigned_func},
 * {@code read_decimal_unsigned_long_func}, {@code read_timer}, {@code check_true_false}), with the same messages and
 * the same leniency: with {@code ignoreError}, outside {@code -t}, a number with trailing junk is used (with a
 * {@code WARNING - } prefix on its error) as long as its numeric prefix is in range; in {@code -t} it is rejected.
 * An empty result means keepalived would not use the value.
 */
public final class Values {
    /** TIMER_HZ_DIGITS: timers are read in microseconds. */
    public static final int TIMER_DIGITS = 6;
    /** TIMER_MAXIMUM (ULONG_MAX - 1), the ceiling of a timer given a maximum of 0. */
    public static final BigInteger TIMER_MAXIMUM = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.TWO);

    private static final long INT_MIN = Integer.MIN_VALUE;
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Values() {
    }

    /** {@code read_int}: base 10, range {@code [min, max]}. */
    public static OptionalLong readInt(BuildContext ctx, Location at, String word, long min, long max,
                                       boolean ignoreError) {
        String warn = warnPrefix(ctx, ignoreError);
        Strtol parsed = Strtol.parse(word, 10);
        BigInteger val = parsed.value();
        if (!parsed.atEnd()) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "invalid number '" + word + "'");
        } else if (val.compareTo(BigInteger.valueOf(INT_MIN)) < 0 || val.compareTo(BigInteger.valueOf(INT_MAX)) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "number '" + word + "' outside integer range");
        } else if (val.longValue() < min || val.longValue() > max) {
            ctx.report(Severity.INVALID_NUMBER, at, "number '" + word + "' outside range [" + min + ", " + max + "]");
        } else {
            return OptionalLong.of(val.longValue());
        }
        return lenient(ctx, ignoreError, parsed.clampedLong(), min, max);
    }

    /** {@code read_unsigned}: base 10, range {@code [min, max]} within 0..UINT_MAX. */
    public static OptionalLong readUnsigned(BuildContext ctx, Location at, String word, long min, long max,
                                            boolean ignoreError) {
        return readUnsignedBase(ctx, at, word, 10, min, max, ignoreError);
    }

    /** {@code read_unsigned_base_strvec}: base 0 accepts {@code 0x} hex and leading-0 octal, as strtoul does. */
    public static OptionalLong readUnsignedBase(BuildContext ctx, Location at, String word, int base, long min,
                                                long max, boolean ignoreError) {
        String warn = warnPrefix(ctx, ignoreError);
        String trimmed = stripLeadingWhitespace(word);
        Strtol parsed = Strtol.parse(trimmed, base);
        BigInteger val = parsed.value();
        if (trimmed.startsWith("-")) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "negative number '" + word + "'");
        } else if (!parsed.atEnd()) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "invalid number '" + word + "'");
        } else if (val.compareTo(UINT_MAX) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "number '" + word + "' outside unsigned integer range");
        } else if (val.longValue() < min || val.longValue() > max) {
            ctx.report(Severity.INVALID_NUMBER, at,
                    warn + "number '" + word + "' outside range [" + min + ", " + max + "]");
        } else {
            return OptionalLong.of(val.longValue());
        }
        return lenient(ctx, ignoreError, parsed.clampedLong(), min, max);
    }

    /** {@code read_unsigned64}: base 10, range {@code [0, UINT64_MAX]}; the value is unsigned in a long. */
    public static OptionalLong readUnsigned64(BuildContext ctx, Location at, String word) {
        String trimmed = stripLeadingWhitespace(word);
        Strtol parsed = Strtol.parse(trimmed, 10);
        if (trimmed.startsWith("-")) {
            ctx.report(Severity.INVALID_NUMBER, at, "negative number '" + word + "'");
        } else if (!parsed.atEnd()) {
            ctx.report(Severity.INVALID_NUMBER, at, "invalid number '" + word + "'");
        } else if (parsed.value().compareTo(ULONG_MAX) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at, "number '" + word + "' outside unsigned 64 bit range");
        } else {
            return OptionalLong.of(parsed.value().longValue());
        }
        return OptionalLong.empty();
    }

    /**
     * C's {@code strtoul} when it consumes the whole word (an empty word reads as 0, as in C): the value as an
     * unsigned long, negatives wrapped and overflow clamped to ULONG_MAX as strtoul does; empty when characters are
     * left over.
     */
    public static OptionalLong strtoulWhole(String word, int base) {
        Strtol parsed = Strtol.parse(word, base);
        if (!parsed.atEnd()) {
            return OptionalLong.empty();
        }
        BigInteger magnitude = parsed.value().abs();
        if (magnitude.compareTo(ULONG_MAX) > 0) {
            return OptionalLong.of(-1L);
        }
        long value = magnitude.longValue();
        return OptionalLong.of(parsed.value().signum() < 0 ? -value : value);
    }

    /**
     * {@code read_decimal_unsigned}: a decimal with up to {@code shift} fractional digits, returned multiplied by
     * 10^shift; {@code min} and {@code max} are in those units.
     */
    public static OptionalLong readDecimalUnsigned(BuildContext ctx, Location at, String word, long min, long max,
                                                   int shift, boolean ignoreError) {
        String warn = warnPrefix(ctx, ignoreError);
        if (word.startsWith("-")) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "negative number '" + word + "'");
            return OptionalLong.empty();
        }
        int dot = word.indexOf('.');
        int decimals = dot >= 0 ? word.length() - dot - 1 : 0;
        boolean roundUp = false;
        if (decimals > shift) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "number '" + word + "' has too many decimal places");
            roundUp = word.charAt(dot + shift + 1) >= '5';
            decimals = shift;
        }
        String digits = dot >= 0 ? word.substring(0, dot) + word.substring(dot + 1, dot + 1 + decimals) : word;
        digits = digits + "0".repeat(shift - decimals);
        Strtol parsed = Strtol.parse(digits, 10);
        BigInteger val = parsed.value();
        if (roundUp) {
            val = val.add(BigInteger.ONE);
        }
        if (!parsed.atEnd()) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "invalid number '" + word + "'");
        } else if (val.compareTo(ULONG_MAX) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "number '" + word + "' outside unsigned decimal range");
            return OptionalLong.empty();
        } else if (val.compareTo(BigInteger.valueOf(min)) < 0 || val.compareTo(unsignedMax(max)) > 0) {
            ctx.report(Severity.INVALID_NUMBER, at, warn + "number '" + word + "' outside range ["
                    + decimal(BigInteger.valueOf(min), shift) + ", " + decimal(unsignedMax(max), shift) + "]");
        } else {
            return OptionalLong.of(val.longValue());
        }
        // unlike the integer readers, keepalived's decimal reader stays lenient under -t
        boolean usable = ignoreError && val.compareTo(BigInteger.valueOf(min)) >= 0
                && val.compareTo(unsignedMax(max)) <= 0;
        return usable ? OptionalLong.of(val.longValue()) : OptionalLong.empty();
    }

    /**
     * {@code read_timer}: seconds with microsecond resolution, returned in microseconds. A {@code maxMicros} of 0
     * means no ceiling but TIMER_MAXIMUM, as in keepalived.
     */
    public static OptionalLong readTimerMicros(BuildContext ctx, Location at, String word, long minMicros,
                                               long maxMicros, boolean ignoreError) {
        return readDecimalUnsigned(ctx, at, word, minMicros, maxMicros == 0 ? -2 : maxMicros, TIMER_DIGITS,
                ignoreError);
    }

    /** {@code check_true_false}: 1 for true/on/yes, 0 for false/off/no, -1 for anything else (case-sensitive). */
    public static int checkTrueFalse(String word) {
        return switch (word) {
            case "true", "on", "yes" -> 1;
            case "false", "off", "no" -> 0;
            default -> -1;
        };
    }

    /**
     * An optional boolean parameter (word 1 of {@code node}): true when absent; a word that is not a boolean is
     * reported as a general error with {@code invalid} applied to it, and yields nothing.
     */
    public static Optional<Boolean> optionalBool(BuildContext ctx, ConfigNode node,
                                                 Function<String, String> invalid) {
        if (node.args().isEmpty()) {
            return Optional.of(true);
        }
        int value = checkTrueFalse(node.args().get(0));
        if (value < 0) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), invalid.apply(node.args().get(0)));
            return Optional.empty();
        }
        return Optional.of(value == 1);
    }

    /**
     * Word 1 of {@code node} read as {@link #readUnsigned}; where keepalived does not use it, {@code invalid}
     * applied to the word is reported as a general error too.
     */
    public static OptionalLong unsignedParameter(BuildContext ctx, ConfigNode node, long min, long max,
                                                 boolean ignoreError, Function<String, String> invalid) {
        String word = ctx.word(node, 1);
        OptionalLong value = readUnsigned(ctx, node.location(), word, min, max, ignoreError);
        if (value.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), invalid.apply(word));
        }
        return value;
    }

    /**
     * Word 1 of {@code node} read as {@link #readTimerMicros} with errors ignorable; where keepalived does not use
     * it, {@code invalid} applied to the word is reported as a general error too.
     */
    public static OptionalLong timerParameter(BuildContext ctx, ConfigNode node, long minMicros, long maxMicros,
                                              Function<String, String> invalid) {
        String word = ctx.word(node, 1);
        OptionalLong micros = readTimerMicros(ctx, node.location(), word, minMicros, maxMicros, true);
        if (micros.isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), invalid.apply(word));
        }
        return micros;
    }

    private static String warnPrefix(BuildContext ctx, boolean ignoreError) {
        return ignoreError && !ctx.configTest() ? "WARNING - " : "";
    }

    private static OptionalLong lenient(BuildContext ctx, boolean ignoreError, long val, long min, long max) {
        boolean usable = ignoreError && val >= min && val <= max && !ctx.configTest();
        return usable ? OptionalLong.of(val) : OptionalLong.empty();
    }

    /** A {@code max} of -2 stands for TIMER_MAXIMUM, which does not fit a signed long. */
    private static BigInteger unsignedMax(long max) {
        return max == -2 ? TIMER_MAXIMUM : BigInteger.valueOf(max);
    }

    private static String decimal(BigInteger value, int shift) {
        BigInteger[] parts = value.divideAndRemainder(BigInteger.TEN.pow(shift));
        String fraction = parts[1].toString();
        return parts[0] + "." + "0".repeat(shift - fraction.length()) + fraction;
    }

    private static String stripLeadingWhitespace(String word) {
        int i = 0;
        while (i < word.length() && " \t\n\r\f\u000b".indexOf(word.charAt(i)) >= 0) {
            i++;
        }
        return word.substring(i);
    }

    /** The outcome of C's strtol/strtoul: the value of the longest numeric prefix, and whether it used every char. */
    private record Strtol(BigInteger value, boolean atEnd) {

        static Strtol parse(String s, int base) {
            int i = 0;
            while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int radix = base;
            if ((base == 0 || base == 16) && (s.startsWith("0x", i) || s.startsWith("0X", i))) {
                if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    radix = 16;
                    i += 2;
                }
            }
            if (radix == 0) {
                radix = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
            }
            int start = i;
            BigInteger value = BigInteger.ZERO;
            BigInteger bigRadix = BigInteger.valueOf(radix);
            while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
                value = value.multiply(bigRadix).add(BigInteger.valueOf(Character.digit(s.charAt(i), radix)));
                i++;
            }
            if (i == start) {
                // no digits: strtol leaves endptr at the start of the string
                return new Strtol(BigInteger.ZERO, s.isEmpty());
            }
            return new Strtol(negative ? value.negate() : value, i == s.length());
        }

        long clampedLong() {
            return value.bitLength() < 64 ? value.longValue() : value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
