package org.jkeepalived.config.value;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Address literals as glibc's {@code inet_pton} reads them; never a name lookup. */
public final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /** The address a literal denotes, or empty when {@code inet_pton} would reject it for both families. */
    public static Optional<InetAddress> parse(String literal) {
        if (IPV4.matcher(literal).matches()) {
            for (String octet : literal.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (!IPV6_CHARS.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public static boolean isIpv6(InetAddress address) {
        return address instanceof Inet6Address;
    }

    /** The address length in bits: 32 or 128. */
    public static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }
}
