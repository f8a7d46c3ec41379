package org.jkeepalived.vrrp.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.vrrp.machine.MachineSettings.GarpTiming;
import org.jkeepalived.vrrp.machine.MachineSettings.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineSettingsTest {

    @TempDir
    Path dir;

    private MachineSettings settingsOf(String config) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), config);
        KeepalivedConfig loaded = ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();
        VrrpInstance instance = loaded.vrrp().instances().get("VI_1");
        return MachineSettings.fromConfig(instance, loaded.vrrp(), loaded.global(), Optional.empty(), false);
    }

    @Test
    void stateMasterWithoutPriorityMakesAnAddressOwnerWantingMaster() throws IOException {
        MachineSettings settings = settingsOf("""
                vrrp_instance VI_1 {
                    state MASTER
                    interface lo
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                """);

        assertEquals(255, settings.basePriority());
        assertEquals(true, settings.wantMaster());
        assertEquals(1_000_000, settings.advertIntervalMicros());
        assertEquals(new GarpTiming(5_000_000, 5, 0, 1, 5_000_000, 5), settings.garp());
    }

    @Test
    void theOwnInterfaceIsTrackedFirstWithoutWeightThenTheConfiguredTrackersByKind() throws IOException {
        MachineSettings settings = settingsOf("""
                vrrp_script chk {
                    script "/bin/true"
                    init_fail
                }
                vrrp_instance VI_1 {
                    interface lo
                    virtual_router_id 51
                    priority 100
                    unicast_src_ip 10.0.0.1
                    track_script {
                        chk weight -10
                    }
                    track_interface {
                        lo weight 5
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                """);

        assertEquals(List.of(new Tracker(TrackerKind.INTERFACE, "lo", 0, false, false),
                new Tracker(TrackerKind.SCRIPT, "chk", -10, false, true)), settings.trackers());
        assertEquals(Optional.of(TestSettings.address("10.0.0.1")), settings.sourceAddress());
    }
    @Test
    void membersTrackWhatTheirSyncGroupTracksWithTheGroupsWeightOverTheirOwn() throws IOException {
        MachineSettings settings = settingsOf("""
                vrrp_script chk {
                    script "/bin/true"
                }
                vrrp_track_process web {
                    process nginx
                }
                vrrp_instance VI_1 {
                    interface lo
                    virtual_router_id 51
                    priority 100
                    track_script {
                        chk weight 10
                    }
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance VI_2 {
                    interface lo
                    virtual_router_id 52
                    priority 100
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    track_script {
                        chk weight -20 reverse
                    }
                    track_process {
                        web weight 5
                    }
                    notify_priority_changes
                }
                """);

        assertEquals(List.of(new Tracker(TrackerKind.INTERFACE, "lo", 0, false, false),
                new Tracker(TrackerKind.PROCESS, "web", 5, false, false),
                new Tracker(TrackerKind.SCRIPT, "chk", -20, true, false)), settings.trackers());
        assertEquals(true, settings.notifyPriorityChanges());
    }

    @Test
    void aSyncGroupWithAnAddressOwnerGivesItsTrackersNoWeight() throws IOException {
        MachineSettings settings = settingsOf("""
                vrrp_track_process web {
                    process nginx
                }
                vrrp_instance VI_1 {
                    interface lo
                    virtual_router_id 51
                    priority 255
                    virtual_ipaddress {
                        192.0.2.1
                    }
                }
                vrrp_instance VI_2 {
                    interface lo
                    virtual_router_id 52
                    priority 100
                    virtual_ipaddress {
                        192.0.2.2
                    }
                }
                vrrp_sync_group G {
                    group {
                        VI_1
                        VI_2
                    }
                    track_process {
                        web weight 5
                    }
                }
                """);

        assertEquals(new Tracker(TrackerKind.PROCESS, "web", 0, false, false), settings.trackers().get(1));
    }
}
