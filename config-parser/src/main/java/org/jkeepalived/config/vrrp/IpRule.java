package org.jkeepalived.config.vrrp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line of virtual_rules / static_rules as keepalived 2.2.7's {@code alloc_rule} reads it, in the terms of an
 * rtnetlink RTM_NEWRULE.
 *
 * @param invert        {@code not}
 * @param preference    {@code preference} / {@code priority} / {@code order}, or the one keepalived assigned
 * @param table         {@code table} / {@code lookup} (never 0)
 * @param gotoTarget    {@code goto N}
 * @param fwmask        the mask of {@code fwmark N/M}
 * @param realms        {@code FROM << 16 | TO}
 * @param suppressGroup {@code suppress_ifgroup}
 * @param tunnelId      {@code tunnel-id}, unsigned 64 bits
 * @param protocol      RTPROT_*; 18 (keepalived) for a tracked rule
 * @param ipProtocol    {@code ipproto} (IPPROTO_*)
 * @param tracked       not {@code no_track}
 * @param trackGroup    {@code track_group} (static rules only)
 * @param words         the whole line
 */
public record IpRule(IpFamily family, boolean invert, Optional<IpPrefix> from, Optional<IpPrefix> to,
                     long preference, Action action, OptionalLong table, OptionalLong gotoTarget, OptionalInt tos,
                     OptionalLong fwmark, OptionalLong fwmask, OptionalLong realms, OptionalInt suppressPrefixLength,
                     OptionalLong suppressGroup, Optional<String> inputInterface, Optional<String> outputInterface,
                     OptionalLong tunnelId, Optional<Range> uidRange, boolean l3mdev, OptionalInt protocol,
                     OptionalInt ipProtocol, Optional<Range> sourcePorts, Optional<Range> destinationPorts,
                     boolean tracked, Optional<String> trackGroup, List<String> words) {

    /** FR_ACT_*: what a matching packet gets. */
    public enum Action { TO_TABLE, GOTO, NOP, BLACKHOLE, UNREACHABLE, PROHIBIT }

    /** An inclusive range: {@code uidrange A-B}, {@code sport A[-B]}, {@code dport A[-B]}. */
    public record Range(long start, long end) {
    }

    public IpRule {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        if (preference < 0 || preference > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("preference: " + preference + " (expected 0..4294967295)");
        }
        words = List.copyOf(words);
    }
}
