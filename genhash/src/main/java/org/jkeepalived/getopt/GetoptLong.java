package org.jkeepalived.getopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * glibc's {@code getopt_long} as keepalived 2.2.7 drives it (an option string starting with {@code ':'}, so getopt
 * prints nothing itself): short options bundle, a required argument is the rest of the bundle or the next word, an
 * optional argument ({@code ::}) must be attached, long options take {@code --name=value} or {@code --name value}
 * and may be abbreviated to a unique prefix, non-options are moved to the end and {@code --} ends the options.
 * keepalived acts on each option as it comes (so {@code -h} after a bad option still prints the help), hence a list
 * of events in command line order.
 */
public final class GetoptLong {
    private final String shortSpec;
    private final List<LongOption> longOptions;

    public enum HasArg { NONE, REQUIRED, OPTIONAL }

    /** One entry of keepalived's {@code struct option} table; {@code val} is the short option letter or a code. */
    public record LongOption(String name, HasArg hasArg, int val) {
    }

    /**
     * What one call of getopt_long returned.
     *
     * @param val          the option's letter or code; {@code '?'} for an unknown option, {@code ':'} for a missing
     *                     argument
     * @param arg          the option's argument, when it has one
     * @param longName     the long name used, when the option was given long
     * @param message      for {@code '?'} and {@code ':'}: keepalived's message for it
     * @param nextArgIndex the index in argv of the first word getopt has not consumed
     */
    public record Event(int val, Optional<String> arg, Optional<String> longName, String message, int nextArgIndex) {
    }

    /** The options in order and the non-option words left over. */
    public record Result(List<Event> events, List<String> operands) {
        public Result {
            events = List.copyOf(events);
            operands = List.copyOf(operands);
        }
    }

    public GetoptLong(String shortSpec, List<LongOption> longOptions) {
        this.shortSpec = shortSpec.startsWith(":") ? shortSpec.substring(1) : shortSpec;
        this.longOptions = List.copyOf(longOptions);
    }

    /** Parses {@code argv} (without the program name) from index {@code first}. */
    public Result parse(List<String> argv, int first) {
        return new Scan(argv, first).run();
    }

    private final class Scan {
        private final List<String> argv;
        private final List<Event> events = new ArrayList<>();
        private final List<String> operands = new ArrayList<>();
        private int index;
        /** The word keepalived's {@code argv[curind]} names in its messages: the first word this call looked at. */
        private String callStartWord;

        Scan(List<String> argv, int first) {
            this.argv = argv;
            this.index = first;
        }

        Result run() {
            while (index < argv.size()) {
                callStartWord = argv.get(index);
                while (index < argv.size() && isOperand(argv.get(index))) {
                    operands.add(argv.get(index++));
                }
                if (index == argv.size()) {
                    break;
                }
                String word = argv.get(index);
                if (word.equals("--")) {
                    operands.addAll(argv.subList(index + 1, argv.size()));
                    break;
                }
                if (word.startsWith("--")) {
                    longOption(word.substring(2));
                } else {
                    shortCluster(word);
                }
            }
            return new Result(events, operands);
        }

        private boolean isOperand(String word) {
            return !word.startsWith("-") || word.length() == 1;
        }

        private void shortCluster(String word) {
            index++;
            for (int i = 1; i < word.length(); i++) {
                char letter = word.charAt(i);
                int at = letter == ':' ? -1 : shortSpec.indexOf(letter);
                if (at < 0) {
                    emitError('?', letter, "Unknown option");
                    callStartWord = word;
                    continue;
                }
                boolean takesArg = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
                boolean optionalArg = takesArg && at + 2 < shortSpec.length() && shortSpec.charAt(at + 2) == ':';
                String rest = word.substring(i + 1);
                if (!takesArg) {
                    emit(letter, Optional.empty(), Optional.empty());
                    callStartWord = word;
                } else if (!rest.isEmpty()) {
                    emit(letter, Optional.of(rest), Optional.empty());
                    return;
                } else if (optionalArg) {
                    emit(letter, Optional.empty(), Optional.empty());
                    return;
                } else if (index < argv.size()) {
                    String arg = argv.get(index++);
                    emit(letter, Optional.of(arg), Optional.empty());
                    return;
                } else {
                    emitError(':', letter, "Missing parameter for option");
                    return;
                }
            }
        }

        private void longOption(String body) {
            index++;
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            Optional<String> attached = eq < 0 ? Optional.empty() : Optional.of(body.substring(eq + 1));
            Optional<LongOption> found = lookUp(name);
            if (found.isEmpty()) {
                emitError('?', 0, "Unknown option");
                return;
            }
            LongOption option = found.get();
            switch (option.hasArg()) {
                case NONE -> {
                    if (attached.isPresent()) {
                        emitError('?', option.val(), "Unknown option");
                    } else {
                        emit(option.val(), Optional.empty(), Optional.of(option.name()));
                    }
                }
                case OPTIONAL -> emit(option.val(), attached, Optional.of(option.name()));
                case REQUIRED -> {
                    Optional<String> arg = attached.isPresent() || index >= argv.size()
                            ? attached : Optional.of(argv.get(index++));
                    if (arg.isEmpty()) {
                        // glibc leaves the long index unset here, so keepalived prints no option name
                        emitError(':', option.val(), "Missing parameter for option", "");
                    } else if (arg.get().isEmpty()) {
                        emitError(':', option.val(), "Missing parameter for option", option.name());
                    } else {
                        emit(option.val(), arg, Optional.of(option.name()));
                    }
                }
            }
        }

        /** An exact name, else a prefix of exactly one name (glibc calls several prefix matches ambiguous). */
        private Optional<LongOption> lookUp(String name) {
            List<LongOption> prefixed = new ArrayList<>();
            for (LongOption option : longOptions) {
                if (option.name().equals(name)) {
                    return Optional.of(option);
                }
                if (option.name().startsWith(name)) {
                    prefixed.add(option);
                }
            }
            return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
        }

        private void emit(int val, Optional<String> arg, Optional<String> longName) {
            events.add(new Event(val, arg, longName, "", index));
        }

        private void emitError(char kind, int optopt, String what) {
            emitError(kind, optopt, what, null);
        }

        /**
         * keepalived's messages: with a non-zero optopt and a start word not beginning {@code --}, {@code -%c} of
         * optopt; otherwise the start word itself ({@code '?'}) or {@code --} and the long name ({@code ':'}).
         */
        private void emitError(char kind, int optopt, String what, String longName) {
            boolean shortForm = optopt != 0 && !(callStartWord.length() > 1 && callStartWord.charAt(1) == '-');
            String subject;
            if (shortForm) {
                subject = "-" + (char) optopt;
            } else if (kind == '?') {
                subject = callStartWord;
            } else {
                subject = "--" + (longName == null ? "" : longName);
            }
            events.add(new Event(kind, Optional.empty(), Optional.empty(), what + " " + subject, index));
        }
    }
}
