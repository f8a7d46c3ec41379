package org.jkeepalived.config.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveHostTest {

    @Test
    void usersGroupsAndInterfacesAreReadFromTheRoot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("sys/class/net/eth0"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\napp:x:1000:1001::/:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nwheel:x:10:app\n");
        LiveHost host = new LiveHost(root);
        assertEquals(OptionalInt.of(1000), host.uid("app"));
        assertEquals(OptionalInt.of(1001), host.primaryGid("app"));
        assertEquals(OptionalInt.of(10), host.gid("wheel"));
        assertEquals(OptionalInt.empty(), host.uid("keepalived_script"));
        assertTrue(host.interfaceExists("eth0"));
        assertFalse(host.interfaceExists("eth1"));
    }

    @Test
    void aScriptInADirectoryOwnedByANonRootUserIsWritableByNonRoot(@TempDir Path root) throws IOException {
        Path script = Files.createDirectories(root.resolve("opt")).resolve("check.sh");
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        HostEnvironment.ScriptFile file = new LiveHost(root).script("/opt/check.sh");
        assertTrue(file.exists());
        assertTrue(file.executable());
        // the test's temporary directories belong to whoever runs the build; root owns none of them unless root runs it
        assertEquals(!isRoot(), file.writableByNonRoot());
        assertFalse(new LiveHost(root).script("/opt/missing.sh").exists());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
