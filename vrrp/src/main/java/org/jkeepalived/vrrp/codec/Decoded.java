package org.jkeepalived.vrrp.codec;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The outcome of checking one received advert the way keepalived 2.2.7 does. Both outcomes carry the log lines
 * keepalived writes (LOG_INFO, in order) and the receiver state to keep: keepalived adopts an AH sequence number and
 * switches its unicast checksum mode before later checks may still drop the advert.
 */
public sealed interface Decoded {

    List<String> logMessages();

    ReceiverState nextState();

    /**
     * An advert that passed every check.
     *
     * @param source           the sender
     * @param ahSequenceNumber the AH sequence number, for {@code auth_type AH}
     */
    record Accepted(VrrpAdvert advert, InetAddress source, OptionalLong ahSequenceNumber, List<String> logMessages,
                    ReceiverState nextState) implements Decoded {
        public Accepted {
            Objects.requireNonNull(advert, "advert");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(ahSequenceNumber, "ahSequenceNumber");
            logMessages = List.copyOf(logMessages);
            Objects.requireNonNull(nextState, "nextState");
        }
    }

    /** A dropped advert; the last log line (none for a silent drop) says why, in keepalived's words. */
    record Dropped(DropReason reason, List<String> logMessages, ReceiverState nextState) implements Decoded {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
            logMessages = List.copyOf(logMessages);
            Objects.requireNonNull(nextState, "nextState");
        }
    }
}
