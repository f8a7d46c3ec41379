package org.jkeepalived.config.vrrp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jkeepalived.config.value.Values;

/**
 * keepalived 2.2.7's lib/rttables.c: names and numbers for route tables, protocols, scopes, dsfields, realms and
 * interface groups. A number is taken as it is (strtoul base 0, up to the kind's maximum); a name is looked up in
 * /etc/iproute2's file for the kind, which is read once, then in keepalived's built-in names for ids the file does
 * not give.
 */
final class RtNames {

    /** The kinds of name, with their file, maximum and built-in names. */
    enum Kind {
        TABLE("rt_tables", 0xFFFF_FFFFL, Map.of("default", 253L, "main", 254L, "local", 255L)),
        DSFIELD("rt_dsfield", 255, Map.of()),
        REALM("rt_realms", 255, Map.of()),
        PROTOCOL("rt_protos", 255, builtInProtocols()),
        SCOPE("rt_scopes", 255, Map.of("global", 0L, "nowhere", 255L, "host", 254L, "link", 253L, "site", 200L)),
        GROUP("group", Integer.MAX_VALUE, Map.of());

        private final String file;
        private final long max;
        private final Map<String, Long> builtIn;

        Kind(String file, long max, Map<String, Long> builtIn) {
            this.file = file;
            this.max = max;
            this.builtIn = builtIn;
        }
    }

    /** Route types (RTN_*), which keepalived knows by name without a file. */
    private static final Map<String, Integer> ROUTE_TYPES = Map.ofEntries(Map.entry("unicast", 1),
            Map.entry("local", 2), Map.entry("broadcast", 3), Map.entry("brd", 3), Map.entry("anycast", 4),
            Map.entry("multicast", 5), Map.entry("blackhole", 6), Map.entry("unreachable", 7),
            Map.entry("prohibit", 8), Map.entry("throw", 9), Map.entry("nat", 10), Map.entry("xresolve", 11));

    static final int RTN_BLACKHOLE = 6;
    static final int RTN_UNREACHABLE = 7;
    static final int RTN_PROHIBIT = 8;

    private final Function<String, List<String>> readFile;
    private final Map<Kind, Map<String, Long>> loaded = new HashMap<>();

    RtNames(Function<String, List<String>> readFile) {
        this.readFile = readFile;
    }

    /** {@code find_rttables_*}: the id of a name or number, empty when unknown or above the kind's maximum. */
    OptionalLong find(Kind kind, String name) {
        OptionalLong number = Values.strtoulWhole(name, 0);
        if (number.isPresent() && !name.isEmpty()) {
            // keepalived keeps the number in an unsigned int before comparing it with the maximum
            long id = number.getAsLong() & 0xFFFF_FFFFL;
            return id <= kind.max ? OptionalLong.of(id) : OptionalLong.empty();
        }
        Long id = loaded.computeIfAbsent(kind, this::load).get(name);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** {@code find_rttables_rtntype}: a route type name, or a number 0..255. */
    OptionalLong routeType(String word) {
        Integer named = ROUTE_TYPES.get(word);
        if (named != null) {
            return OptionalLong.of(named);
        }
        OptionalLong number = Values.strtoulWhole(word, 0);
        if (number.isEmpty() || word.startsWith("-") || Long.compareUnsigned(number.getAsLong(), 255) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(number.getAsLong() & 0xFF);
    }

    /** The file's two-word lines with a usable id, first name first; then the built-in names of ids not given. */
    private Map<String, Long> load(Kind kind) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (String line : readFile.apply(kind.file)) {
            String[] words = line.replaceAll("[#!].*", "").trim().split("\\s+");
            if (words.length != 2) {
                continue;
            }
            String number = words[0];
            OptionalLong id = Values.strtoulWhole(number, 0);
            if (number.startsWith("-") || id.isEmpty() || Long.compareUnsigned(id.getAsLong(), kind.max) > 0) {
                continue;
            }
            entries.add(Map.entry(words[1], id.getAsLong()));
        }
        kind.builtIn.forEach((name, id) -> {
            if (entries.stream().noneMatch(e -> e.getValue().equals(id))) {
                entries.add(Map.entry(name, id));
            }
        });
        Map<String, Long> byName = new HashMap<>();
        entries.forEach(e -> byName.putIfAbsent(e.getKey(), e.getValue()));
        return byName;
    }

    private static Map<String, Long> builtInProtocols() {
        return Map.ofEntries(Map.entry("none", 0L), Map.entry("redirect", 1L), Map.entry("kernel", 2L),
                Map.entry("boot", 3L), Map.entry("static", 4L), Map.entry("gated", 8L), Map.entry("ra", 9L),
                Map.entry("mrt", 10L), Map.entry("zebra", 11L), Map.entry("bird", 12L), Map.entry("dnrouted", 13L),
                Map.entry("xorp", 14L), Map.entry("ntk", 15L), Map.entry("dhcp", 16L), Map.entry("babel", 42L));
    }
}
