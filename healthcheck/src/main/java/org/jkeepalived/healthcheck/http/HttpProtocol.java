package org.jkeepalived.healthcheck.http;

/** keepalived 2.2.7's {@code http_protocol}: the version in the request line and whether it asks to close. */
public enum HttpProtocol {
    HTTP_1_0(0, false),
    /** HTTP/1.0 with {@code Connection: close}. */
    HTTP_1_0C(0, true),
    /** keepalived always asks an HTTP/1.1 server to close, so every body ends at the end of the stream. */
    HTTP_1_1(1, true);

    private final int minorVersion;
    private final boolean asksToClose;

    HttpProtocol(int minorVersion, boolean asksToClose) {
        this.minorVersion = minorVersion;
        this.asksToClose = asksToClose;
    }

    public int minorVersion() {
        return minorVersion;
    }

    public boolean asksToClose() {
        return asksToClose;
    }
}
