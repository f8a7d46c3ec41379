package org.jkeepalived.ipvs.codec;

/**
 * The kernel's answer to IPVS_CMD_GET_INFO: IPVS_INFO_ATTR_VERSION ({@code 0x010201} is 1.2.1) and
 * IPVS_INFO_ATTR_CONN_TAB_SIZE, u32 each.
 */
public record IpvsInfo(long version, long connectionTableSize) {

    public static final int IPVS_INFO_ATTR_VERSION = 1;
    public static final int IPVS_INFO_ATTR_CONN_TAB_SIZE = 2;

    public IpvsInfo {
        Attributes.requireRange("version", version, 0xffff_ffffL);
        Attributes.requireRange("connectionTableSize", connectionTableSize, 0xffff_ffffL);
    }

    /** As ipvsadm prints it: {@code 1.2.1}. */
    public String versionText() {
        return (version >> 16 & 0xff) + "." + (version >> 8 & 0xff) + "." + (version & 0xff);
    }
}
