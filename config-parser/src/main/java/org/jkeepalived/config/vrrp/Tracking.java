package org.jkeepalived.config.vrrp;

import java.util.List;

/**
 * What a VRRP instance or sync group tracks, each by name with its weight: {@code track_interface},
 * {@code track_script}, {@code track_file}, {@code track_process} and {@code track_bfd}.
 */
public record Tracking(List<Tracked> interfaces, List<Tracked> scripts, List<Tracked> files,
                       List<Tracked> processes, List<Tracked> bfds) {

    public static final Tracking NONE = new Tracking(List.of(), List.of(), List.of(), List.of(), List.of());

    public Tracking {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }
}
