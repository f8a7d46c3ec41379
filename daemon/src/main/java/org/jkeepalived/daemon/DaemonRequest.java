package org.jkeepalived.daemon;

/**
 * What the running daemon is asked to do: keepalived's STOP (SIGTERM, SIGINT), RELOAD (SIGHUP) and the dumps: DATA
 * (SIGUSR1), STATS (SIGUSR2), STATS_CLEAR (SIGRTMAX-1, the stats then zeroed), JSON (SIGRTMIN+2).
 */
public enum DaemonRequest {
    STOP,
    RELOAD,
    DUMP_DATA,
    DUMP_STATS,
    DUMP_STATS_CLEAR,
    DUMP_JSON
}
