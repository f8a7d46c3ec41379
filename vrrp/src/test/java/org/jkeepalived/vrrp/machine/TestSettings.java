package org.jkeepalived.vrrp.machine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.vrrp.machine.MachineSettings.GarpTiming;
import org.jkeepalived.vrrp.machine.MachineSettings.Tracker;

/** keepalived's defaults for an instance VI_1 on eth0 at 10.0.0.1, changed one setting at a time. */
final class TestSettings {

    static final long SECOND_NS = 1_000_000_000L;

    String name = "VI_1";
    int version = 2;
    int priority = 100;
    long advertIntervalMicros = 1_000_000;
    boolean wantMaster;
    boolean nopreempt;
    long preemptDelayMicros;
    boolean lowerPrioNoAdvert;
    boolean higherPrioSendAdvert;
    String sourceAddress = "10.0.0.1";
    GarpTiming garp = new GarpTiming(5_000_000, 5, 0, 1, 5_000_000, 5);
    final List<Tracker> trackers = new ArrayList<>(List.of(new Tracker(TrackerKind.INTERFACE, "eth0", 0, false,
            false)));
    final Map<String, ScriptSpec> notifyScripts = new LinkedHashMap<>();
    boolean notifyPriorityChanges;
    boolean logDetail;
    long startupDelayMicros;
    boolean notifyDeleted;

    TestSettings name(String newName) {
        name = newName;
        return this;
    }

    TestSettings priority(int newPriority) {
        priority = newPriority;
        return this;
    }

    TestSettings track(TrackerKind kind, String trackerName, int weight) {
        trackers.add(new Tracker(kind, trackerName, weight, false, false));
        return this;
    }

    TestSettings notify(String keyword, String... argv) {
        notifyScripts.put(keyword, new ScriptSpec(keyword, List.of(argv), new ScriptIdentity(0, 0),
                new Location("keepalived.conf", 1)));
        return this;
    }

    MachineSettings build() {
        return new MachineSettings(name, version, priority, advertIntervalMicros, wantMaster, nopreempt,
                preemptDelayMicros, 3, lowerPrioNoAdvert, higherPrioSendAdvert, Optional.of(address(sourceAddress)),
                garp, trackers, Optional.of("eth0"), notifyScripts, notifyPriorityChanges, logDetail,
                startupDelayMicros, notifyDeleted);
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ReceivedAdvert advert(int priority, String source) {
        return new ReceivedAdvert(2, priority, 100, address(source));
    }
}
