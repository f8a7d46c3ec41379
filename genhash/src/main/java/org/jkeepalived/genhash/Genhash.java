package org.jkeepalived.genhash;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jkeepalived.cli.GnuCommandLine;
import org.jkeepalived.cli.GnuCommandLine.Next;
import org.jkeepalived.cli.GnuCommandLine.Occurrence;

/**
 * genhash 2.2.7's command line ({@code check_genhash_parse_cmdline} in keepalived/check/check_genhash.c): the same
 * options, checks, messages and usage text. Fetching the page is a later issue, so a valid command line ends with a
 * clear error.
 */
public final class Genhash {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;

    private static final GnuCommandLine<GenhashOption> COMMAND_LINE =
            new GnuCommandLine<>(GenhashOption.class, false);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    /** inet_pton's dotted quad: four decimal bytes, no leading zeros. */
    private static final String BYTE = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(BYTE + "(\\." + BYTE + "){3}");

    private enum Given { SERVER, PORT, URL }

    private final PrintStream err;

    public Genhash(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs genhash.
     *
     * @param program   argv[0], as the usage names it
     * @param amGenhash invoked as genhash (false: as {@code keepalived --genhash})
     * @param wordCount the words on the whole command line after the program name: genhash's sanity check counts
     *                  them all, keepalived's options before {@code -T} too
     * @param args      the words genhash reads its options from
     * @return the exit status
     */
    public int run(String program, boolean amGenhash, int wordCount, List<String> args) {
        // keepalived's "trivial sanity check": argc <= 2
        if (wordCount + 1 <= 2 || !new Reading().commandLineIsValid(args)) {
            usage(program, amGenhash);
            return EXIT_FAILURE;
        }
        err.println("genhash: fetching a page is not implemented yet by jkeepalived");
        return EXIT_FAILURE;
    }

    /** One read of genhash's options: a bad value ends it at once, bad options only at the end, as in genhash. */
    private final class Reading implements GnuCommandLine.Listener<GenhashOption> {
        private final Set<Given> given = EnumSet.noneOf(Given.class);
        private final List<String> operands = new ArrayList<>();
        private boolean badOption;
        private boolean badValue;

        boolean commandLineIsValid(List<String> args) {
            COMMAND_LINE.read(args, this);
            if (badValue || badOption) {
                return false;
            }
            if (!operands.isEmpty()) {
                err.println("Unexpected argument(s): " + String.join(" ", operands));
                return false;
            }
            return given.size() == Given.values().length;
        }

        @Override
        public Next option(Occurrence<GenhashOption> occurrence) {
            String arg = occurrence.argument().orElse("");
            switch (occurrence.option()) {
                case HELP -> badOption = true;
                case SERVER -> {
                    return accept(isIpLiteral(arg), Given.SERVER, "server should be an IP, not " + arg);
                }
                case PORT -> {
                    return accept(DECIMAL.matcher(arg).matches() && inRange(arg, 1, 65535), Given.PORT,
                            "invalid port number '" + arg + "'");
                }
                case URL -> given.add(Given.URL);
                case FWMARK -> {
                    return accept(isUnsignedWord(arg, false), null, "invalid fwmark '" + arg + "'");
                }
                case PROTOCOL -> {
                    return accept(List.of("1.0", "1.0c", "1.0C", "1.1").contains(arg), null,
                            "invalid HTTP protocol version '" + arg + "'");
                }
                case TIMEOUT -> {
                    return accept(isUnsignedWord(arg, true), null, "invalid timeout '" + arg + "'");
                }
                case VERBOSE, USE_SSL, USE_SNI, USE_VIRTUALHOST -> {
                    // accepted; they matter only when fetching
                }
            }
            return Next.CONTINUE;
        }

        /** A valid value counts as {@code given} (when not null); an invalid one ends genhash's reading. */
        private Next accept(boolean valid, Given counted, String complaint) {
            if (!valid) {
                err.println(complaint);
                badValue = true;
                return Next.STOP;
            }
            if (counted != null) {
                given.add(counted);
            }
            return Next.CONTINUE;
        }

        @Override
        public void badOption(String message) {
            err.println(message);
            badOption = true;
        }

        @Override
        public void operand(String word) {
            operands.add(word);
        }
    }

    /** strtoul after skipping blanks, as genhash reads -m and -t: digits only, no sign; -t must not be empty. */
    private static boolean isUnsignedWord(String arg, boolean nonEmpty) {
        String start = arg.replaceFirst("^[ \t]+", "");
        if (start.isEmpty()) {
            return !nonEmpty;
        }
        return start.matches("\\+?[0-9]+");
    }

    private static boolean inRange(String decimal, long min, long max) {
        String digits = decimal.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        if (digits.length() > 6) {
            return false;
        }
        long value = Long.parseLong(decimal.startsWith("-") ? "-" + digits : digits);
        return value >= min && value <= max;
    }

    /**
     * inet_stosockaddr: the text before any {@code -} or {@code /} must be what inet_pton reads, an IPv4 dotted quad
     * or, when it has a {@code :}, a bare IPv6 literal (no brackets, no scope); never a host name.
     */
    private static boolean isIpLiteral(String text) {
        String address = text.split("[-/]", 2)[0];
        if (!address.contains(":")) {
            return IPV4.matcher(address).matches();
        }
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            // a literal of hex digits, ':' and '.' is never looked up by name
            return InetAddress.getByName(address) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void usage(String program, boolean amGenhash) {
        err.print("Usage: " + program + (amGenhash ? "" : " --genhash") + " COMMAND [OPTIONS]\n"
                + "Commands:\n"
                + "   -s server-address -p port -u url\n"
                + "   -S -s server-address -p port -u url\n"
                + "   -h\n\n");
        err.print("Options:\n"
                + "Either long or short options are allowed.\n"
                + "   --use-ssl         -S       Use SSL connection to remote server.\n"
                + "   --use-sni         -I       Use SNI during SSL handshake (uses virtualhost setting; see -V).\n"
                + "   --server          -s       Use the specified remote server address.\n"
                + "   --port            -p       Use the specified remote server port.\n"
                + "   --url             -u       Use the specified remote server url.\n"
                + "   --use-virtualhost -V       Use the specified virtualhost in GET query.\n"
                + "   --verbose         -v       Use verbose mode output.\n"
                + "   --help            -h       Display this short inlined help screen.\n"
                + "   --fwmark          -m       Use the specified FW mark.\n"
                + "   --protocol        -P       Use the specified HTTP protocol - '1.0', 1.0c', '1.1'.\n"
                + "                                1.0c means 1.0 with 'Connection: close'\n"
                + "   --timeout         -t       Timeout in seconds\n");
        err.flush();
    }
}
