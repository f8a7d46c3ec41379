package org.jkeepalived.config;

/**
 * The parts of keepalived that run as processes of their own and refuse a config independently: keepalived 2.2.7's
 * VRRP process exits with status 2 when {@code vrrp_complete_init} fails, its checker process when
 * {@code validate_check_config} fails, whatever the config test's verdict.
 */
public enum Subsystem {
    VRRP,
    CHECKER
}
