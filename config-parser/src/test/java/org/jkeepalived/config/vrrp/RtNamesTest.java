package org.jkeepalived.config.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RtNamesTest {
    private final RtNames names = new RtNames(file -> switch (file) {
        case "rt_tables" -> List.of("# reserved", "255\tlocal", "200 main", "100 isp extra", "-5 bad", "0x20 vpn");
        case "rt_protos" -> List.of("18 keepalived");
        default -> List.of();
    });

    @Test
    void fileNamesComeFirstAndBuiltInNamesOnlyFillIdsTheFileLeavesOut() {
        assertEquals(OptionalLong.of(200), names.find(RtNames.Kind.TABLE, "main"));
        assertEquals(OptionalLong.of(253), names.find(RtNames.Kind.TABLE, "default"));
        assertEquals(OptionalLong.of(32), names.find(RtNames.Kind.TABLE, "vpn"));
        assertEquals(OptionalLong.empty(), names.find(RtNames.Kind.TABLE, "isp"));
        assertEquals(OptionalLong.of(18), names.find(RtNames.Kind.PROTOCOL, "keepalived"));
        assertEquals(OptionalLong.of(4), names.find(RtNames.Kind.PROTOCOL, "static"));
    }

    @Test
    void numbersAreTakenAsStrtoulReadsThemUpToTheKindsMaximum() {
        assertEquals(OptionalLong.of(0x10), names.find(RtNames.Kind.DSFIELD, "0x10"));
        assertEquals(OptionalLong.empty(), names.find(RtNames.Kind.DSFIELD, "300"));
        assertEquals(OptionalLong.of(0xFFFF_FFFFL), names.find(RtNames.Kind.TABLE, "-1"));
        assertEquals(OptionalLong.of(6), names.routeType("blackhole"));
        assertEquals(OptionalLong.of(12), names.routeType("12"));
        assertEquals(OptionalLong.empty(), names.routeType("-1"));
    }
}
