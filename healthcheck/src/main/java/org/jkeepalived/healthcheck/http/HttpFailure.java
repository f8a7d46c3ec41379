package org.jkeepalived.healthcheck.http;

/** Why a fetch ended without a response, in keepalived 2.2.7's words (its timeout_epilog messages). */
public enum HttpFailure {
    /** No socket could be made; keepalived only logs this and reschedules the check. */
    SOCKET_CREATION_FAILED("WEB connection fail to create socket. Rescheduling."),
    TIMEOUT_CONNECTING("Timeout connecting"),
    /** The connection was refused, reset or unreachable once connect() had said "in progress". */
    CONNECTION_FAILED("Connection failed"),
    /** connect() itself failed with an unreachable, refused or reset errno. */
    NETWORK_UNREACHABLE("HTTP_CHECK - network unreachable"),
    /**
     * Binding, marking or connecting the socket failed otherwise; keepalived only logs this and reschedules the
     * check without counting a failure.
     */
    SOCKET_BIND_FAILED("WEB socket bind failed. Rescheduling"),
    SSL_HANDSHAKE_ERROR("SSL handshake/communication error connecting to"),
    TIMEOUT_WEB_WRITE("Timeout WEB write"),
    CANNOT_SEND("Cannot send get request to"),
    /** Nothing at all came back within the timeout after the request. */
    TIMEOUT_WEB_READ("Timeout WEB read"),
    /** A plain connection stayed silent for the timeout between two reads. */
    TIMEOUT_HTTP_READ("Timeout HTTP read"),
    /** A TLS connection did not end within the timeout after its first bytes came back. */
    TIMEOUT_SSL_READ("Timeout SSL read"),
    READ_ERROR("Read error with"),
    /** The server closed TLS cleanly (close_notify) before the end of the header; see HttpGetResult.Received. */
    SSL_READ_ERROR("SSL read error from");

    private final String keepalivedText;

    HttpFailure(String keepalivedText) {
        this.keepalivedText = keepalivedText;
    }

    /** keepalived's text; its checker log adds " server [ip]:port." and genhash prints it alone. */
    public String keepalivedText() {
        return keepalivedText;
    }
}
