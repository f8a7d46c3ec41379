package org.jkeepalived.genhash;

import java.io.PrintStream;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jkeepalived.cli.GnuCommandLine;
import org.jkeepalived.cli.GnuCommandLine.Next;
import org.jkeepalived.cli.GnuCommandLine.Occurrence;
import org.jkeepalived.healthcheck.http.HttpGetClient;
import org.jkeepalived.healthcheck.http.HttpGetResult;
import org.jkeepalived.healthcheck.http.HttpGetTarget;
import org.jkeepalived.healthcheck.http.HttpProtocol;
import org.jkeepalived.healthcheck.http.HttpRequest;
import org.jkeepalived.healthcheck.http.HttpResponseObserver;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * genhash 2.2.7 ({@code check_genhash} in keepalived/check/check_genhash.c): the same options, checks, messages and
 * usage text, then one GET as the HTTP_GET checker sends it, printing the body's MD5 or the checker's failure text.
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

    /** genhash's connection_to without -t: UINT_MAX microseconds. */
    private static final long DEFAULT_TIMEOUT_MICROS = 0xffff_ffffL;
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
    private static final int IPV6_BYTES = 16;

    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier nanoClock;

    /**
     * @param nanoClock a monotonic clock in nanoseconds, for -v's response time
     */
    public Genhash(PrintStream out, PrintStream err, LongSupplier nanoClock) {
        this.out = out;
        this.err = err;
        this.nanoClock = nanoClock;
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
        Reading reading = new Reading();
        if (wordCount + 1 <= 2 || !reading.commandLineIsValid(args)) {
            usage(program, amGenhash);
            return EXIT_FAILURE;
        }
        fetch(reading);
        return EXIT_OK;
    }

    /** One GET; genhash's exit status is 0 whatever its outcome. */
    private void fetch(Reading reading) {
        InetSocketAddress destination = new InetSocketAddress(reading.server, reading.port);
        HttpGetTarget target = new HttpGetTarget(destination, null, reading.fwmark, reading.timeoutMicros,
                reading.useSsl ? new HttpGetTarget.Tls(reading.useSni ? reading.virtualhost : null) : null,
                new HttpRequest(reading.url, reading.protocol, reading.virtualhost));
        Optional<VerboseDump> dump = reading.verbose ? Optional.of(new VerboseDump(out)) : Optional.empty();
        HttpResponseObserver observer = dump.map(HttpResponseObserver.class::cast).orElse(HttpResponseObserver.NONE);
        HttpGetResult result;
        long startNanos;
        try (CheckerEventLoop loop = CheckerEventLoop.start()) {
            HttpGetClient client = new HttpGetClient(loop);
            startNanos = nanoClock.getAsLong();
            result = client.fetch(target, observer).join();
        }
        report(result, dump);
        if (reading.verbose) {
            out.printf("\nGlobal response time for [%s] = %d usecs\n", reading.url,
                    (nanoClock.getAsLong() - startNanos) / NANOS_PER_MICRO);
        }
        out.flush();
        err.flush();
    }

    /** http_handle_response and timeout_epilog in genhash mode. */
    private void report(HttpGetResult result, Optional<VerboseDump> dump) {
        if (result instanceof HttpGetResult.Failed failed) {
            out.println(failed.failure().keepalivedText());
            return;
        }
        HttpGetResult.Received received = (HttpGetResult.Received) result;
        if (received.orderlyEnd()) {
            dump.ifPresent(d -> d.digest(received.response().md5()));
        }
        if (received.failure().isPresent()) {
            out.println(received.failure().get().keepalivedText());
        } else if (!received.response().headerSeen()) {
            err.println("no data received from remote webserver");
        } else {
            out.println(received.response().md5Hex());
        }
    }

    /** One read of genhash's options: a bad value ends it at once, bad options only at the end, as in genhash. */
    private final class Reading implements GnuCommandLine.Listener<GenhashOption> {
        private final Set<Given> given = EnumSet.noneOf(Given.class);
        private final List<String> operands = new ArrayList<>();
        private boolean badOption;
        private boolean badValue;
        private InetAddress server;
        private int port;
        private String url;
        private String virtualhost;
        private boolean useSsl;
        private boolean useSni;
        private boolean verbose;
        private HttpProtocol protocol = HttpProtocol.HTTP_1_0;
        private int fwmark;
        private long timeoutMicros = DEFAULT_TIMEOUT_MICROS;

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
                    server = ipLiteral(arg).orElse(null);
                    return accept(server != null, Given.SERVER, "server should be an IP, not " + arg);
                }
                case PORT -> {
                    boolean valid = DECIMAL.matcher(arg).matches() && inRange(arg, 1, 65535);
                    port = valid ? Integer.parseInt(arg.replaceFirst("^\\+", "")) : 0;
                    return accept(valid, Given.PORT, "invalid port number '" + arg + "'");
                }
                case URL -> {
                    url = arg;
                    given.add(Given.URL);
                }
                case FWMARK -> {
                    boolean valid = isUnsignedWord(arg, false);
                    fwmark = valid ? (int) unsignedWord(arg) : 0;
                    return accept(valid, null, "invalid fwmark '" + arg + "'");
                }
                case PROTOCOL -> {
                    protocol = switch (arg) {
                        case "1.0" -> HttpProtocol.HTTP_1_0;
                        case "1.0c", "1.0C" -> HttpProtocol.HTTP_1_0C;
                        case "1.1" -> HttpProtocol.HTTP_1_1;
                        default -> null;
                    };
                    return accept(protocol != null, null, "invalid HTTP protocol version '" + arg + "'");
                }
                case TIMEOUT -> {
                    boolean valid = isUnsignedWord(arg, true);
                    // keepalived keeps the seconds, then the microseconds, in an unsigned int
                    timeoutMicros = valid ? unsignedWord(arg) * MICROS_PER_SECOND & 0xffff_ffffL : 0;
                    return accept(valid, null, "invalid timeout '" + arg + "'");
                }
                case VERBOSE -> verbose = true;
                case USE_SSL -> useSsl = true;
                case USE_SNI -> useSni = true;
                case USE_VIRTUALHOST -> virtualhost = arg;
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

    /** strtoul's value (ULONG_MAX past it) cut to the unsigned int keepalived keeps it in. */
    private static long unsignedWord(String arg) {
        String digits = arg.replaceFirst("^[ \t]*\\+?", "");
        if (digits.isEmpty()) {
            return 0;
        }
        BigInteger value = new BigInteger(digits);
        BigInteger ulongMax = BigInteger.ONE.shiftLeft(Long.SIZE).subtract(BigInteger.ONE);
        return value.min(ulongMax).longValue() & 0xffff_ffffL;
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
    private static Optional<InetAddress> ipLiteral(String text) {
        String address = text.split("[-/]", 2)[0];
        boolean valid = address.contains(":") ? address.matches("[0-9A-Fa-f:.]+") : IPV4.matcher(address).matches();
        if (!valid) {
            return Optional.empty();
        }
        try {
            // a literal of hex digits, ':' and '.' is never looked up by name
            InetAddress parsed = InetAddress.getByName(address);
            if (!address.contains(":") || parsed instanceof Inet6Address) {
                return Optional.of(parsed);
            }
            // Java reads ::ffff:a.b.c.d as IPv4; keepalived keeps it IPv6, and its Host header says so
            byte[] mapped = new byte[IPV6_BYTES];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
            return Optional.of(Inet6Address.getByAddress(null, mapped, -1));
        } catch (UnknownHostException e) {
            return Optional.empty();
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
