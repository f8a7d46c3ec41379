package org.jkeepalived.ipvs.codec;

/**
 * The connection timeouts, in seconds: IPVS_CMD_ATTR_TIMEOUT_TCP, _TCP_FIN and _UDP (u32 each), top-level attributes
 * of IPVS_CMD_SET_CONFIG and of the kernel's answer to IPVS_CMD_GET_CONFIG. A 0 leaves that timeout unchanged.
 */
public record IpvsTimeouts(long tcpSecs, long tcpFinSecs, long udpSecs) {

    public IpvsTimeouts {
        Attributes.requireRange("tcpSecs", tcpSecs, 0xffff_ffffL);
        Attributes.requireRange("tcpFinSecs", tcpFinSecs, 0xffff_ffffL);
        Attributes.requireRange("udpSecs", udpSecs, 0xffff_ffffL);
    }
}
