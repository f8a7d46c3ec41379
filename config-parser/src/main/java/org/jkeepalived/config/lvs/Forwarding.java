package org.jkeepalived.config.lvs;

import java.util.Objects;

/**
 * An IPVS forwarding method ({@code lb_kind} / {@code lvs_method}) with its tunnel options.
 *
 * @param tunnelPort the GUE port, 0 for other tunnel types and methods
 */
public record Forwarding(Method method, TunnelType tunnelType, int tunnelPort, TunnelChecksum tunnelChecksum) {

    /** keepalived's default when no method is set anywhere: NAT. */
    public static final Forwarding NAT = new Forwarding(Method.NAT, TunnelType.IPIP, 0, TunnelChecksum.NOCSUM);

    public Forwarding {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(tunnelType, "tunnelType");
        Objects.requireNonNull(tunnelChecksum, "tunnelChecksum");
        if (tunnelPort < 0 || tunnelPort > 65535) {
            throw new IllegalArgumentException("tunnelPort: " + tunnelPort + " (expected 0..65535)");
        }
    }

    public enum Method {
        NAT,
        DR,
        TUN
    }

    public enum TunnelType {
        IPIP,
        GUE,
        GRE
    }

    public enum TunnelChecksum {
        NOCSUM,
        CSUM,
        REMCSUM
    }
}
