package org.jkeepalived.vrrp.codec;

/** IP protocol numbers an advert travels in. */
final class IpProtocol {
    static final int VRRP = 112;
    static final int AH = 51;

    private IpProtocol() {
    }
}
