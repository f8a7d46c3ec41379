package org.jkeepalived.config.vrrp;

import java.util.Objects;
import java.util.Optional;

/**
 * Per-interface settings from {@code linkbeat_interfaces} and {@code interface_up_down_delays}.
 *
 * @param linkbeat         polled for link state instead of netlink; the method ({@code MII}, {@code ETHTOOL},
 *                         {@code IOCTL}) when given
 * @param downDelayMicros  how long the interface must stay down before it counts as down, 0..255s
 * @param upDelayMicros    how long it must stay up before it counts as up, 0..255s
 */
public record InterfaceTiming(String interfaceName, boolean linkbeat, Optional<String> linkbeatMethod,
                              long downDelayMicros, long upDelayMicros) {

    public InterfaceTiming {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(linkbeatMethod, "linkbeatMethod");
    }
}
