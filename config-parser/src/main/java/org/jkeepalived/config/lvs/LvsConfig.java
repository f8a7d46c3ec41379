package org.jkeepalived.config.lvs;

/** Everything the checker side of keepalived reads: virtual servers, their groups, real servers, checkers. */
public record LvsConfig() {
}
