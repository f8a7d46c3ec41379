package org.jkeepalived.vrrp.codec;

import java.util.Objects;

/** The first look at a received packet: the VRID that picks the instance, or keepalived's too-short verdict. */
public sealed interface Peek {

    record Header(int virtualRouterId) implements Peek {
    }

    record TooShort(String logMessage) implements Peek {
        public TooShort {
            Objects.requireNonNull(logMessage, "logMessage");
        }
    }
}
