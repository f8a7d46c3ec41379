package org.jkeepalived.vrrp.machine;

import java.util.Objects;

/**
 * A change reported by a tracker: an interface's link, a {@code vrrp_script}'s result after rise/fall, a
 * {@code track_file}'s value, a {@code vrrp_track_process} quorum or a BFD session.
 */
public sealed interface TrackerEvent {

    TrackerKind kind();

    String name();

    /** An interface went up or down (keepalived's {@code IFF_UP} as netlink reports it). */
    record InterfaceLink(String name, boolean up) implements TrackerEvent {
        public InterfaceLink {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.INTERFACE;
        }
    }

    /** A script reached its rise (ok) or fall (failed) count. */
    record ScriptResult(String name, boolean ok) implements TrackerEvent {
        public ScriptResult {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.SCRIPT;
        }
    }

    /** A tracked file now holds {@code value}. */
    record FileValue(String name, long value) implements TrackerEvent {
        public FileValue {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.FILE;
        }
    }

    /** A tracked process gained or lost its quorum. */
    record ProcessQuorum(String name, boolean haveQuorum) implements TrackerEvent {
        public ProcessQuorum {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.PROCESS;
        }
    }

    /** A BFD session went up or down. */
    record BfdState(String name, boolean up) implements TrackerEvent {
        public BfdState {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.BFD;
        }
    }
}
