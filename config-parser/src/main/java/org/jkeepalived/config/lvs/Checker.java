package org.jkeepalived.config.lvs;

import org.jkeepalived.config.Location;

/** One health checker of a real server, as its block in keepalived.conf configures it. */
public sealed interface Checker
        permits TcpCheck, HttpCheck, MiscCheck, SmtpCheck, DnsCheck, UdpCheck, PingCheck, FileCheck, BfdCheck {

    /** The line of the checker's keyword. */
    Location location();
}
