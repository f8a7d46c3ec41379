package org.jkeepalived.config.global;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.jkeepalived.config.value.IpAddresses;
import org.jkeepalived.config.value.Values;

/**
 * keepalived 2.2.7's {@code lvs_syncd_handler} (global_parser.c): {@code lvs_sync_daemon} read word by word, each
 * option's value skipped over, with its messages. A bad value is reported and left unset; a second
 * {@code lvs_sync_daemon} is ignored.
 */
final class LvsSyncDaemonParser {
    /** Word positions of the old form {@code lvs_sync_daemon IFNAME VRRP_INSTANCE [SYNC_ID]}. */
    private static final int OLD_INSTANCE_WORD = 2;
    private static final int OLD_SYNC_ID_WORD = 3;

    private final BuildContext ctx;
    private final ConfigNode node;
    private Optional<String> instance = Optional.empty();
    private OptionalInt syncId = OptionalInt.empty();
    private OptionalInt maxLength = OptionalInt.empty();
    private OptionalInt port = OptionalInt.empty();
    private OptionalInt ttl = OptionalInt.empty();
    private Optional<InetAddress> group = Optional.empty();

    private LvsSyncDaemonParser(BuildContext ctx, ConfigNode node) {
        this.ctx = ctx;
        this.node = node;
    }

    /**
     * @param earlier the setting of an earlier {@code lvs_sync_daemon}, which stays
     * @return the setting in force after {@code node}
     */
    static Optional<GlobalDefs.LvsSyncDaemon> parse(ConfigNode node, Optional<GlobalDefs.LvsSyncDaemon> earlier,
                                                    BuildContext ctx) {
        if (earlier.isPresent()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "lvs_sync_daemon has already been specified as "
                    + earlier.get().interfaceName() + " " + earlier.get().vrrpInstance().orElse("") + " - ignoring");
            return earlier;
        }
        if (node.args().isEmpty()) {
            ctx.report(Severity.GENERAL_ERROR, node.location(), "lvs_sync_daemon requires interface");
            return earlier;
        }
        String interfaceName = node.args().get(0);
        if (interfaceName.length() >= GlobalDefs.LvsSyncDaemon.IFNAME_MAX_LENGTH) {
            ctx.report(Severity.GENERAL_ERROR, node.location(),
                    "lvs_sync_daemon interface name '" + interfaceName + "' too long - ignoring");
            return earlier;
        }
        return Optional.of(new LvsSyncDaemonParser(ctx, node).options(interfaceName));
    }

    private GlobalDefs.LvsSyncDaemon options(String interfaceName) {
        int wordCount = node.args().size() + 1;
        for (int index = 2; index < wordCount; index++) {
            String option = ctx.word(node, index);
            boolean last = index == wordCount - 1;
            switch (option) {
                case "inst" -> {
                    if (instance.isPresent()) {
                        error("lvs_sync_daemon vrrp instance has already been specified as " + instance.get()
                                + " - ignoring");
                    } else {
                        instance = Optional.of(ctx.word(node, index + 1));
                    }
                    index++;
                }
                case "id" -> {
                    if (last) {
                        error("No value specified for lvs_sync_daemon id, defaulting to vrid");
                    } else {
                        syncId = orKeep(syncIdAt(++index), syncId);
                    }
                }
                case "maxlen" -> maxLength = orKeep(number(index++, last, "maxlen",
                        GlobalDefs.LvsSyncDaemon.MAX_MAX_LENGTH), maxLength);
                case "port" -> port = orKeep(number(index++, last, "port", 65_535), port);
                case "ttl" -> ttl = orKeep(number(index++, last, "ttl", 255), ttl);
                case "group" -> {
                    if (last) {
                        error("No value specified for lvs_sync_daemon group - ignoring");
                    } else {
                        group = multicastGroup(ctx.word(node, ++index));
                    }
                }
                default -> oldFormOrUnknown(index, option);
            }
        }
        return new GlobalDefs.LvsSyncDaemon(interfaceName, instance, syncId, maxLength, port, ttl, group);
    }

    /** keepalived still reads {@code IFNAME VRRP_INSTANCE [SYNC_ID]}, the form before 1.2.20. */
    private void oldFormOrUnknown(int index, String word) {
        if (index == OLD_INSTANCE_WORD) {
            instance = Optional.of(word);
        } else if (index == OLD_SYNC_ID_WORD) {
            OptionalInt old = syncIdAt(index);
            if (old.isPresent()) {
                error("Please use keyword \"id\" before lvs_sync_daemon SYNCID");
                syncId = old;
            }
        } else {
            error("Unknown option " + word + " specified for lvs_sync_daemon");
        }
    }

    private OptionalInt syncIdAt(int index) {
        String word = ctx.word(node, index);
        OptionalInt value = narrow(Values.readUnsigned(ctx, node.location(), word, 0,
                GlobalDefs.LvsSyncDaemon.MAX_SYNC_ID, false));
        if (value.isEmpty()) {
            error("Invalid syncid (" + word + ") - defaulting to vrid");
        }
        return value;
    }

    /** {@code maxlen}, {@code port} or {@code ttl} at word {@code index}, its value at the next word. */
    private OptionalInt number(int index, boolean last, String option, int max) {
        if (last) {
            error("No value specified for lvs_sync_daemon " + option + " - ignoring");
            return OptionalInt.empty();
        }
        String word = ctx.word(node, index + 1);
        OptionalInt value = narrow(Values.readUnsigned(ctx, node.location(), word, 1, max, false));
        if (value.isEmpty()) {
            error("Invalid lvs_sync_daemon " + option + " (" + word + ") - ignoring");
        }
        return value;
    }

    /** keepalived's {@code inet_stosockaddr}, then its multicast check: either failing leaves no group at all. */
    private Optional<InetAddress> multicastGroup(String word) {
        Optional<InetAddress> address = IpAddresses.parseIgnoringRangeAndMask(word);
        if (address.isEmpty()) {
            error("Invalid lvs_sync_daemon group (" + word + ") - ignoring");
        } else if (!address.get().isMulticastAddress()) {
            error("lvs_sync_daemon group address " + word + " is not multicast - ignoring");
            return Optional.empty();
        }
        return address;
    }

    /** A refused value leaves the one given before, as keepalived does. */
    private static OptionalInt orKeep(OptionalInt value, OptionalInt previous) {
        return value.isPresent() ? value : previous;
    }

    private static OptionalInt narrow(OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private void error(String message) {
        ctx.report(Severity.GENERAL_ERROR, node.location(), message);
    }
}
