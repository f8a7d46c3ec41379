package org.jkeepalived.config.lvs;

/** An address family as keepalived tracks it for virtual servers: unset until an address decides it. */
public enum AddressFamily {
    UNSPEC,
    INET,
    INET6
}
