package org.jkeepalived.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.jkeepalived.config.global.GlobalDefs;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.ipvs.IpvsClient;
import org.jkeepalived.ipvs.IpvsSyncDaemons;
import org.jkeepalived.ipvs.LvsGlobals;
import org.jkeepalived.vrrp.engine.MasterListener;
import org.slf4j.Logger;

/**
 * {@code lvs_sync_daemon IFNAME inst VRRP_INSTANCE}: the IPVS sync daemons follow that instance, as keepalived
 * 2.2.7's VRRP process drives them (so a {@code -P} run manages them too, and a {@code -C} run never does). The backup
 * daemon starts with VRRP ({@code vrrp_init_state}); becoming master swaps it for the master daemon, leaving master
 * swaps back; on stop the daemon of the instance's state stops. The sync id defaults to the instance's VRID.
 *
 * <p>Its own generic netlink socket: the VRRP loop thread tells it the transitions, the daemon's control thread
 * starts, reloads and stops it, so every call holds the lock.
 */
public final class VrrpSyncDaemon implements MasterListener {

    private final IpvsClient client;
    private final Logger log;
    /** Empty once a reload named no instance: nothing runs any more. */
    private Optional<String> instanceName;
    private IpvsSyncDaemons daemons;
    private boolean instanceIsMaster;

    private VrrpSyncDaemon(IpvsClient client, Logger log, String instanceName, IpvsSyncDaemons daemons) {
        this.client = client;
        this.log = log;
        this.instanceName = Optional.of(instanceName);
        this.daemons = daemons;
    }

    /**
     * Started for {@code config} when its sync daemon follows one of its VRRP instances; empty otherwise (keepalived
     * clears an {@code inst} naming no instance).
     *
     * @throws VrrpLauncher.Failed when IPVS cannot be opened, logged as keepalived's {@code ipvs_start} logs it
     *                             (keepalived's VRRP process then exits, and keepalived with it)
     */
    static Optional<VrrpSyncDaemon> start(KeepalivedConfig config, Path procIpVs, Logger log)
            throws VrrpLauncher.Failed {
        Optional<Followed> followed = Followed.of(config);
        if (followed.isEmpty()) {
            return Optional.empty();
        }
        log.info("Initializing ipvs");
        IpvsClient client;
        try {
            client = IpvsPoolEffects.openClient(procIpVs);
        } catch (CheckerLauncher.IpvsUnavailable e) {
            log.info("IPVS: Can't initialize ipvs: " + e.getMessage());
            throw new VrrpLauncher.Failed("IPVS: " + e.getMessage());
        }
        VrrpSyncDaemon started = new VrrpSyncDaemon(client, log, followed.get().instanceName(),
                followed.get().daemons(client));
        started.daemons.startFor(false);
        return Optional.of(started);
    }

    @Override
    public synchronized void becameMaster(String name) {
        if (instanceName.filter(name::equals).isPresent()) {
            instanceIsMaster = true;
            daemons.becomeMaster();
        }
    }

    @Override
    public synchronized void leavingMaster(String name) {
        if (instanceName.filter(name::equals).isPresent()) {
            instanceIsMaster = false;
            daemons.leaveMaster();
        }
    }

    /**
     * After VRRP applied a reload: when the setting changed, the old daemon of the instance's state stops and the new
     * one starts for the state the new instance is in. keepalived 2.2.7 restarts it without its settings there, which
     * the kernel refuses, leaving none running; ours keeps one running. An {@code inst} naming no instance now stops
     * it and keeps it stopped.
     *
     * @param isMaster whether an instance is master now, by name
     */
    synchronized void reload(KeepalivedConfig newConfig, Predicate<String> isMaster) {
        Optional<Followed> followed = Followed.of(newConfig);
        Optional<IpvsSyncDaemons> replacement = followed.map(found -> found.daemons(client));
        if (instanceName.isPresent() && replacement.filter(daemons::sameSettings).isPresent()) {
            instanceName = followed.map(Followed::instanceName);
            return;
        }
        if (instanceName.isPresent()) {
            daemons.stop(instanceIsMaster);
        }
        instanceName = followed.map(Followed::instanceName);
        if (replacement.isPresent()) {
            daemons = replacement.get();
            instanceIsMaster = isMaster.test(instanceName.orElseThrow());
            daemons.startFor(instanceIsMaster);
        }
    }

    /** keepalived's {@code vrrp_terminate_phase1}: the daemon of the instance's state stopped, the socket closed. */
    synchronized void stop() {
        if (instanceName.isPresent()) {
            daemons.stop(instanceIsMaster);
        }
        try {
            client.close();
        } catch (IOException e) {
            log.debug("IPVS socket not closed: {}", e.getMessage());
        }
    }

    /** The instance a config's sync daemon follows, and its settings. */
    private record Followed(String instanceName, GlobalDefs.LvsSyncDaemon settings) {

        static Optional<Followed> of(KeepalivedConfig config) {
            return LvsGlobals.of(config).syncDaemon().flatMap(settings -> settings.vrrpInstance()
                    .flatMap(name -> Optional.ofNullable(config.vrrp().instances().get(name)))
                    .map(instance -> new Followed(instance.name(), settings)));
        }

        IpvsSyncDaemons daemons(IpvsClient client) {
            return new IpvsSyncDaemons(client, settings);
        }
    }
}
