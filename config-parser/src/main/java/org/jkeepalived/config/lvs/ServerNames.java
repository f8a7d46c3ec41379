package org.jkeepalived.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jkeepalived.config.value.IpAddresses;

/** How keepalived names servers and scripts in its messages. */
final class ServerNames {
    private ServerNames() {
    }

    /**
     * {@code inet_sockaddrtotrio}: {@code [ADDRESS]:PROTO:PORT}, protocol {@code none} when unset. A fwmark virtual
     * server has no address: keepalived prints its all-zero address.
     */
    static String trio(InetAddress address, Protocol protocol, int port) {
        String text = address == null ? "0.0.0.0" : IpAddresses.format(address);
        return "[" + text + "]:" + (protocol == null ? "none" : protocol.trioName()) + ":" + port;
    }

    /** keepalived's {@code cmd_str}: each word in single quotes, except a leading {@code <} or {@code >} test. */
    static String commandString(List<String> argv) {
        return IntStream.range(0, argv.size())
                .mapToObj(i -> i == 0 && (argv.get(0).startsWith("<") || argv.get(0).startsWith(">"))
                        ? argv.get(0)
                        : "'" + argv.get(i) + "'")
                .collect(Collectors.joining(" "));
    }
}
