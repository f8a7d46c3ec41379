package org.jkeepalived.config.vrrp;

/** Everything the VRRP side of keepalived reads: instances, sync groups, trackers, static addresses. */
public record VrrpConfig() {
}
