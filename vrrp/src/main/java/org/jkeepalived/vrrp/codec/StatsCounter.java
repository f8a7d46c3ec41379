package org.jkeepalived.vrrp.codec;

/**
 * keepalived's per-instance error counters that a dropped advert increments, with the label of the
 * {@code keepalived.stats} dump and the key of {@code keepalived.json}. The version and checksum counters exist
 * only for SNMP: neither dump shows them.
 */
public enum StatsCounter {
    PACKET_LENGTH("Length", "packet_len_err"),
    IP_TTL("TTL", "ip_ttl_err"),
    INVALID_TYPE("Invalid Type", "invalid_type_rcvd"),
    ADDRESS_LIST("Address List", "addr_list_err"),
    INVALID_AUTH_TYPE("Invalid Type", "invalid_authtype"),
    AUTH_TYPE_MISMATCH("Type Mismatch", "authtype_mismatch"),
    AUTH_FAILURE("Failure", "auth_failure"),
    VERSION_ERROR("", "vers_err"),
    CHECKSUM_ERROR("", "chk_err");

    private final String statsLabel;
    private final String fieldName;

    StatsCounter(String statsLabel, String fieldName) {
        this.statsLabel = statsLabel;
        this.fieldName = fieldName;
    }

    /** The label in {@code keepalived.stats}; empty for the SNMP-only counters. */
    public String statsLabel() {
        return statsLabel;
    }

    /** keepalived's {@code vrrp_stats} field, also the {@code keepalived.json} key of the dumped ones. */
    public String fieldName() {
        return fieldName;
    }
}
