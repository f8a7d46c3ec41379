package org.jkeepalived.config.lvs;

import java.util.Locale;

/** A virtual server's {@code protocol}; keepalived prints it in lower case in server names. */
public enum Protocol {
    TCP,
    UDP,
    SCTP;

    /** As {@code inet_sockaddrtotrio} writes it. */
    String trioName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
