package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What uname(2) reports, read from /proc/sys/kernel as a JVM cannot call uname. */
record Uname(String sysname, String release, String version) {

    static Uname ofThisMachine() {
        return new Uname(kernel("ostype", "Linux"), kernel("osrelease", System.getProperty("os.version")),
                kernel("version", ""));
    }

    private static String kernel(String name, String fallback) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel", name)).strip();
        } catch (IOException e) {
            return fallback;
        }
    }
}
