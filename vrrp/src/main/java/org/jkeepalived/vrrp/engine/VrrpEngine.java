package org.jkeepalived.vrrp.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jkeepalived.config.SameSettings;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.config.vrrp.SyncGroup;
import org.jkeepalived.config.vrrp.TrackFile;
import org.jkeepalived.config.vrrp.VirtualAddress;
import org.jkeepalived.config.vrrp.VrrpConfig;
import org.jkeepalived.config.vrrp.VrrpInstance;
import org.jkeepalived.config.vrrp.VrrpScript;
import org.jkeepalived.libc.NativeIoException;
import org.jkeepalived.libc.ReceivedVrrpPacket;
import org.jkeepalived.libc.VrrpSocket;
import org.jkeepalived.libc.VrrpSocketConfig;
import org.jkeepalived.libc.netlink.RtnetlinkClient;
import org.jkeepalived.vrrp.codec.AddressFamily;
import org.jkeepalived.vrrp.codec.Decoded;
import org.jkeepalived.vrrp.codec.DropReason;
import org.jkeepalived.vrrp.codec.Ipv6Reception;
import org.jkeepalived.vrrp.codec.Peek;
import org.jkeepalived.vrrp.codec.VrrpCodec;
import org.jkeepalived.vrrp.machine.MachineSettings;
import org.jkeepalived.vrrp.machine.ReceivedAdvert;
import org.jkeepalived.vrrp.machine.SyncGroupMachine;
import org.jkeepalived.vrrp.machine.TrackerEvent;
import org.jkeepalived.vrrp.machine.TrackerKind;
import org.jkeepalived.vrrp.machine.VrrpInstanceMachine;
import org.jkeepalived.vrrp.machine.VrrpState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived 2.2.7's VRRP process for one configuration: one thread owns every instance and sync group machine,
 * the VRRP sockets (one pair per interface, family and multicast group or unicast source, as keepalived's sockpool),
 * an rtnetlink client for the virtual addresses, a packet socket per interface for gratuitous ARPs and a netlink
 * link monitor. It sleeps in poll(2) until a socket is readable, another thread posts work, or the earliest machine
 * deadline. Scripts (notify and {@code vrrp_script}) run on threads of their own; their results come back to the
 * loop. Nothing that fails here (a socket that cannot open, a netlink error) ends the loop: it is logged, and an
 * instance without a working socket stays in FAULT as keepalived's would.
 *
 * Static addresses, routes and rules are set at start and cleared at the end, whatever {@code -V} says, as
 * keepalived's VRRP process does.
 *
 * <p>Not acted on yet: BFD.
 */
public final class VrrpEngine {

    private static final Logger LOG = LoggerFactory.getLogger("Keepalived_vrrp");
    private static final long STOP_JOIN_MILLIS = 2_000;
    private static final int RTNETLINK_REPLY_TIMEOUT_MILLIS = 1_000;
    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    private static final int SEND_BUFFER_BYTES = 2 * 1024;
    /** Wake at least this often even with nothing due, so a lost wake-up can never stall the loop. */
    private static final int MAX_SLEEP_MILLIS = 1_000;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long RELOAD_POLL_MILLIS = 100;
    private static final int MICROS_SCALE = 6;

    /** Written by the loop thread only, at a reload; volatile for readers elsewhere. */
    private volatile VrrpConfig config;
    private volatile GlobalDefs global;
    private final boolean logDetail;
    private final LongSupplier nanoClock;
    private final MasterListener masterListener;
    private final AlertListener alertListener;
    private final Map<String, VrrpState> publishedStates = new ConcurrentHashMap<>();
    private final Map<String, DropCounters> dropCounters = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final CountDownLatch running = new CountDownLatch(1);
    private final Loop loop = new Loop();
    private volatile boolean stopRequested;
    private volatile boolean releaseOnStop = true;
    private volatile int wakeFd = -1;
    private Thread thread;

    /**
     * @param logDetail  keepalived's {@code --log-detail} ({@code -D}): the lines it logs only then
     * @param nanoClock  the monotonic clock the machines run on, {@code System::nanoTime} outside tests
     */
    public VrrpEngine(VrrpConfig config, GlobalDefs global, boolean logDetail, LongSupplier nanoClock) {
        this(config, global, logDetail, nanoClock, MasterListener.NONE);
    }

    /** @param masterListener told on the loop thread when an instance becomes or leaves master */
    public VrrpEngine(VrrpConfig config, GlobalDefs global, boolean logDetail, LongSupplier nanoClock,
                      MasterListener masterListener) {
        this(config, global, logDetail, nanoClock, masterListener, AlertListener.NONE);
    }

    /** @param alertListener told on the loop thread when an instance or group has notified a new state */
    public VrrpEngine(VrrpConfig config, GlobalDefs global, boolean logDetail, LongSupplier nanoClock,
                      MasterListener masterListener, AlertListener alertListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.global = Objects.requireNonNull(global, "global");
        this.logDetail = logDetail;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.masterListener = Objects.requireNonNull(masterListener, "masterListener");
        this.alertListener = Objects.requireNonNull(alertListener, "alertListener");
    }

    /** Starts the loop thread and returns once it has opened its sockets and started the machines. */
    public void start() throws InterruptedException {
        if (thread != null) {
            throw new IllegalStateException("start: already started");
        }
        thread = new Thread(loop::run, "vrrp");
        thread.setDaemon(true);
        thread.start();
        running.await();
    }

    /**
     * Stops the machines as keepalived's shutdown does: masters send a priority 0 advert and remove their virtual
     * addresses, STOP notifications go out. With {@code release} false (keepalived's {@code -V}) nothing is sent
     * or removed. Waits up to two seconds for the loop thread to end.
     */
    public void stop(boolean release) throws InterruptedException {
        if (thread == null) {
            return;
        }
        releaseOnStop = release;
        stopRequested = true;
        wake();
        thread.join(STOP_JOIN_MILLIS);
        if (thread.isAlive()) {
            LOG.warn("VRRP loop did not stop within {} ms", STOP_JOIN_MILLIS);
        }
    }

    /**
     * Applies {@code newConfig} on the loop thread as the difference from the running one, and returns once it is
     * applied. Instances whose settings are the same (locations in the files aside) are not touched: no flap, no new
     * election. An instance still there with other settings keeps its state as keepalived 2.2.7's reload keeps it
     * ({@link VrrpInstanceMachine#resume}); a master adds its new addresses, then removes those no longer configured.
     * New instances start as at start-up; removed ones stop ({@link VrrpInstanceMachine#remove}). Unchanged track
     * scripts and sockets are reused. Does nothing once the loop has ended.
     */
    public void reload(VrrpConfig newConfig, GlobalDefs newGlobal) throws InterruptedException {
        Objects.requireNonNull(newConfig, "newConfig");
        Objects.requireNonNull(newGlobal, "newGlobal");
        CompletableFuture<Void> applied = new CompletableFuture<>();
        post(() -> {
            try {
                loop.applyReload(newConfig, newGlobal);
            } finally {
                applied.complete(null);
            }
        });
        while (thread != null && thread.isAlive()) {
            try {
                applied.get(RELOAD_POLL_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                // the loop may have ended without running the reload: look again
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    /** Each instance's state as the loop last saw it. */
    public Map<String, VrrpState> states() {
        return Map.copyOf(publishedStates);
    }

    /** Each instance's dropped adverts by reason, for the stats dump. */
    public Map<String, Map<DropReason, Long>> dropCounts() {
        Map<String, Map<DropReason, Long>> counts = new LinkedHashMap<>();
        dropCounters.forEach((name, counters) -> counts.put(name, counters.snapshot()));
        return counts;
    }

    /**
     * Each instance as the loop sees it, taken on the loop thread, for the dumps; with {@code clearStats}
     * (keepalived's SIGSTATS_CLEAR) the counters start again from zero afterwards. Completes with no instances when
     * the loop is not running; a loop that stops before taking it leaves it incomplete, so callers wait with a
     * timeout.
     */
    public CompletableFuture<List<InstanceSnapshot>> snapshot(boolean clearStats) {
        CompletableFuture<List<InstanceSnapshot>> taken = new CompletableFuture<>();
        if (thread == null || !thread.isAlive()) {
            taken.complete(List.of());
            return taken;
        }
        post(() -> taken.complete(loop.snapshot(clearStats)));
        return taken;
    }

    /** Runs {@code work} on the loop thread. */
    private void post(Runnable work) {
        posted.add(work);
        wake();
    }

    private void wake() {
        int fd = wakeFd;
        if (fd >= 0) {
            try {
                LoopNative.signalEventFd(fd);
            } catch (NativeIoException e) {
                LOG.warn("VRRP loop wake-up failed: {}", e.getMessage());
            }
        }
    }

    /** A socket pair and the instances that share it. */
    private record PooledSocket(VrrpSocket socket, List<InstanceRuntime> members) {
    }

    /** Everything the loop thread owns. */
    private final class Loop implements EngineIo {
        private final ByteBuffer sendBuffer = ByteBuffer.allocate(SEND_BUFFER_BYTES);
        private final ByteBuffer receiveBuffer = ByteBuffer.allocate(RECEIVE_BUFFER_BYTES);
        private final List<InstanceRuntime> instances = new ArrayList<>();
        private final Map<String, InstanceRuntime> byName = new LinkedHashMap<>();
        private final List<SyncGroupMachine> groups = new ArrayList<>();
        private final Map<SocketKey, PooledSocket> sockets = new LinkedHashMap<>();
        private RoutingSet staticRouting;
        private GratuitousUpdates gratuitousUpdates;
        private final List<TrackScript> trackScripts = new ArrayList<>();
        private Map<String, LinkState> links = Map.of();
        private RtnetlinkClient rtnetlink;
        private LinkMonitor linkMonitor;
        private ScriptRunner scripts;
        private NotifyFifo notifyFifo;
        private VirtualMacs virtualMacs;
        private TrackFiles trackFiles;
        private TrackProcesses trackProcesses;

        void run() {
            try {
                setUp();
            } catch (IOException | RuntimeException e) {
                LOG.error("VRRP engine cannot start: {}", e.getMessage());
                stopRequested = true;
            } finally {
                running.countDown();
            }
            try {
                while (!stopRequested) {
                    turn();
                }
                if (releaseOnStop) {
                    stopMachines();
                }
            } catch (RuntimeException e) {
                LOG.error("VRRP loop failed", e);
            } finally {
                tearDown();
            }
        }

        private void setUp() throws IOException {
            wakeFd = LoopNative.openEventFd();
            scripts = new ScriptRunner(ScriptRunner.currentIdentity());
            notifyFifo = new NotifyFifo(notifyFifoPaths(global), this::log);
            rtnetlink = RtnetlinkClient.open(RTNETLINK_REPLY_TIMEOUT_MILLIS);
            links = LinkTable.read(rtnetlink);
            gratuitousUpdates = new GratuitousUpdates(global.garp().garpIntervalMicros(),
                    global.garp().gnaIntervalMicros(), this::link, this);
            staticRouting = new RoutingSet(config.staticRoutes(), config.staticRules());
            StaticEntries.install(this, config.staticAddresses(), staticRouting);
            try {
                linkMonitor = LinkMonitor.open();
            } catch (NativeIoException e) {
                log("Link monitor cannot open, interface changes go unnoticed: " + e.getMessage());
            }
            virtualMacs = new VirtualMacs(this);
            if (global.vrrpStartupDelayMicros() > 0) {
                log("Delaying startup for " + BigDecimal.valueOf(global.vrrpStartupDelayMicros(), MICROS_SCALE)
                        .stripTrailingZeros().toPlainString() + " seconds");
            }
            long nowNs = nanoClock.getAsLong();
            for (VrrpInstance instance : config.instances().values()) {
                InstanceRuntime runtime = newRuntime(instance);
                setUpVirtualMac(runtime);
                register(runtime);
                reportInitialLinks(runtime, nowNs);
            }
            for (SyncGroup group : config.syncGroups().values()) {
                newGroup(group).ifPresent(groups::add);
            }
            for (VrrpScript script : config.scripts().values()) {
                trackScripts.add(new TrackScript(script, nowNs));
            }
            trackFiles = TrackFiles.open(trackedFiles(), this::log);
            trackFiles.currentValues().forEach(event -> trackerChanged(event, nowNs));
            trackProcesses = TrackProcesses.open(config.trackers().processes(), this::log, nowNs);
            trackProcesses.currentValues().forEach(event -> trackerChanged(event, nowNs));
            groups.forEach(group -> group.start(nowNs));
            ungrouped(instances).forEach(runtime -> runtime.machine.start(nowNs));
            publishStates();
        }

        private List<String> notifyFifoPaths(GlobalDefs defs) {
            List<String> paths = new ArrayList<>();
            defs.notifyFifo().ifPresent(fifo -> paths.add(fifo.path()));
            defs.vrrpNotifyFifo().ifPresent(fifo -> paths.add(fifo.path()));
            return paths;
        }

        /** An instance's runtime and machine for the current config, not yet started nor in the loop's lists. */
        private InstanceRuntime newRuntime(VrrpInstance instance) {
            InstanceRuntime runtime = new InstanceRuntime(instance, global,
                    instance.interfaceName().flatMap(this::link));
            runtime.settings = MachineSettings.fromConfig(instance, config, global, runtime.sourceAddress, logDetail);
            runtime.machine = new VrrpInstanceMachine(runtime.settings, EngineEffects.forInstance(this, runtime));
            return runtime;
        }

        private void register(InstanceRuntime runtime) {
            instances.add(runtime);
            byName.put(runtime.name(), runtime);
            dropCounters.put(runtime.name(), runtime.drops);
            openSocket(runtime);
        }

        /** The machine of a configured sync group over the instances in {@link #byName}; none without members. */
        private Optional<SyncGroupMachine> newGroup(SyncGroup group) {
            List<VrrpInstanceMachine> members = group.members().stream().map(byName::get)
                    .filter(Objects::nonNull).map(runtime -> runtime.machine).toList();
            if (members.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SyncGroupMachine(group.name(), members, group.notifyScripts(),
                    EngineEffects.forGroup(this)));
        }

        /** The instances of {@code runtimes} in no sync group of the current config. */
        private List<InstanceRuntime> ungrouped(List<InstanceRuntime> runtimes) {
            return runtimes.stream().filter(runtime -> ReloadPlan.groupOf(config, runtime.name()).isEmpty()).toList();
        }

        // keepalived's reload (vrrp_daemon.c reload_vrrp_thread, vrrp.c clear_diff_vrrp), applied as a difference.
        void applyReload(VrrpConfig newConfig, GlobalDefs newGlobal) {
            long nowNs = nanoClock.getAsLong();
            VrrpConfig oldConfig = config;
            refreshLinks();
            if (!notifyFifoPaths(global).equals(notifyFifoPaths(newGlobal))) {
                notifyFifo.close();
                notifyFifo = new NotifyFifo(notifyFifoPaths(newGlobal), this::log);
            }
            config = newConfig;
            global = newGlobal;
            Map<String, InstanceRuntime> previous = new LinkedHashMap<>(byName);
            Map<String, InstanceRuntime> candidates = new LinkedHashMap<>();
            newConfig.instances().values().forEach(instance -> candidates.put(instance.name(), newRuntime(instance)));
            ReloadPlan plan = ReloadPlan.of(oldConfig, newConfig, previous, candidates);
            for (String name : plan.removed()) {
                InstanceRuntime gone = previous.get(name);
                gone.machine.remove(nowNs);
                cancelGratuitousUpdates(name);
            }
            List<SyncGroupMachine> keptGroups = groups.stream()
                    .filter(group -> plan.keptGroups().contains(group.name())).toList();
            Map<String, VrrpState> previousGroupStates = new LinkedHashMap<>();
            groups.forEach(group -> previousGroupStates.put(group.name(), group.state()));
            instances.clear();
            byName.clear();
            sockets.values().forEach(pooled -> pooled.members().clear());
            List<InstanceRuntime> started = new ArrayList<>();
            for (InstanceRuntime candidate : candidates.values()) {
                InstanceRuntime runtime = plan.kept().contains(candidate.name())
                        ? previous.get(candidate.name()) : candidate;
                if (runtime == candidate) {
                    Optional<InstanceRuntime> resumedFrom = plan.resumedFrom(candidate.name());
                    resumedFrom.ifPresent(old -> candidate.receiverState = old.receiverState);
                    started.add(candidate);
                    try {
                        inheritOrSetUpVirtualMac(candidate, resumedFrom);
                    } catch (IOException e) {
                        log("(" + candidate.name() + ") VMAC not set up at reload: " + e.getMessage());
                    }
                }
                register(runtime);
            }
            closeUnusedSockets();
            releaseUnusedVirtualMacs(previous.values());
            reloadTrackScripts(newConfig, nowNs);
            reloadTrackFilesAndProcesses(newConfig, nowNs);
            started.forEach(runtime -> reportInitialTrackers(runtime, nowNs));
            groups.clear();
            groups.addAll(keptGroups);
            for (SyncGroup group : newConfig.syncGroups().values()) {
                if (!plan.keptGroups().contains(group.name())) {
                    newGroup(group).ifPresent(machine -> {
                        groups.add(machine);
                        machine.resume(plan.resumedMachines(), Optional.ofNullable(previousGroupStates.get(
                                group.name())), nowNs);
                    });
                }
            }
            for (InstanceRuntime runtime : ungrouped(started)) {
                Optional<InstanceRuntime> old = plan.resumedFrom(runtime.name());
                if (old.isPresent()) {
                    runtime.machine.resume(old.get().machine, nowNs);
                } else {
                    runtime.machine.start(nowNs);
                }
            }
            started.forEach(runtime -> plan.resumedFrom(runtime.name())
                    .ifPresent(old -> editAddresses(old, runtime, nowNs)));
            publishedStates.keySet().retainAll(byName.keySet());
            dropCounters.keySet().retainAll(byName.keySet());
            publishStates();
            log("Reloaded VRRP: " + plan.describe());
        }

        /** keepalived's reload reads the interfaces again: new ones can be used, addresses may have moved. */
        private void refreshLinks() {
            try {
                links = LinkTable.read(rtnetlink);
            } catch (IOException | RuntimeException e) {
                log("Reload: interfaces not read again, keeping what was known: " + e.getMessage());
            }
        }

        /**
         * A master kept through a reload adds the addresses of its new configuration (those it has already are
         * left as they are), then removes the old ones no longer configured, and sends gratuitous updates when it
         * gained some, as keepalived's restore_vrrp_state and clear_diff_vrrp_vip.
         */
        private void editAddresses(InstanceRuntime old, InstanceRuntime runtime, long nowNs) {
            Set<AddressKey> newKeys = AddressKey.allOf(runtime);
            if (runtime.machine.addressesSet()) {
                EngineEffects.forInstance(this, runtime).addVirtualAddresses();
            }
            if (old.machine.addressesSet()) {
                List<VirtualAddress> stale = AddressKey.addressesOf(old).stream()
                        .filter(address -> !newKeys.contains(AddressKey.of(old, address))).toList();
                EngineEffects.forInstance(this, old).removeAddresses(stale);
            }
            if (runtime.machine.addressesSet() && old.machine.addressesSet()
                    && !AddressKey.allOf(old).containsAll(newKeys)) {
                runtime.machine.addressesAdded(nowNs);
            }
        }

        private void closeUnusedSockets() {
            sockets.values().removeIf(pooled -> {
                if (pooled.members().isEmpty()) {
                    closeQuietly(pooled.socket());
                    return true;
                }
                return false;
            });
        }

        /** Unchanged track scripts carry on; changed ones take their verdict over; new ones start. */
        private void reloadTrackScripts(VrrpConfig newConfig, long nowNs) {
            Map<String, TrackScript> previous = new LinkedHashMap<>();
            trackScripts.forEach(script -> previous.put(script.name(), script));
            trackScripts.clear();
            List<String> lines = new ArrayList<>();
            for (VrrpScript script : newConfig.scripts().values()) {
                TrackScript old = previous.get(script.name());
                if (old == null) {
                    trackScripts.add(new TrackScript(script, nowNs));
                } else if (SameSettings.of(old.config(), script)) {
                    trackScripts.add(old);
                } else {
                    trackScripts.add(TrackScript.reloaded(script, old, nowNs, lines));
                }
            }
            lines.forEach(this::log);
        }

        /** A machine started at a reload learns its trackers' states first, as at start-up. */
        private void reportInitialTrackers(InstanceRuntime runtime, long nowNs) {
            reportInitialLinks(runtime, nowNs);
            for (TrackScript script : trackScripts) {
                script.verdict().ifPresent(ok -> runtime.machine.onTrackerChange(
                        new TrackerEvent.ScriptResult(script.name(), ok), nowNs));
            }
            trackFiles.currentValues().forEach(event -> runtime.machine.onTrackerChange(event, nowNs));
            trackProcesses.currentValues().forEach(event -> runtime.machine.onTrackerChange(event, nowNs));
        }

        /**
         * Files and processes tracked after a reload: a changed set is watched anew (new files watched, files no
         * longer tracked unwatched, {@code init_file} written as when keepalived parses it again), and every machine
         * hears the values read then; a machine that already had them sees no change.
         */
        private void reloadTrackFilesAndProcesses(VrrpConfig newConfig, long nowNs) {
            Map<String, TrackFile> files = trackedFiles();
            if (!files.equals(trackFiles.files())) {
                try {
                    TrackFiles reopened = TrackFiles.open(files, this::log);
                    closeQuietly(trackFiles);
                    trackFiles = reopened;
                } catch (NativeIoException e) {
                    log("track_file: keeping the files watched before the reload: " + e.getMessage());
                }
            }
            if (!newConfig.trackers().processes().equals(trackProcesses.processes())) {
                closeQuietly(trackProcesses);
                trackProcesses = TrackProcesses.open(newConfig.trackers().processes(), this::log, nowNs);
            }
            trackFiles.currentValues().forEach(event -> trackerChanged(event, nowNs));
            trackProcesses.currentValues().forEach(event -> trackerChanged(event, nowNs));
        }

        /**
         * A changed instance on the same virtual router keeps the macvlan it had when its {@code use_vmac} settings
         * are the same; otherwise it finds or makes its own.
         */
        private void inheritOrSetUpVirtualMac(InstanceRuntime candidate, Optional<InstanceRuntime> resumedFrom)
                throws IOException {
            Optional<InstanceRuntime> sameVmac = resumedFrom.filter(old -> old.vmacName.isPresent()
                    && old.config.vmac().equals(candidate.config.vmac()));
            if (sameVmac.isPresent()) {
                candidate.vmacName = sameVmac.get().vmacName;
            } else {
                setUpVirtualMac(candidate);
            }
        }

        /** keepalived's clear_diff_vrrp deletes the macvlans of removed instances and of those without use_vmac. */
        private void releaseUnusedVirtualMacs(Collection<InstanceRuntime> previous) {
            Set<String> used = new HashSet<>();
            instances.forEach(runtime -> runtime.vmacName.ifPresent(used::add));
            previous.stream().flatMap(runtime -> runtime.vmacName.stream()).filter(name -> !used.contains(name))
                    .distinct().forEach(virtualMacs::release);
        }

        private void setUpVirtualMac(InstanceRuntime runtime) throws IOException {
            if (runtime.config.vmac().isEmpty() || runtime.link.isEmpty()) {
                return;
            }
            runtime.vmacName = virtualMacs.setUp(runtime.config, runtime.family, runtime.link.get(),
                    runtime.sourceAddress.filter(Inet6Address.class::isInstance).map(Inet6Address.class::cast));
            if (runtime.vmacName.isPresent()) {
                links = LinkTable.read(rtnetlink);
            }
        }

        private void openSocket(InstanceRuntime runtime) {
            Optional<SocketKey> key = runtime.socketKey();
            if (key.isEmpty()) {
                if (runtime.config.interfaceName().isEmpty()) {
                    log("(" + runtime.name() + ") has neither an interface nor a unicast source address to send from");
                } else {
                    log("(" + runtime.name() + ") entering FAULT state (no IPv" + runtime.family.ipVersion()
                            + " address for interface)");
                }
                return;
            }
            joinSocketPool(runtime, key.get());
        }

        /** The pooled socket for {@code key}, opened when none is; on failure the instance has none. */
        private void joinSocketPool(InstanceRuntime runtime, SocketKey key) {
            PooledSocket pooled = sockets.get(key);
            if (pooled == null) {
                VrrpSocketConfig socketConfig = new VrrpSocketConfig(key.interfaceName(),
                        runtime.sourceAddress.orElseThrow(),
                        runtime.unicast() ? Optional.empty() : Optional.of(runtime.multicastGroup), 0,
                        OptionalInt.empty(), key.ipProtocol());
                try {
                    pooled = new PooledSocket(VrrpSocket.open(socketConfig), new ArrayList<>());
                } catch (NativeIoException | RuntimeException e) {
                    log("(" + runtime.name() + ") cannot open its VRRP socket: " + e.getMessage());
                    return;
                }
                sockets.put(key, pooled);
            }
            pooled.members().add(runtime);
            runtime.socket = Optional.of(pooled.socket());
        }

        /** Link states and the source address known before the machines start count as their starting state. */
        private void reportInitialLinks(InstanceRuntime runtime, long nowNs) {
            if (!runtime.link.map(LinkState::up).orElse(false)) {
                runtime.machine.onInterfaceChange(false, nowNs);
            }
            if (runtime.socket.isEmpty()) {
                runtime.machine.onSourceAddressChange(Optional.empty(), nowNs);
            }
            for (MachineSettings.Tracker tracked : runtime.settings.trackers()) {
                boolean own = runtime.config.interfaceName().filter(tracked.name()::equals).isPresent();
                if (tracked.kind() == TrackerKind.INTERFACE && !own) {
                    boolean up = link(tracked.name()).map(LinkState::up).orElse(false);
                    runtime.machine.onTrackerChange(new TrackerEvent.InterfaceLink(tracked.name(), up), nowNs);
                }
            }
        }

        private void turn() {
            long nowNs = nanoClock.getAsLong();
            runDue(nowNs);
            List<Integer> fds = new ArrayList<>();
            fds.add(wakeFd);
            if (linkMonitor != null) {
                fds.add(linkMonitor.fd());
            }
            Optional<Integer> trackFilesFd = trackFiles.fd();
            trackFilesFd.ifPresent(fds::add);
            Optional<Integer> processEventsFd = trackProcesses.fd();
            processEventsFd.ifPresent(fds::add);
            List<PooledSocket> polled = new ArrayList<>(sockets.values());
            polled.forEach(pooled -> fds.add(pooled.socket().receiveFd()));
            boolean[] readable;
            try {
                readable = LoopNative.pollReadable(fds, sleepMillis(nanoClock.getAsLong()));
            } catch (NativeIoException e) {
                log("VRRP loop: " + e.getMessage());
                return;
            }
            int index = 0;
            if (readable[index++]) {
                drainPosted();
            }
            if (linkMonitor != null && readable[index++]) {
                readLinkChanges();
            }
            if (trackFilesFd.isPresent() && readable[index++]) {
                trackFiles.changes().forEach(event -> trackerChanged(event, nanoClock.getAsLong()));
            }
            if (processEventsFd.isPresent() && readable[index++]) {
                long eventsNs = nanoClock.getAsLong();
                trackProcesses.readEvents(eventsNs).forEach(event -> trackerChanged(event, eventsNs));
            }
            for (PooledSocket pooled : polled) {
                if (readable[index++]) {
                    receiveAll(pooled);
                }
            }
            publishStates();
        }

        private void runDue(long nowNs) {
            for (InstanceRuntime runtime : instances) {
                long deadlineNs = runtime.machine.nextDeadlineNs();
                if (deadlineNs != VrrpInstanceMachine.NO_DEADLINE && nowNs - deadlineNs >= 0) {
                    runtime.machine.doWork(nowNs);
                }
            }
            for (TrackScript script : trackScripts) {
                if (script.isDue(nowNs)) {
                    startTrackScript(script, nowNs);
                }
            }
            gratuitousUpdates.sendDue(nowNs);
            trackProcesses.runDue(nowNs).forEach(event -> trackerChanged(event, nowNs));
        }

        private int sleepMillis(long nowNs) {
            long earliestNs = Long.MAX_VALUE;
            for (InstanceRuntime runtime : instances) {
                earliestNs = Math.min(earliestNs, runtime.machine.nextDeadlineNs());
            }
            for (TrackScript script : trackScripts) {
                earliestNs = Math.min(earliestNs, script.nextRunNs());
            }
            earliestNs = Math.min(earliestNs, gratuitousUpdates.nextDueNs());
            earliestNs = Math.min(earliestNs, trackProcesses.nextDeadlineNs());
            if (earliestNs == Long.MAX_VALUE) {
                return MAX_SLEEP_MILLIS;
            }
            long waitNs = Math.max(0, earliestNs - nowNs);
            return (int) Math.min(MAX_SLEEP_MILLIS, (waitNs + NANOS_PER_MILLI - 1) / NANOS_PER_MILLI);
        }

        private void drainPosted() {
            try {
                LoopNative.drainEventFd(wakeFd);
            } catch (NativeIoException e) {
                log("VRRP loop: " + e.getMessage());
            }
            for (Runnable work = posted.poll(); work != null; work = posted.poll()) {
                work.run();
            }
        }

        private void startTrackScript(TrackScript script, long nowNs) {
            List<String> lines = new ArrayList<>();
            boolean start = script.intervalDue(nowNs, lines);
            lines.forEach(this::log);
            if (start) {
                scripts.run(script.argv(), script.runAs(), script.timeoutMicros())
                        .thenAccept(outcome -> post(() -> trackScriptFinished(script, outcome)));
            }
        }

        private void trackScriptFinished(TrackScript script, ScriptOutcome outcome) {
            if (!trackScripts.contains(script)) {
                // a reload replaced it while it ran
                return;
            }
            List<String> lines = new ArrayList<>();
            Optional<Boolean> verdict = script.finished(outcome, lines);
            lines.forEach(this::log);
            verdict.ifPresent(ok -> trackerChanged(new TrackerEvent.ScriptResult(script.name(), ok),
                    nanoClock.getAsLong()));
        }

        private void trackerChanged(TrackerEvent event, long nowNs) {
            instances.forEach(runtime -> runtime.machine.onTrackerChange(event, nowNs));
        }

        /** The track_file blocks some instance tracks, itself or through its sync group. */
        private Map<String, TrackFile> trackedFiles() {
            Map<String, TrackFile> tracked = new LinkedHashMap<>();
            for (InstanceRuntime runtime : instances) {
                for (MachineSettings.Tracker tracker : runtime.settings.trackers()) {
                    Optional.ofNullable(config.trackFiles().get(tracker.name()))
                            .filter(file -> tracker.kind() == TrackerKind.FILE)
                            .ifPresent(trackFile -> tracked.put(tracker.name(), trackFile));
                }
            }
            return tracked;
        }

        private void readLinkChanges() {
            LinkMonitor.Changes changes;
            try {
                changes = linkMonitor.drain();
            } catch (IOException | RuntimeException e) {
                log("Link monitor: " + e.getMessage());
                return;
            }
            long nowNs = nanoClock.getAsLong();
            boolean readAgain = changes.interfacesOrAddresses();
            for (LinkMonitor.LinkChange change : changes.links()) {
                Optional<LinkState> known = link(change.name());
                if (known.isEmpty()) {
                    readAgain = true;
                } else if (known.get().up() != change.up()) {
                    Map<String, LinkState> updated = new LinkedHashMap<>(links);
                    updated.put(change.name(), known.get().withUp(change.up()));
                    links = updated;
                    linkChanged(change.name(), change.up(), nowNs);
                }
            }
            if (readAgain) {
                followInterfaces(nowNs);
            }
        }

        private void linkChanged(String name, boolean up, long nowNs) {
            log("Netlink reports " + name + (up ? " up" : " down"));
            TrackerEvent event = new TrackerEvent.InterfaceLink(name, up);
            for (InstanceRuntime runtime : instances) {
                if (runtime.config.interfaceName().filter(name::equals).isPresent()) {
                    runtime.machine.onInterfaceChange(up, nowNs);
                } else {
                    runtime.machine.onTrackerChange(event, nowNs);
                }
            }
        }

        /**
         * An interface came or went, or an address did: the table is read again, an interface that appeared or
         * disappeared counts as going up or down, and each instance follows its interface's addresses.
         */
        private void followInterfaces(long nowNs) {
            Map<String, LinkState> before = links;
            try {
                links = LinkTable.read(rtnetlink);
            } catch (IOException | RuntimeException e) {
                log("Link monitor: interfaces not read again: " + e.getMessage());
                return;
            }
            Set<String> names = new LinkedHashSet<>(before.keySet());
            names.addAll(links.keySet());
            for (String name : names) {
                boolean wasUp = Optional.ofNullable(before.get(name)).map(LinkState::up).orElse(false);
                boolean isUp = link(name).map(LinkState::up).orElse(false);
                if (wasUp != isUp) {
                    linkChanged(name, isUp, nowNs);
                }
            }
            Set<InetAddress> virtualAddresses = new HashSet<>();
            instances.forEach(runtime -> AddressKey.addressesOf(runtime).forEach(
                    address -> virtualAddresses.add(address.address())));
            instances.forEach(runtime -> followInterface(runtime, virtualAddresses, nowNs));
            closeUnusedSockets();
        }

        /**
         * keepalived's netlink_if_address_filter for one instance: an instance that gains an address to send from
         * leaves the FAULT the missing address held it in; one that loses its address with no other to take goes to
         * FAULT; one whose interface was made again sends through a new socket.
         */
        private void followInterface(InstanceRuntime runtime, Set<InetAddress> virtualAddresses, long nowNs) {
            Optional<LinkState> now = runtime.config.interfaceName().flatMap(this::link);
            Optional<InetAddress> source = runtime.sourceOnceRead(now, virtualAddresses);
            boolean remade = !now.map(LinkState::index).equals(runtime.link.map(LinkState::index));
            runtime.link = now;
            if (source.equals(runtime.sourceAddress) && !remade) {
                return;
            }
            runtime.sourceAddress = source;
            sockets.values().forEach(pooled -> pooled.members().remove(runtime));
            runtime.socket = Optional.empty();
            runtime.socketKey().ifPresent(key -> joinSocketPool(runtime, key));
            runtime.machine.onSourceAddressChange(runtime.socket.isPresent() ? source : Optional.empty(), nowNs);
        }

        private void receiveAll(PooledSocket pooled) {
            while (true) {
                receiveBuffer.clear();
                Optional<ReceivedVrrpPacket> received;
                try {
                    received = pooled.socket().receive(receiveBuffer);
                } catch (NativeIoException e) {
                    log("VRRP receive on " + pooled.socket().config().interfaceName() + ": " + e.getMessage());
                    return;
                }
                if (received.isEmpty()) {
                    return;
                }
                receiveBuffer.flip();
                dispatch(pooled, received.get(), receiveBuffer);
            }
        }

        private void dispatch(PooledSocket pooled, ReceivedVrrpPacket packet, ByteBuffer bytes) {
            boolean ipv6 = pooled.socket().config().isIpv6();
            Peek peek = VrrpCodec.peek(ipv6 ? AddressFamily.IPV6 : AddressFamily.IPV4, bytes);
            if (peek instanceof Peek.TooShort tooShort) {
                log(tooShort.logMessage());
                return;
            }
            int virtualRouterId = ((Peek.Header) peek).virtualRouterId();
            List<InstanceRuntime> candidates = pooled.members().stream()
                    .filter(runtime -> runtime.config.virtualRouterId() == virtualRouterId).toList();
            Optional<InstanceRuntime> target = candidates.stream()
                    .filter(runtime -> runtime.config.unicastPeers().stream()
                            .anyMatch(peer -> peer.address().equals(packet.source())))
                    .findFirst().or(() -> candidates.stream().findFirst());
            if (target.isEmpty()) {
                return;
            }
            InstanceRuntime runtime = target.get();
            VrrpState state = runtime.machine.state();
            if (state != VrrpState.BACKUP && state != VrrpState.MASTER) {
                return;
            }
            Decoded decoded = ipv6
                    ? VrrpCodec.decodeIpv6(bytes, new Ipv6Reception((Inet6Address) packet.source(),
                            packet.destination().isMulticastAddress(), packet.hopLimit()),
                            runtime.receiverSettings, runtime.receiverState)
                    : VrrpCodec.decodeIpv4(bytes, runtime.receiverSettings, runtime.receiverState);
            decoded.logMessages().forEach(this::log);
            runtime.receiverState = decoded.nextState();
            if (decoded instanceof Decoded.Dropped dropped) {
                runtime.drops.count(dropped.reason());
                if (dropped.reason().countedAsReceived()) {
                    runtime.stats.droppedAdvertReceived();
                }
                return;
            }
            Decoded.Accepted accepted = (Decoded.Accepted) decoded;
            runtime.stats.advertReceived(accepted.advert().priority());
            long nowNs = nanoClock.getAsLong();
            runtime.machine.onAdvert(new ReceivedAdvert(accepted.advert().version().number(),
                    accepted.advert().priority(), accepted.advert().maxAdvertIntervalCentis(), accepted.source()),
                    nowNs);
            runtime.receiverState = runtime.receiverState.withFollowedMaster(
                    runtime.machine.state() == VrrpState.BACKUP ? runtime.machine.masterAddress() : Optional.empty());
        }

        private void stopMachines() {
            long nowNs = nanoClock.getAsLong();
            for (SyncGroupMachine group : groups) {
                group.stop(nowNs);
            }
            ungrouped(instances).forEach(runtime -> runtime.machine.stop(nowNs));
            publishStates();
        }

        private void publishStates() {
            long nowNs = nanoClock.getAsLong();
            for (InstanceRuntime runtime : instances) {
                VrrpState current = runtime.machine.state();
                runtime.stats.observeState(publishedStates.put(runtime.name(), current), current, nowNs);
            }
        }

        private List<InstanceSnapshot> snapshot(boolean clearStats) {
            // a state changed earlier in this turn is not published yet
            publishStates();
            List<InstanceSnapshot> snapshots = new ArrayList<>();
            for (InstanceRuntime runtime : instances) {
                VrrpInstanceMachine machine = runtime.machine;
                snapshots.add(new InstanceSnapshot(runtime.config, machine.state(), machine.effectivePriority(),
                        machine.masterAddress(), machine.masterPriority(), runtime.sourceAddress,
                        runtime.stats.lastTransitionNs(), machine.state() == VrrpState.MASTER,
                        runtime.stats.snapshot(), runtime.drops.snapshot()));
                if (clearStats) {
                    runtime.stats.clear();
                    runtime.drops.clear();
                }
            }
            return snapshots;
        }

        private void tearDown() {
            if (staticRouting != null) {
                StaticEntries.remove(this, config.staticAddresses(), staticRouting);
            }
            sockets.values().forEach(pooled -> closeQuietly(pooled.socket()));
            if (virtualMacs != null) {
                virtualMacs.tearDown();
            }
            closeQuietly(gratuitousUpdates);
            closeQuietly(linkMonitor);
            closeQuietly(trackFiles);
            closeQuietly(trackProcesses);
            closeQuietly(rtnetlink);
            if (scripts != null) {
                scripts.close();
            }
            if (notifyFifo != null) {
                notifyFifo.close();
            }
            int fd = wakeFd;
            wakeFd = -1;
            if (fd >= 0) {
                try {
                    LoopNative.close(fd);
                } catch (NativeIoException e) {
                    log("VRRP loop: " + e.getMessage());
                }
            }
        }

        private void closeQuietly(AutoCloseable closeable) {
            if (closeable == null) {
                return;
            }
            try {
                closeable.close();
            } catch (Exception e) {
                log("VRRP engine: closing failed: " + e.getMessage());
            }
        }

        @Override
        public ByteBuffer sendBuffer() {
            return sendBuffer;
        }

        @Override
        public RtnetlinkClient rtnetlink() {
            return rtnetlink;
        }

        @Override
        public Optional<LinkState> link(String interfaceName) {
            return Optional.ofNullable(links.get(interfaceName));
        }

        @Override
        public void queueGratuitousUpdate(String owner, String device, InetAddress address) {
            gratuitousUpdates.queue(owner, device, address, nanoClock.getAsLong());
        }

        @Override
        public void cancelGratuitousUpdates(String owner) {
            gratuitousUpdates.cancel(owner);
        }

        @Override
        public void runNotifyScript(List<String> argv, ScriptIdentity runAs, long timeoutMicros) {
            scripts.run(argv, runAs, timeoutMicros).thenAccept(outcome -> {
                if (outcome instanceof ScriptOutcome.NotStarted notStarted) {
                    LOG.info("Failed to exec {}: {}", String.join(" ", argv), notStarted.reason());
                }
            });
        }

        @Override
        public void writeNotifyFifo(String line) {
            notifyFifo.write(line);
        }

        @Override
        public void log(String line) {
            LOG.info(line);
        }

        @Override
        public void logDetail(String line) {
            if (logDetail) {
                LOG.info(line);
            }
        }

        @Override
        public MasterListener masterListener() {
            return masterListener;
        }

        @Override
        public AlertListener alertListener() {
            return alertListener;
        }
    }
}
