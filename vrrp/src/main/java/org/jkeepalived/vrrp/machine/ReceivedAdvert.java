package org.jkeepalived.vrrp.machine;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What the state machine needs from an advertisement that passed every receive check (RFC 3768 §7.1 / RFC 5798
 * §7.1 and keepalived's {@code vrrp_check_packet}): the codec and socket layer drop everything else before this.
 *
 * @param version               2 or 3
 * @param priority              0..255; 0 means the master is stopping
 * @param advertIntervalCentis  VRRPv3's Max Advert Interval (12 bits); for VRRPv2 the seconds field times 100
 * @param source                the IP source address of the packet
 */
public record ReceivedAdvert(int version, int priority, int advertIntervalCentis, InetAddress source) {

    public ReceivedAdvert {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version: " + version + " (expected 2 or 3)");
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority: " + priority + " (expected 0..255)");
        }
        int maxCentis = version == 3 ? 0x0fff : 255 * 100;
        if (advertIntervalCentis < 0 || advertIntervalCentis > maxCentis) {
            throw new IllegalArgumentException("advertIntervalCentis: " + advertIntervalCentis
                    + " (expected 0.." + maxCentis + ")");
        }
        Objects.requireNonNull(source, "source");
    }
}
