package org.jkeepalived.vrrp.codec;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of an instance that advert checks read and update, carried from one received advert to the next.
 *
 * @param ahSequenceNumber      the highest AH sequence number accepted (keepalived's {@code ipsecah_counter});
 *                              an AH advert must carry a higher one
 * @param unicastChecksumCompat the VRRPv3 unicast checksum mode, which a received old-style checksum switches
 * @param followedMaster        the master whose adverts a backup follows ({@code master_saddr}); empty while master,
 *                              where keepalived always checks the addresses
 */
public record ReceiverState(long ahSequenceNumber, UnicastChecksumCompat unicastChecksumCompat,
                            Optional<InetAddress> followedMaster) {

    public ReceiverState {
        Objects.requireNonNull(unicastChecksumCompat, "unicastChecksumCompat");
        Objects.requireNonNull(followedMaster, "followedMaster");
        if (ahSequenceNumber < 0 || ahSequenceNumber > 0xffffffffL) {
            throw new IllegalArgumentException("ahSequenceNumber: " + ahSequenceNumber + " (expected 0..4294967295)");
        }
    }

    public static ReceiverState initial(UnicastChecksumCompat unicastChecksumCompat) {
        return new ReceiverState(0, unicastChecksumCompat, Optional.empty());
    }

    public ReceiverState withAhSequenceNumber(long sequenceNumber) {
        return new ReceiverState(sequenceNumber, unicastChecksumCompat, followedMaster);
    }

    public ReceiverState withUnicastChecksumCompat(UnicastChecksumCompat compat) {
        return new ReceiverState(ahSequenceNumber, compat, followedMaster);
    }

    public ReceiverState withFollowedMaster(Optional<InetAddress> master) {
        return new ReceiverState(ahSequenceNumber, unicastChecksumCompat, master);
    }
}
