package org.jkeepalived.ipvs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.ipvs.codec.IpvsTimeouts;

/**
 * The global_defs keywords that drive IPVS beside the virtual servers: {@code lvs_flush}, {@code lvs_flush_on_stop}
 * (and its old spelling {@code lvs_flush_onstop}), {@code lvs_timeouts} and {@code lvs_sync_daemon}. The config model
 * types the first three (with keepalived's messages) and keeps the last as its words, read here as keepalived
 * 2.2.7's global_parser.c reads them. Values keepalived refuses are left unset, as keepalived leaves them.
 *
 * @param flushAtStart {@code lvs_flush}: the whole table emptied at start (not on reload)
 * @param flushOnStop  what a stop does to the table
 * @param timeouts     {@code lvs_timeouts}, 0 for each one not given
 * @param syncDaemon   {@code lvs_sync_daemon}
 */
public record LvsGlobals(boolean flushAtStart, FlushOnStop flushOnStop, IpvsTimeouts timeouts,
                         Optional<SyncDaemon> syncDaemon) {

    public LvsGlobals {
        Objects.requireNonNull(flushOnStop, "flushOnStop");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(syncDaemon, "syncDaemon");
    }

    /** keepalived's lvs_flush_t. */
    public enum FlushOnStop {
        /** Default: our real servers removed, then our services. */
        NONE,
        /** {@code lvs_flush_on_stop VS}: our services deleted, their destinations with them. */
        VIRTUAL_SERVERS,
        /** {@code lvs_flush_on_stop}: the whole table flushed, ours or not. */
        FULL
    }

    /**
     * {@code lvs_sync_daemon IFNAME [inst VRRP_INSTANCE] [id N] [maxlen N] [port N] [ttl N] [group IP]}.
     *
     * @param vrrpInstance the instance whose state decides master or backup; empty: the checkers run both
     * @param syncId       {@code id}; empty means the instance's VRID, or 0 without an instance
     */
    public record SyncDaemon(String interfaceName, Optional<String> vrrpInstance, OptionalLong syncId,
                             OptionalInt maxLength, OptionalInt port, OptionalInt ttl,
                             Optional<InetAddress> group) {

        public SyncDaemon {
            Objects.requireNonNull(interfaceName, "interfaceName");
            Objects.requireNonNull(vrrpInstance, "vrrpInstance");
            Objects.requireNonNull(syncId, "syncId");
            Objects.requireNonNull(maxLength, "maxLength");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(ttl, "ttl");
            Objects.requireNonNull(group, "group");
        }

        /** keepalived's lvs_syncd_handler on the words after the interface name. */
        static SyncDaemon parse(GlobalDefs.LvsSyncDaemon written) {
            List<String> words = written.options();
            Optional<String> instance = Optional.empty();
            OptionalLong syncId = OptionalLong.empty();
            OptionalInt maxLength = OptionalInt.empty();
            OptionalInt port = OptionalInt.empty();
            OptionalInt ttl = OptionalInt.empty();
            Optional<InetAddress> group = Optional.empty();
            for (int index = 0; index < words.size(); index++) {
                String word = words.get(index);
                Optional<String> value = index + 1 < words.size() ? Optional.of(words.get(index + 1))
                        : Optional.empty();
                boolean option = true;
                switch (word) {
                    case "inst" -> instance = instance.or(() -> value);
                    case "id" -> syncId = value.map(v -> unsigned(v, 0, 255)).filter(OptionalLong::isPresent)
                            .orElse(syncId);
                    case "maxlen" -> maxLength = narrow(value, 1, 65_535 - 20 - 8).orElse(maxLength);
                    case "port" -> port = narrow(value, 1, 65_535).orElse(port);
                    case "ttl" -> ttl = narrow(value, 1, 255).orElse(ttl);
                    case "group" -> group = value.flatMap(SyncDaemon::multicast);
                    default -> option = false;
                }
                if (option) {
                    index++;
                } else if (index == 0) {
                    // keepalived still takes the old form "lvs_sync_daemon IFNAME VRRP_INSTANCE [SYNC_ID]"
                    instance = Optional.of(word);
                } else if (index == 1) {
                    OptionalLong old = unsigned(word, 0, 255);
                    syncId = old.isPresent() ? old : syncId;
                }
            }
            return new SyncDaemon(written.interfaceName(), instance, syncId, maxLength, port, ttl, group);
        }

        private static Optional<OptionalInt> narrow(Optional<String> value, long min, long max) {
            return value.map(v -> unsigned(v, min, max)).filter(OptionalLong::isPresent)
                    .map(v -> OptionalInt.of((int) v.getAsLong()));
        }

        private static Optional<InetAddress> multicast(String text) {
            if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
                return Optional.empty();
            }
            try {
                InetAddress address = InetAddress.getByName(text);
                return address.isMulticastAddress() ? Optional.of(address) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
    }

    /** The IPVS settings of {@code config}'s global_defs, keepalived's defaults where absent. */
    public static LvsGlobals of(KeepalivedConfig config) {
        GlobalDefs.LvsSettings lvs = config.global().lvs();
        FlushOnStop flushOnStop = switch (lvs.flushOnStop()) {
            case NONE -> FlushOnStop.NONE;
            case VIRTUAL_SERVERS -> FlushOnStop.VIRTUAL_SERVERS;
            case FULL -> FlushOnStop.FULL;
        };
        return new LvsGlobals(lvs.flush(), flushOnStop, new IpvsTimeouts(lvs.tcpTimeoutSecs(),
                lvs.tcpFinTimeoutSecs(), lvs.udpTimeoutSecs()), config.global().lvsSyncDaemon().map(SyncDaemon::parse));
    }

    /** A decimal in {@code min..max}, as keepalived's read_unsigned accepts it for these keywords. */
    private static OptionalLong unsigned(String text, long min, long max) {
        if (!text.matches("\\+?[0-9]{1,19}")) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        return value >= min && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
