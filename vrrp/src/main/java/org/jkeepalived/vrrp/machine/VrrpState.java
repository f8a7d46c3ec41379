package org.jkeepalived.vrrp.machine;

/**
 * The states of a VRRP instance or sync group, with keepalived 2.2.7's numeric codes ({@code VRRP_STATE_*} in
 * vrrp.h) so stats and dumps can publish them. FAULT and STOP are keepalived's extensions to RFC 3768 / 5798 §6.4.
 */
public enum VrrpState {
    INIT(0),
    BACKUP(1),
    MASTER(2),
    FAULT(3),
    STOP(98);

    private final int code;

    VrrpState(int code) {
        this.code = code;
    }

    /** keepalived's {@code VRRP_STATE_*} value. */
    public int code() {
        return code;
    }
}
