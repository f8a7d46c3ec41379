package org.jkeepalived.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version keepalived 2.2.7 reports, which scripts parse, and jkeepalived's own. */
public final class Version {
    /** keepalived's {@code version_string}. */
    public static final String KEEPALIVED = "Keepalived v2.2.7 (01/16,2022)";
    public static final String COPYRIGHT = "Copyright(C) 2001-2022 Alexandre Cassen, <acassen@gmail.com>";
    /** The kernel headers the reference binary was built with; keepalived logs it at start. */
    public static final String BUILT_FOR_LINUX = "5.19.11";

    private Version() {
    }

    /** jkeepalived's Maven version, filtered into version.properties at build time. */
    public static String jkeepalived() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
