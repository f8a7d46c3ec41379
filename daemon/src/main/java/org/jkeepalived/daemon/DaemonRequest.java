package org.jkeepalived.daemon;

/** What the running daemon is asked to do: keepalived's STOP (SIGTERM, SIGINT) and RELOAD (SIGHUP). */
public enum DaemonRequest {
    STOP,
    RELOAD
}
