package org.jkeepalived.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Stack;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Reads a command line with picocli as keepalived 2.2.7's {@code getopt_long} loops see it (their option strings
 * start with {@code ':'}, so getopt prints nothing itself): short options bundle ({@code -nlD}), a long option takes
 * {@code --name=value} or {@code --name value} and may be shortened to a prefix no other long name starts with, an
 * {@link GnuOption.Argument#OPTIONAL OPTIONAL} argument must be attached, words that are not options are set apart
 * and {@code --} ends the options. Options, bad options and operands reach the listener in command line order,
 * because keepalived acts on each as it comes: {@code --zork -h} prints the complaint and then the help.
 *
 * <p>picocli finds the options, splits bundles and {@code --name=value} and keeps the stack of words. Every option
 * carries a parameter preprocessor that takes its argument as getopt_long does (a required argument is the next
 * word even when it looks like an option), and the positional consumer tells operands from unknown options, so no
 * bad word ends picocli's parse: keepalived carries on after one and reports the next.
 */
public final class GnuCommandLine<O extends Enum<O> & GnuOption> {
    /** Whether reading goes on after an option. */
    public enum Next { CONTINUE, STOP }

    /**
     * One option as read.
     *
     * @param argument  its argument; an {@code OPTIONAL} one only when attached, a {@code NONE} one never
     * @param givenLong given as {@code --name} (or a prefix of it), not as {@code -x}
     */
    public record Occurrence<O>(O option, Optional<String> argument, boolean givenLong) {
    }

    public interface Listener<O> {
        Next option(Occurrence<O> occurrence);

        /** keepalived's complaint, {@code Unknown option -Z} or {@code Missing parameter for option -f}. */
        void badOption(String message);

        /** A word that is no option, in its place among the options (getopt_long moves these to the end). */
        void operand(String word);
    }

    private static final String PICOCLI_SEPARATE = " ";
    private static final String PICOCLI_ATTACHED = "";

    private final List<O> options;
    private final Set<Character> shortNames;
    private final boolean emptyLongArgumentIsMissing;

    /**
     * @param emptyLongArgumentIsMissing keepalived (not genhash) turns {@code --use-file=} into a missing parameter
     */
    public GnuCommandLine(Class<O> optionType, boolean emptyLongArgumentIsMissing) {
        this.options = List.copyOf(EnumSet.allOf(optionType));
        this.shortNames = options.stream().map(option -> option.spec().shortName())
                .filter(letter -> letter != GnuOption.LONG_ONLY).collect(Collectors.toUnmodifiableSet());
        this.emptyLongArgumentIsMissing = emptyLongArgumentIsMissing;
    }

    /**
     * Reads {@code args} (the words after the program name) until the listener stops.
     *
     * @return the words after the one the listener stopped at, for a mode that reads on by itself (keepalived's
     *         {@code -T}); empty when every word was read
     */
    public List<String> read(List<String> args, Listener<O> listener) {
        Reading reading = new Reading(args, listener);
        CommandSpec spec = CommandSpec.create();
        spec.parser().expandAtFiles(false).overwrittenOptionsAllowed(true).unmatchedOptionsArePositionalParams(true);
        for (O option : options) {
            spec.addOption(OptionSpec.builder(names(option.spec())).type(String.class).arity("0..1")
                    .preprocessor((stack, command, argSpec, info) -> reading.option(option, stack, info))
                    .build());
        }
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1").type(String.class)
                .parameterConsumer((stack, argSpec, command) -> reading.positional(stack))
                .build());
        new CommandLine(spec).parseArgs(args.toArray(String[]::new));
        return reading.unread;
    }

    /** {@code -x}, {@code --long-name} and each shorter {@code --prefix} of it that no other long name starts with. */
    private String[] names(GnuOption.Spec option) {
        List<String> names = new ArrayList<>();
        if (option.shortName() != GnuOption.LONG_ONLY) {
            names.add("-" + option.shortName());
        }
        String longName = option.longName();
        names.add("--" + longName);
        for (int length = 1; length < longName.length(); length++) {
            String prefix = longName.substring(0, length);
            if (options.stream().filter(other -> other.spec().longName().startsWith(prefix)).count() == 1) {
                names.add("--" + prefix);
            }
        }
        return names.toArray(String[]::new);
    }

    /**
     * One read of a command line. picocli pushes an attached argument back on its stack in place of the option's
     * word, so with {@code n} words a stack of {@code s} has the word at {@code n - s} on top: that is how a handler
     * finds the word it was given as.
     */
    private final class Reading {
        private final List<String> argv;
        private final Listener<O> listener;
        private List<String> unread = List.of();
        /** The first word no handler has taken: picocli passes over only the {@code --} that ends the options. */
        private int firstUntaken;
        private boolean optionsEnded;
        /** getopt_long's {@code argv[curind]}, which keepalived's messages name, is this operand when there is one. */
        private Optional<String> operandSinceLastOption = Optional.empty();

        Reading(List<String> argv, Listener<O> listener) {
            this.argv = List.copyOf(argv);
            this.listener = listener;
        }

        boolean option(O option, Stack<String> stack, Map<String, Object> info) {
            String separator = String.valueOf(info.get("separator"));
            boolean separate = separator.equals(PICOCLI_SEPARATE);
            // picocli pushes nothing for a bundle ending in "=" (-nf=): then the top is the next word itself
            boolean argumentPushed = separator.equals(PICOCLI_ATTACHED) || !separate && !stack.isEmpty()
                    && argv.get(argv.size() - stack.size()).endsWith(separator + stack.peek());
            String word = argv.get(argv.size() - stack.size() - (argumentPushed ? 0 : 1));
            boolean givenLong = word.startsWith("--");
            Optional<String> attached = separate ? Optional.empty() : Optional.of(argumentPushed ? stack.pop() : "");
            if (!separate && !separator.equals(PICOCLI_ATTACHED) && !givenLong) {
                // picocli drops the "=" of -f=x; getopt_long's argument is the rest of the word, "=x"
                attached = attached.map(value -> separator + value);
            }
            switch (option.spec().argument()) {
                case NONE -> withoutArgument(option, attached, givenLong, word, separator, stack);
                case OPTIONAL -> emit(new Occurrence<>(option, attached, givenLong), stack);
                case REQUIRED -> withArgument(option, attached, givenLong, word, stack);
            }
            firstUntaken = argv.size() - stack.size();
            return true;
        }

        private void withoutArgument(O option, Optional<String> attached, boolean givenLong, String word,
                                     String separator, Stack<String> stack) {
            if (givenLong && attached.isPresent()) {
                unknownOption(option.spec().shortName(), word);
                return;
            }
            if (emit(new Occurrence<>(option, Optional.empty(), givenLong), stack) == Next.STOP) {
                attached.ifPresent(rest -> unread.add(0, "-" + rest));
                return;
            }
            attached.ifPresent(rest -> {
                int firstKnown = 0;
                while (firstKnown < rest.length() && !shortNames.contains(rest.charAt(firstKnown))) {
                    unknownOption(rest.charAt(firstKnown++), word);
                }
                if (firstKnown < rest.length()) {
                    // inside a bundle picocli reads on from the stack; after its split of -n=x it takes a new word
                    boolean splitAtSeparator = !separator.equals(PICOCLI_ATTACHED) && word.indexOf(separator) == 2;
                    stack.push((splitAtSeparator ? "-" : "") + rest.substring(firstKnown));
                }
            });
        }

        private void withArgument(O option, Optional<String> attached, boolean givenLong, String word,
                                  Stack<String> stack) {
            if (attached.isPresent() && attached.get().isEmpty() && givenLong && emptyLongArgumentIsMissing) {
                missingParameter(GnuOption.LONG_ONLY, word, option.spec().longName());
            } else if (attached.isPresent()) {
                emit(new Occurrence<>(option, attached, givenLong), stack);
            } else if (stack.isEmpty()) {
                // glibc leaves the long index unset here, so keepalived names no long option
                missingParameter(option.spec().shortName(), word, "");
            } else {
                emit(new Occurrence<>(option, Optional.of(stack.pop()), givenLong), stack);
            }
        }

        void positional(Stack<String> stack) {
            int index = argv.size() - stack.size();
            optionsEnded |= index > firstUntaken;
            String word = stack.pop();
            firstUntaken = index + 1;
            if (!optionsEnded && word.length() > 1 && word.startsWith("-")) {
                // picocli cannot put the rest of an unknown bundle back, so letters after the unknown one are dropped
                unknownOption(word.startsWith("--") ? GnuOption.LONG_ONLY : word.charAt(1), word);
            } else {
                operandSinceLastOption = operandSinceLastOption.or(() -> Optional.of(word));
                listener.operand(word);
            }
        }

        private Next emit(Occurrence<O> occurrence, Stack<String> stack) {
            operandSinceLastOption = Optional.empty();
            Next next = listener.option(occurrence);
            if (next == Next.STOP) {
                unread = new ArrayList<>(stack);
                Collections.reverse(unread);
                stack.clear();
            }
            return next;
        }

        /** keepalived's '?' case: {@code -c} of getopt's optopt, unless argv[curind] is a long option or optopt 0. */
        private void unknownOption(char optopt, String word) {
            String curind = operandSinceLastOption.orElse(word);
            badOption("Unknown option " + (optopt != GnuOption.LONG_ONLY && !isLong(curind) ? "-" + optopt : curind));
        }

        /** keepalived's ':' case: {@code -c} of getopt's optopt, unless argv[curind] is a long option or optopt 0. */
        private void missingParameter(char optopt, String word, String longName) {
            String curind = operandSinceLastOption.orElse(word);
            badOption("Missing parameter for option "
                    + (optopt != GnuOption.LONG_ONLY && !isLong(curind) ? "-" + optopt : "--" + longName));
        }

        private void badOption(String message) {
            operandSinceLastOption = Optional.empty();
            listener.badOption(message);
        }
    }

    private static boolean isLong(String word) {
        return word.length() > 1 && word.charAt(1) == '-';
    }
}
