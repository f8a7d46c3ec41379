package org.jkeepalived.daemon.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.jkeepalived.config.value.IpAddresses;
import org.slf4j.Logger;

/**
 * keepalived 2.2.7's SMTP conversation (smtp.c) for one mail, on a blocking socket: read the 220 greeting, then HELO,
 * MAIL FROM, one RCPT TO per recipient, DATA and the message, each expecting its code, then QUIT. A wrong code logs
 * keepalived's error and skips to QUIT; a reply that does not come within the timeout is logged and also ends in QUIT.
 * The log lines are keepalived's, the detailed ones only under {@code --log-detail}.
 */
final class SmtpDialogue {

    private static final int GREETING_OK = 220;
    private static final int COMMAND_OK = 250;
    private static final int DATA_OK = 354;
    private static final int QUIT_OK = 221;
    /** No code: the connection closed, or the reply timed out. */
    private static final int NO_REPLY = -1;

    private final SmtpSettings settings;
    private final Logger log;
    private final boolean logDetail;
    private String server;

    SmtpDialogue(SmtpSettings settings, Logger log, boolean logDetail) {
        this.settings = settings;
        this.log = log;
        this.logDetail = logDetail;
        this.server = "[" + settings.host() + "]:" + settings.port();
    }

    void send(AlertMail mail, ZonedDateTime now) {
        Optional<Socket> connected = connect();
        if (connected.isEmpty()) {
            return;
        }
        try (Socket socket = connected.get()) {
            socket.setSoTimeout(settings.connectTimeoutMillis());
            Exchange exchange = new Exchange(socket.getInputStream(), socket.getOutputStream());
            if (!converse(exchange, mail, now) || exchange.closed) {
                return;
            }
            quit(exchange);
        } catch (IOException e) {
            log.info("Cannot send data to remote SMTP server {}.", server);
        }
    }

    private Optional<Socket> connect() {
        Socket socket = new Socket();
        try {
            InetAddress address = InetAddress.getByName(settings.host());
            server = "[" + IpAddresses.format(address) + "]:" + settings.port();
            socket.connect(new InetSocketAddress(address, settings.port()), settings.connectTimeoutMillis());
            if (logDetail) {
                log.info("Remote SMTP server {} connected.", server);
            }
            return Optional.of(socket);
        } catch (SocketTimeoutException e) {
            log.info("Timeout opening connection to remote SMTP server {}.", server);
        } catch (IOException e) {
            log.info("SMTP connection ERROR to {}.", server);
        }
        closeQuietly(socket);
        return Optional.empty();
    }

    /** Everything before QUIT; false when the connection is already over (closed by the server). */
    private boolean converse(Exchange exchange, AlertMail mail, ZonedDateTime now) throws IOException {
        if (!expect(exchange, GREETING_OK, "(E)SMTP")) {
            return !exchange.closed;
        }
        exchange.send("HELO " + settings.heloName() + "\r\n");
        if (!expect(exchange, COMMAND_OK, "HELO")) {
            return !exchange.closed;
        }
        exchange.send("MAIL FROM:<" + settings.from() + ">\r\n");
        if (!expect(exchange, COMMAND_OK, "MAIL")) {
            return !exchange.closed;
        }
        for (String recipient : settings.recipients()) {
            exchange.send("RCPT TO:<" + recipient + ">\r\n");
            if (!expect(exchange, COMMAND_OK, "RCPT")) {
                return !exchange.closed;
            }
        }
        exchange.send("DATA\r\n");
        if (!expect(exchange, DATA_OK, "DATA")) {
            return !exchange.closed;
        }
        exchange.send(mail.data(settings, now));
        if (!expect(exchange, COMMAND_OK, "BODY")) {
            return !exchange.closed;
        }
        if (logDetail) {
            log.info("SMTP alert successfully sent.");
        }
        return true;
    }

    /**
     * keepalived ends after QUIT's reply whatever it is (a wrong one is logged), and after a QUIT that times out.
     * keepalived 2.2.7 would send QUIT again after a wrong reply to QUIT; one is enough.
     */
    private void quit(Exchange exchange) throws IOException {
        exchange.send("QUIT\r\n");
        int code = exchange.replyCode(server, log);
        if (code != NO_REPLY && code != QUIT_OK) {
            logWrongCode("QUIT", code);
        }
    }

    private boolean expect(Exchange exchange, int expectedCode, String commandName) {
        int code = exchange.replyCode(server, log);
        if (code == expectedCode) {
            return true;
        }
        if (code != NO_REPLY) {
            logWrongCode(commandName, code);
        }
        return false;
    }

    private void logWrongCode(String commandName, int code) {
        log.info("Error processing {} cmd on SMTP server {}. SMTP status code = {}", commandName, server, code);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing was sent on it
        }
    }

    /** The socket's two streams and keepalived's reply reader. */
    private static final class Exchange {
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder pending = new StringBuilder();
        private boolean closed;

        Exchange(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void send(String command) throws IOException {
            out.write(AlertMail.truncate(command, AlertMail.MAX_COMMAND_CHARS).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /**
         * The code of the next reply: continuation lines ({@code 250-...}) are skipped, the last line's first three
         * digits count. {@link #NO_REPLY} after the server closed (logged) or the timeout passed (logged).
         */
        int replyCode(String server, Logger log) {
            try {
                while (true) {
                    int end = pending.indexOf("\r\n");
                    if (end >= 0) {
                        String line = pending.substring(0, end);
                        pending.delete(0, end + 2);
                        if (line.length() > 3 && line.charAt(3) == '-') {
                            continue;
                        }
                        return code(line);
                    }
                    byte[] buffer = new byte[AlertMail.MAX_COMMAND_CHARS + 1];
                    int read = in.read(buffer);
                    if (read < 0) {
                        log.info("Remote SMTP server {} has closed the connection.", server);
                        closed = true;
                        return NO_REPLY;
                    }
                    pending.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException e) {
                log.info("Timeout reading data to remote SMTP server {}.", server);
                return NO_REPLY;
            } catch (IOException e) {
                log.info("Error reading data from remote SMTP server {}.", server);
                return NO_REPLY;
            }
        }

        /** keepalived reads the three characters as digits without checking them. */
        private static int code(String line) {
            String digits = (line + "000").substring(0, 3);
            return (digits.charAt(0) - '0') * 100 + (digits.charAt(1) - '0') * 10 + (digits.charAt(2) - '0');
        }
    }
}
