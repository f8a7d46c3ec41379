package org.jkeepalived.vrrp.machine;

/** What a tracker watches, in the order keepalived 2.2.7 initialises them ({@code initialise_tracking_priorities}). */
public enum TrackerKind {
    INTERFACE,
    FILE,
    PROCESS,
    SCRIPT,
    BFD
}
