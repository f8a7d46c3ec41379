package org.jkeepalived.it.vm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the tests that compare ours with keepalived 2.2.7 in the IPVS VM share: their prerequisites, the project root
 * the VM sees, their resources, and the sections their scripts print ({@code === NAME} lines).
 */
public final class IpvsComparison {
    public static final Path IPVSADM = Path.of("/usr/sbin/ipvsadm");
    public static final Path REFERENCE_KEEPALIVED = Path.of("/usr/sbin/keepalived");
    /** What a section's heading line starts with. */
    public static final String SECTION = "=== ";

    private IpvsComparison() {
    }

    /** Skips (or fails, see {@link VirtualMachine#need}) the test without ipvsadm and keepalived 2.2.7. */
    public static void needIpvsadmAndKeepalived() {
        VirtualMachine.need(Files.isExecutable(IPVSADM), "ipvsadm at " + IPVSADM);
        VirtualMachine.need(Files.isExecutable(REFERENCE_KEEPALIVED), "keepalived 2.2.7 at " + REFERENCE_KEEPALIVED);
    }

    /** The project root, from src-it's pom ({@code jkeepalived.root}), else the parent of the working directory. */
    public static String projectRoot() {
        return System.getProperty("jkeepalived.root", Path.of("..").toAbsolutePath().normalize().toString());
    }

    /** The bytes of a test resource, by its absolute name ({@code /lvs/reload.sh}). */
    public static byte[] resource(String name) throws IOException {
        try (InputStream in = IpvsComparison.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    /** Writes a test resource ({@code /lvs/reload.sh}) into {@code dir} under its own file name. */
    public static Path copyResource(String name, Path dir) throws IOException {
        return Files.write(dir.resolve(Path.of(name).getFileName()), resource(name));
    }

    /**
     * The lines after {@code === NAME} up to the next section, stripped, their columns joined by single spaces and
     * blank ones left out; or the rest of the heading line when it is {@code === NAME VALUE}.
     */
    public static List<String> section(String stdout, String name) {
        for (String part : stdout.split("(?m)^" + SECTION)) {
            String heading = part.lines().findFirst().orElse("");
            if (heading.equals(name)) {
                return part.lines().skip(1).map(line -> line.strip().replaceAll("\\s+", " "))
                        .filter(line -> !line.isEmpty()).toList();
            }
            if (heading.startsWith(name + " ")) {
                return List.of(heading.substring(name.length() + 1));
            }
        }
        return List.of("(no section " + name + ")");
    }
}
