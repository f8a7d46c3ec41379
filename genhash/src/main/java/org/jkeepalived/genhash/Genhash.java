package org.jkeepalived.genhash;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jkeepalived.getopt.GetoptLong;
import org.jkeepalived.getopt.GetoptLong.HasArg;
import org.jkeepalived.getopt.GetoptLong.LongOption;

/**
 * genhash 2.2.7's command line ({@code check_genhash_parse_cmdline} in keepalived/check/check_genhash.c): the same
 * options, checks, messages and usage text. Fetching the page is a later issue, so a valid command line ends with a
 * clear error.
 */
public final class Genhash {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;

    private static final GetoptLong GETOPT = new GetoptLong(":hvSs:V:p:u:m:P:t:I", List.of(
            new LongOption("help", HasArg.NONE, 'h'),
            new LongOption("verbose", HasArg.NONE, 'v'),
            new LongOption("use-ssl", HasArg.NONE, 'S'),
            new LongOption("use-sni", HasArg.NONE, 'I'),
            new LongOption("server", HasArg.REQUIRED, 's'),
            new LongOption("use-virtualhost", HasArg.REQUIRED, 'V'),
            new LongOption("port", HasArg.REQUIRED, 'p'),
            new LongOption("url", HasArg.REQUIRED, 'u'),
            new LongOption("fwmark", HasArg.REQUIRED, 'm'),
            new LongOption("protocol", HasArg.REQUIRED, 'P'),
            new LongOption("timeout", HasArg.REQUIRED, 't')));

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private enum Given { SERVER, PORT, URL }

    private final PrintStream err;

    public Genhash(PrintStream err) {
        this.err = err;
    }

    /**
     * Runs genhash.
     *
     * @param program    argv[0], as the usage names it
     * @param amGenhash  invoked as genhash (false: as {@code keepalived --genhash})
     * @param argv       the words after the program name
     * @param firstIndex where in {@code argv} genhash's options start (after {@code -T} under keepalived)
     * @return the exit status
     */
    public int run(String program, boolean amGenhash, List<String> argv, int firstIndex) {
        if (!commandLineIsValid(argv, firstIndex)) {
            usage(program, amGenhash);
            return EXIT_FAILURE;
        }
        err.println("genhash: fetching a page is not implemented yet by jkeepalived");
        return EXIT_FAILURE;
    }

    private boolean commandLineIsValid(List<String> argv, int firstIndex) {
        // keepalived's "trivial sanity check": argc <= 2
        if (argv.size() + 1 <= 2) {
            return false;
        }
        GetoptLong.Result parsed = GETOPT.parse(argv, firstIndex);
        Set<Given> given = EnumSet.noneOf(Given.class);
        boolean badOption = false;
        for (GetoptLong.Event event : parsed.events()) {
            String arg = event.arg().orElse("");
            switch (event.val()) {
                case 'h' -> badOption = true;
                case 's' -> {
                    if (!isIpLiteral(arg)) {
                        return fail("server should be an IP, not " + arg);
                    }
                    given.add(Given.SERVER);
                }
                case 'p' -> {
                    if (!DECIMAL.matcher(arg).matches() || !inRange(arg, 1, 65535)) {
                        return fail("invalid port number '" + arg + "'");
                    }
                    given.add(Given.PORT);
                }
                case 'u' -> given.add(Given.URL);
                case 'm' -> {
                    if (!isUnsignedWord(arg, false)) {
                        return fail("invalid fwmark '" + arg + "'");
                    }
                }
                case 'P' -> {
                    if (!List.of("1.0", "1.0c", "1.0C", "1.1").contains(arg)) {
                        return fail("invalid HTTP protocol version '" + arg + "'");
                    }
                }
                case 't' -> {
                    if (!isUnsignedWord(arg, true)) {
                        return fail("invalid timeout '" + arg + "'");
                    }
                }
                case '?', ':' -> {
                    err.println(event.message());
                    badOption = true;
                }
                default -> {
                    // -v, -S, -I, -V: accepted; they matter only when fetching
                }
            }
        }
        if (badOption) {
            return false;
        }
        if (!parsed.operands().isEmpty()) {
            return fail("Unexpected argument(s): " + String.join(" ", parsed.operands()));
        }
        return given.size() == Given.values().length;
    }

    private boolean fail(String message) {
        err.println(message);
        return false;
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

    /** inet_stosockaddr: an IPv4 dotted quad or an IPv6 literal (optionally in brackets), never a host name. */
    private static boolean isIpLiteral(String text) {
        var quad = IPV4.matcher(text);
        if (quad.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(quad.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        String inner = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!inner.contains(":") || !inner.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            return false;
        }
        try {
            // a literal containing ':' is never looked up by name
            return InetAddress.getByName(inner.replaceFirst("%.*$", "")) != null;
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
