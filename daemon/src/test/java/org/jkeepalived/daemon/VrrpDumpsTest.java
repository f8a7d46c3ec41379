package org.jkeepalived.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.vrrp.codec.DropReason;
import org.jkeepalived.vrrp.engine.InstanceSnapshot;
import org.jkeepalived.vrrp.machine.VrrpState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VrrpDumpsTest {
    private static final long NOW_NS = 5_000_000_000L;
    /** 2026-11-22 06:26:21.636765 UTC. */
    private static final long NOW_EPOCH_MICROS = 1_795_328_781_636_765L;
    private static final VrrpDumps.TimeBase TIME = new VrrpDumps.TimeBase(NOW_NS, NOW_EPOCH_MICROS, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private KeepalivedConfig load() throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), """
                global_defs {
                    router_id ref1
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface lo
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    virtual_ipaddress {
                        10.77.0.100/24
                    }
                }
                """);
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false, LiveHost.system(),
                new Random(0))).config().orElseThrow();
    }

    private InstanceSnapshot master(KeepalivedConfig config, Map<DropReason, Long> drops) throws IOException {
        return new InstanceSnapshot(config.vrrp().instances().get("VI_1"), VrrpState.MASTER, 150, Optional.empty(),
                0, Optional.of(InetAddress.getByName("10.77.0.1")), NOW_NS,
                true, new InstanceSnapshot.Counters(0, 2, 1, 0, 0, 0), drops);
    }

    @Test
    void theJsonDumpHasKeepalivedsFieldsInItsOrder() throws IOException {
        KeepalivedConfig config = load();
        String json = VrrpDumps.json(List.of(master(config, Map.of())), TIME);
        assertEquals("[{\"data\":{\"iname\":\"VI_1\",\"dont_track_primary\":0,\"skip_check_adv_addr\":0,"
                + "\"strict_mode\":0,\"vmac_ifname\":\"\",\"ifp_ifname\":\"lo\",\"master_priority\":0,"
                + "\"last_transition\":1795328781.636765,\"garp_delay\":5,\"garp_refresh\":0,\"garp_rep\":5,"
                + "\"garp_refresh_rep\":1,\"garp_lower_prio_delay\":5,\"garp_lower_prio_rep\":5,"
                + "\"lower_prio_no_advert\":0,\"higher_prio_send_advert\":0,\"vrid\":51,\"base_priority\":150,"
                + "\"effective_priority\":150,\"vipset\":true,\"promote_secondaries\":false,\"adver_int\":1,"
                + "\"master_adver_int\":1,\"accept\":1,\"nopreempt\":false,\"preempt_delay\":0,\"state\":2,"
                + "\"wantstate\":2,\"version\":2,\"smtp_alert\":false,\"notify_deleted\":false,"
                + "\"vips\":[\"10.77.0.100\\/24 dev lo scope global set\"],\"auth_type\":0},"
                + "\"stats\":{\"advert_rcvd\":0,\"advert_sent\":2,\"become_master\":1,\"release_master\":0,"
                + "\"packet_len_err\":0,\"advert_interval_err\":0,\"ip_ttl_err\":0,\"invalid_type_rcvd\":0,"
                + "\"addr_list_err\":0,\"invalid_authtype\":0,\"authtype_mismatch\":0,\"auth_failure\":0,"
                + "\"pri_zero_rcvd\":0,\"pri_zero_sent\":0}}]\n", json);
    }

    @Test
    void theStatsDumpSumsDropReasonsIntoKeepalivedsCounters() throws IOException {
        KeepalivedConfig config = load();
        String stats = VrrpDumps.stats(List.of(master(config,
                Map.of(DropReason.PASSWORD, 2L, DropReason.AH_ICV, 1L, DropReason.TTL, 4L))));
        assertTrue(stats.startsWith("VRRP Instance: VI_1\n  Advertisements:\n    Received: 0\n    Sent: 2\n"
                + "  Became master: 1\n  Released master: 0\n  Packet Errors:\n    Length: 0\n    TTL: 4\n"), stats);
        assertTrue(stats.contains("  Authentication Errors:\n    Invalid Type: 0\n    Type Mismatch: 0\n"
                + "    Failure: 3\n  Priority Zero:\n"), stats);
    }

    @Test
    void theDataDumpShowsTheLiveStateAndTransitionTimeInKeepalivedsLayout() throws IOException {
        KeepalivedConfig config = load();
        String data = VrrpDumps.data(config.global(), List.of(master(config, Map.of())), TIME, 0177);
        assertTrue(data.startsWith("------< Global definitions >------\n Router ID = ref1\n"), data);
        assertTrue(data.contains(" umask = 0177\n------< VRRP Topology >------\n VRRP Instance = VI_1\n"), data);
        assertTrue(data.contains("   State = MASTER\n"), data);
        assertTrue(data.contains("   Last transition = 1795328781.636765 (Sun Nov 22 06:26:21.636765 2026)\n"), data);
        assertTrue(data.contains("   Virtual IP (1):\n     10.77.0.100/24 dev lo scope global set\n"), data);
    }
}
