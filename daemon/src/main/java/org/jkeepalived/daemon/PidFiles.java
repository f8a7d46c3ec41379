package org.jkeepalived.daemon;

import java.nio.file.Path;
import java.util.Objects;

/** The pid files of keepalived's parent, VRRP, checker and BFD processes: {@code -p -r -c -b}. */
public record PidFiles(Path main, Path vrrp, Path checkers, Path bfd) {
    /** keepalived 2.2.7's defaults in RUNSTATEDIR (the man page's keepalived_vrrp.pid names are wrong). */
    public static final PidFiles DEFAULT = new PidFiles(Path.of("/run/keepalived.pid"), Path.of("/run/vrrp.pid"),
            Path.of("/run/checkers.pid"), Path.of("/run/bfd.pid"));

    public PidFiles {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(vrrp, "vrrp");
        Objects.requireNonNull(checkers, "checkers");
        Objects.requireNonNull(bfd, "bfd");
    }
}
