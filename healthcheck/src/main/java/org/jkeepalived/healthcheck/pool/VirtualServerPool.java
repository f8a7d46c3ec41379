package org.jkeepalived.healthcheck.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.lvs.VirtualServerKey;
import org.jkeepalived.config.value.ScriptSpec;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.StartingState;

/**
 * One virtual server's pool as keepalived 2.2.7's checker process keeps it (keepalived/check/ipwrapper.c): real
 * servers up and down from their checkers' verdicts, their weights, the quorum with its hysteresis, the sorry server,
 * and what that means for IPVS, the scripts and the log. A pure state machine: no I/O, no clock; every decision goes
 * out through {@link PoolEffects}. Owned by the checker event loop thread.
 */
public final class VirtualServerPool {
    /** keepalived keeps quorum and hysteresis in unsigned ints and computes thresholds in them. */
    private static final long UINT_MASK = 0xFFFF_FFFFL;

    private final VirtualServer config;
    private final String name;
    private final PoolEffects effects;
    /** Global {@code no_checker_emails}. */
    private final boolean noCheckerEmails;
    private final List<PoolRealServer> realServers = new ArrayList<>();
    private final List<PoolChecker> checkers = new ArrayList<>();
    private final PoolSorryServer sorry;
    /** keepalived's {@code s_svr_duplicates_rs}: the sorry server is also one of the real servers. */
    private final boolean sorryDuplicatesRealServer;
    private boolean quorumUp;
    /** keepalived's {@code vs->reloaded}: this pool took a running one over at a reload. */
    private boolean reloaded;

    /**
     * @param groupMemberNumber for a {@code group} virtual server, its number among those naming the group (see
     *                          {@link ServerNames#groupMemberNumbers}); ignored otherwise
     * @param noCheckerEmails   global {@code no_checker_emails}: a checker's verdict is mailed only when it changes
     *                          its real server's state
     */
    public VirtualServerPool(VirtualServer config, int groupMemberNumber, PoolEffects effects,
                             boolean noCheckerEmails) {
        this.config = config;
        this.noCheckerEmails = noCheckerEmails;
        this.name = ServerNames.virtualServer(config, groupMemberNumber);
        this.effects = effects;
        for (RealServer realServer : config.realServers()) {
            PoolRealServer pooled = new PoolRealServer(realServer, config, effects);
            realServers.add(pooled);
            for (int i = 0; i < realServer.checkers().size(); i++) {
                PoolChecker checker = new PoolChecker(
                        new CheckerTarget(config, realServer, realServer.checkers().get(i), i), pooled);
                pooled.checkers.add(checker);
                checkers.add(checker);
            }
        }
        this.sorry = config.sorryServer().map(s -> new PoolSorryServer(s, config, effects)).orElse(null);
        this.sorryDuplicatesRealServer = config.sorryServer().isPresent() && config.realServers().stream()
                .anyMatch(rs -> rs.endpoint().equals(config.sorryServer().get().endpoint()));
    }

    /** {@code FMT_VS}: how keepalived names this virtual server. */
    public String name() {
        return name;
    }

    public VirtualServer config() {
        return config;
    }

    /** Every checker of every real server, in configuration order. */
    List<PoolChecker> checkers() {
        return Collections.unmodifiableList(checkers);
    }

    /** Whether the quorum is up: the weight of the live real servers reached it. */
    public boolean quorumUp() {
        return quorumUp;
    }

    /**
     * keepalived's start: alpha checkers count as failed until they succeed ({@code validate_check_config}), the
     * quorum state from nothing alive ({@code set_quorum_states}), then {@code init_service_vs}: the service, the
     * real servers without failed checkers (all of them, inhibited at weight 0, with {@code inhibit_on_failure}),
     * the quorum, and an inhibited sorry server at weight 0.
     */
    public void start() {
        for (PoolChecker checker : checkers) {
            if (checker.alpha) {
                checker.setState(false);
            }
        }
        quorumUp = weighLiveRealServers() >= ((config.quorum() + config.hysteresis()) & UINT_MASK);
        initService();
    }

    /**
     * keepalived's {@code clear_diff_services} for a virtual server found in both configs (see
     * {@link ReloadKey}): this new pool takes the running one's place. The quorum state carries over; the service is
     * edited in place when its scheduler, flags or persistence changed; real servers no longer configured leave IPVS
     * (with their down notifications); those still configured keep their up or down state, their place in IPVS and
     * their weight, and their checkers' state through {@code migrate_checkers}; the sorry server is kept, or removed
     * when it changed. Nothing is added until {@link #resume}.
     *
     * @param keepRunners whether checkers that read the same settings may carry on running
     * @return the checkers that carry on, each new checker with the old one whose running checker it takes over
     */
    Map<PoolChecker, PoolChecker> takeOver(VirtualServerPool old, boolean keepRunners) {
        reloaded = true;
        quorumUp = old.quorumUp;
        if (serviceChanged(old.config, config)) {
            effects.editVirtualServer(config);
        }
        Map<PoolChecker, PoolChecker> carried = new IdentityHashMap<>();
        for (PoolRealServer oldServer : old.realServers) {
            Optional<PoolRealServer> kept = realServers.stream()
                    .filter(server -> server.config.endpoint().equals(oldServer.config.endpoint())).findFirst();
            if (kept.isPresent()) {
                carried.putAll(migrate(oldServer, kept.get(), keepRunners));
            } else {
                effects.log("service " + oldServer.name + " no longer exist");
                old.clearRealServer(oldServer, false);
            }
        }
        if (!old.realServers.isEmpty()) {
            old.updateVirtualServerNotifies(false);
        }
        takeSorryServerOver(old);
        for (PoolRealServer realServer : realServers) {
            if (realServer.reloaded) {
                // keepalived's set_effective_weights: the new configured weight plus the carried dynamic weights
                realServer.previousEffectiveWeight = realServer.effectiveWeight;
                realServer.effectiveWeight = realServer.config.weight()
                        + realServer.checkers.stream().mapToLong(checker -> checker.weightDelta).sum();
            } else {
                // keepalived's check_new_rs_state
                realServer.checkers.stream().filter(checker -> checker.alpha).forEach(c -> c.setState(false));
            }
        }
        return carried;
    }

    /** keepalived's test for an {@code IP_VS_SO_SET_EDIT} at reload. */
    private static boolean serviceChanged(VirtualServer old, VirtualServer current) {
        return !old.scheduler().equals(current.scheduler()) || !old.flags().equals(current.flags())
                || !old.persistenceEngine().equals(current.persistenceEngine())
                || !old.persistenceGranularity().equals(current.persistenceGranularity())
                || old.persistenceTimeoutSecs() != current.persistenceTimeoutSecs();
    }

    /**
     * keepalived's {@code clear_diff_rs} and {@code migrate_checkers} for a real server in both configs: it keeps its
     * place in IPVS, and each checker that runs as one of the old ones takes its state over. Other checkers start as
     * their running checkers will: up, or down with {@code alpha} (keepalived would let a new alpha checker of a live
     * real server count as up, but the checker it starts would then never report its first failure). Then the real
     * server goes up or down as its checkers now say, and is edited when its forwarding method changed.
     */
    private Map<PoolChecker, PoolChecker> migrate(PoolRealServer oldServer, PoolRealServer server,
                                                  boolean keepRunners) {
        server.alive = oldServer.alive;
        server.set = oldServer.set;
        server.effectiveWeight = oldServer.effectiveWeight;
        server.reloaded = true;
        List<PoolChecker> candidates = keepRunners ? new ArrayList<>(oldServer.checkers) : new ArrayList<>();
        Map<PoolChecker, PoolChecker> carried = new IdentityHashMap<>();
        for (PoolChecker checker : server.checkers) {
            Optional<PoolChecker> same = candidates.stream().filter(checker::runsAs).findFirst();
            if (same.isPresent()) {
                candidates.remove(same.get());
                checker.carryOver(same.get());
                carried.put(checker, same.get());
            } else if (checker.alpha) {
                checker.setState(false);
            }
        }
        if (server.failedCheckers == 0 && !server.alive) {
            performServerState(server, true);
        } else if (server.failedCheckers > 0 && server.alive) {
            performServerState(server, false);
        } else if (server.failedCheckers > 0 && server.set != server.inhibit) {
            server.command(server.inhibit);
        }
        if (!oldServer.config.forwarding().equals(server.config.forwarding()) && server.set) {
            server.edit(server.inhibit && server.failing() ? 0 : server.realWeight());
        }
        return carried;
    }

    /** keepalived's {@code clear_diff_s_srv}: the same sorry server keeps its state, another one leaves IPVS. */
    private void takeSorryServerOver(VirtualServerPool old) {
        PoolSorryServer oldSorry = old.sorry;
        if (oldSorry == null) {
            return;
        }
        if (sorry != null && sorry.config.endpoint().equals(oldSorry.config.endpoint())) {
            sorry.alive = oldSorry.alive;
            sorry.set = oldSorry.set;
            return;
        }
        if (oldSorry.alive || (oldSorry.inhibit && oldSorry.set)) {
            effects.log("Removing sorry server " + oldSorry.name + " from VS " + old.name);
            oldSorry.forceRemove();
        }
    }

    /**
     * keepalived's {@code init_service_vs} after a reload: the service is already there; a kept real server whose
     * effective weight changed gets it ({@code Changing weight ...}), new real servers enter as at start, then the
     * quorum is weighed again and an inhibited sorry server put in at weight 0.
     */
    public void resume() {
        initService();
    }

    private void initService() {
        if (!reloaded) {
            effects.addVirtualServer(config);
        }
        for (PoolRealServer realServer : realServers) {
            if (realServer.reloaded) {
                long newWeight = realServer.effectiveWeight;
                realServer.effectiveWeight = realServer.previousEffectiveWeight;
                // keepalived does not re-add a reloaded real server here: its state was carried over
                updateServerWeight(realServer, newWeight, false);
                continue;
            }
            boolean healthy = realServer.failedCheckers == 0;
            if ((healthy && !realServer.alive) || (realServer.inhibit && !realServer.set)) {
                realServer.command(true);
                if (healthy) {
                    realServer.alive = true;
                }
            }
        }
        updateQuorumState(true);
        if (sorry != null && sorry.inhibit && !sorry.set) {
            sorry.set = true;
            if (!sorryDuplicatesRealServer) {
                sorry.add(0);
            }
        }
    }

    /**
     * keepalived's {@code update_svr_checker_state}: a checker's verdict. A real server goes down with its first
     * failing checker and up when its last failing checker succeeds. A first verdict equal to the starting state
     * only runs the notify script for an alpha checker or a failure.
     */
    void checkerStateChanged(PoolChecker checker, boolean up) {
        checkerStateChanged(checker, up, Optional.empty());
    }

    /**
     * A checker's verdict with the body of the mail keepalived's checker sends about it. keepalived 2.2.7's checkers
     * mail when the verdict changed the checker's state (a MISC_CHECK whenever it reports, its first verdict
     * included), their real server has {@code smtp_alert}, and either the real server changed state or
     * {@code no_checker_emails} is off. The subject names the real server's state after the verdict.
     */
    void checkerStateChanged(PoolChecker checker, boolean up, Optional<String> alertBody) {
        boolean checkerWasUp = checker.up;
        boolean realServerWasAlive = checker.realServer.alive;
        updateCheckerState(checker, up);
        PoolRealServer realServer = checker.realServer;
        if (alertBody.isPresent() && realServer.config.smtpAlert() && (checkerWasUp != up || checker.isMisc())
                && (realServerWasAlive != realServer.alive || !noCheckerEmails)) {
            realServerAlert(realServer, upDown(realServer.alive), alertBody.get());
        }
    }

    private void updateCheckerState(PoolChecker checker, boolean up) {
        PoolRealServer realServer = checker.realServer;
        if (checker.up == up) {
            if (!checker.hasRun) {
                if (checker.alpha || !up) {
                    realServerNotifies(realServer, false);
                }
                checker.hasRun = true;
            }
            return;
        }
        checker.hasRun = true;
        if (!up && checker.isMisc()) {
            // keepalived's MISC_CHECK drops its dynamic weight on failure without logging or telling IPVS
            realServer.effectiveWeight -= checker.weightDelta;
            checker.weightDelta = 0;
        }
        boolean decides = up ? realServer.failedCheckers <= 1 : realServer.failedCheckers == 0;
        if (decides && !performServerState(realServer, up)) {
            return;
        }
        checker.setState(up);
    }

    /**
     * A {@code misc_dynamic} (or track file) weight from one checker: keepalived keeps each checker's difference from
     * the configured weight and applies the sum ({@code update_svr_wgt}).
     */
    void checkerWeightChanged(PoolChecker checker, long weight) {
        PoolRealServer realServer = checker.realServer;
        long delta = weight - realServer.config.weight();
        long effective = realServer.effectiveWeight - checker.weightDelta + delta;
        checker.weightDelta = delta;
        updateServerWeight(realServer, effective, true);
    }

    /**
     * A checker's state before {@link #start} when it is not the usual one: a FILE_CHECK from its file
     * ({@code set_track_file_checkers_down}, {@code set_track_file_weights}, {@code set_effective_weights}).
     */
    void checkerStartsAs(PoolChecker checker, StartingState state) {
        checker.setState(state.up());
        checkerWeightShareSet(checker, state.weightShare());
    }

    /** A FILE_CHECK's share of the weight changed where keepalived edits {@code effective_weight} directly. */
    void checkerWeightShareSet(PoolChecker checker, long weightShare) {
        checker.realServer.effectiveWeight += weightShare - checker.weightDelta;
        checker.weightDelta = weightShare;
    }

    /**
     * keepalived's shutdown ({@code clear_service_vs}): the sorry server and every real server leave IPVS; with
     * {@code omega} the down notifications and the quorum-down script run as well. Under {@code lvs_flush_on_stop}
     * the table goes in one sweep: only the quorum-down notifications, no {@code Shutting down service} lines.
     */
    public void stop() {
        if (!effects.flushingOnStop()) {
            clearService(true);
            return;
        }
        if (sorry != null && sorry.set) {
            sorry.alive = false;
        }
        updateVirtualServerNotifies(true);
        effects.removeVirtualServer(config);
    }

    /**
     * keepalived's {@code clear_diff_services} for a virtual server no longer configured: {@code Removing Virtual
     * Server ...}, then {@code clear_service_vs} outside shutdown, where the notifications run whatever {@code omega}
     * says.
     */
    public void remove() {
        if (config.key() instanceof VirtualServerKey.Group group) {
            effects.log("Removing Virtual Server Group [" + group.name() + "]");
        } else {
            effects.log("Removing Virtual Server " + name);
        }
        clearService(false);
    }

    private void clearService(boolean stopping) {
        if (sorry != null && sorry.set) {
            if (sorryDuplicatesRealServer) {
                sorry.set = false;
            } else {
                sorry.forceRemove();
            }
            sorry.alive = false;
        }
        for (PoolRealServer realServer : realServers) {
            clearRealServer(realServer, stopping);
        }
        updateVirtualServerNotifies(stopping);
        effects.removeVirtualServer(config);
    }

    /** keepalived's {@code clear_service_rs}: out of IPVS even when inhibited, with its down notifications. */
    private void clearRealServer(PoolRealServer realServer, boolean stopping) {
        if (realServer.set || stopping) {
            effects.log((stopping ? "Shutting down" : "Removing") + " "
                    + (realServer.inhibit && !realServer.alive ? "(inhibited) " : "") + "service " + realServer.name
                    + " from VS " + name);
        }
        if (!realServer.set) {
            return;
        }
        realServer.forceRemove();
        if (!realServer.alive) {
            return;
        }
        realServer.alive = false;
        if (stopping && !config.omega()) {
            return;
        }
        realServerNotifies(realServer, stopping);
        if (realServer.config.smtpAlert()) {
            realServerAlert(realServer, "DOWN", stopping ? "=> Shutting down <=" : "=> Removing <=");
        }
    }

    /**
     * keepalived's {@code update_vs_notifies}: the quorum-down notifications when the live weight fell below the
     * quorum (always on shutdown), without a log line and without calling in the sorry server.
     */
    private void updateVirtualServerNotifies(boolean stopping) {
        long threshold = (config.quorum() - config.hysteresis()) & UINT_MASK;
        long weightSum = weighLiveRealServers();
        if (stopping || (quorumUp && (weightSum == 0 || weightSum < threshold))) {
            quorumUp = false;
            virtualServerNotifies(false, threshold, weightSum, stopping);
        }
    }

    /** keepalived's {@code perform_svr_state}: false when IPVS refused, leaving the checker's state unchanged. */
    private boolean performServerState(PoolRealServer realServer, boolean alive) {
        if (realServer.alive == alive) {
            return true;
        }
        String verb = alive ? (realServer.inhibit ? "Enabl" : "Add") : (realServer.inhibit ? "Disabl" : "Remov");
        String preposition = realServer.inhibit ? "of" : alive ? "to" : "from";
        effects.log(verb + "ing service " + realServer.name + " " + preposition + " VS " + name);
        if (realServersInService() && !realServer.command(alive)) {
            return false;
        }
        realServer.alive = alive;
        realServerNotifies(realServer, false);
        updateQuorumState(false);
        return true;
    }

    /** keepalived's {@code update_svr_wgt}. */
    private void updateServerWeight(PoolRealServer realServer, long weight, boolean updateQuorum) {
        int newWeight = Destination.realWeight(weight);
        int oldWeight = realServer.realWeight();
        realServer.effectiveWeight = weight;
        if (newWeight == oldWeight) {
            return;
        }
        effects.log("Changing weight from " + oldWeight + " to " + newWeight + " for "
                + (realServer.alive ? "" : "in") + "active service " + realServer.name + " of VS " + name);
        if (realServer.set && realServer.alive && realServersInService()) {
            realServer.edit(newWeight);
        }
        if (updateQuorum) {
            updateQuorumState(false);
        }
    }

    /** The real servers, not the sorry server, serve: the quorum is up or no sorry server stands in. */
    private boolean realServersInService() {
        return quorumUp || sorry == null || !sorry.alive;
    }

    /** keepalived's {@code update_quorum_state}. */
    private void updateQuorumState(boolean init) {
        long weightSum = weighLiveRealServers();
        long signedHysteresis = quorumUp ? -config.hysteresis() : config.hysteresis();
        long threshold = (config.quorum() + signedHysteresis) & UINT_MASK;
        if (!quorumUp && weightSum >= threshold) {
            quorumUp = true;
            effects.log("Gained quorum " + config.quorum() + "+" + config.hysteresis() + "=" + threshold + " <= "
                    + weightSum + " for VS " + name);
            if (sorry != null && sorry.alive) {
                effects.log((sorry.inhibit ? "Disabling" : "Removing") + " sorry server " + sorry.name + " from VS "
                        + name);
                sorry.command(false);
                sorry.alive = false;
                moveAliveServers(true);
            }
            virtualServerNotifies(init, threshold, weightSum, false);
        } else if ((quorumUp && (weightSum == 0 || weightSum < threshold))
                || (init && !quorumUp && sorry != null && !sorry.alive)) {
            quorumUp = false;
            effects.log((init ? "Starting with quorum down" : "Lost quorum") + " " + config.quorum() + "-"
                    + config.hysteresis() + "=" + threshold + " > " + weightSum + " for VS " + name);
            if (sorry != null && !sorry.alive) {
                effects.log((sorry.inhibit ? "Enabling" : "Adding") + " sorry server " + sorry.name + " to VS "
                        + name);
                moveAliveServers(false);
                sorry.command(true);
                sorry.alive = true;
            }
            virtualServerNotifies(init, threshold, weightSum, false);
        }
    }

    /** keepalived's {@code perform_quorum_state}: the live real servers leave or rejoin IPVS for the sorry server. */
    private void moveAliveServers(boolean add) {
        effects.log((add ? "Adding alive servers to" : "Removing alive servers from") + " the pool for VS " + name);
        for (PoolRealServer realServer : realServers) {
            if (realServer.alive) {
                realServer.command(add);
            }
        }
    }

    /** keepalived's {@code weigh_live_realservers}. */
    private long weighLiveRealServers() {
        long sum = 0;
        for (PoolRealServer realServer : realServers) {
            if (realServer.alive) {
                sum += realServer.realWeight();
            }
        }
        return sum;
    }

    /** keepalived's {@code do_rs_notifies}: the real server's up or down script and the FIFO line. */
    private void realServerNotifies(PoolRealServer realServer, boolean stopping) {
        Optional<ScriptSpec> script = realServer.alive ? realServer.config.notifyUp() : realServer.config.notifyDown();
        script.ifPresent(s -> effects.runScript(s, stopping));
        effects.notifyFifo("RS " + realServer.name + " " + name + " " + upDown(realServer.alive));
    }

    /** keepalived's {@code do_vs_notifies}; on shutdown only with {@code omega}. */
    private void virtualServerNotifies(boolean init, long threshold, long weightSum, boolean stopping) {
        if (stopping && !config.omega()) {
            return;
        }
        Optional<ScriptSpec> script = quorumUp ? config.quorumUp() : config.quorumDown();
        script.ifPresent(s -> effects.runScript(s, stopping));
        effects.notifyFifo("VS " + name + " " + upDown(quorumUp));
        if (config.smtpAlert()) {
            String event = quorumUp ? (init ? "Starting with quorum up" : "Gained quorum")
                    : (init ? "Starting with quorum down" : "Lost quorum");
            String body = stopping ? "=> Shutting down <="
                    : "=> " + event + " " + config.quorum() + "+" + config.hysteresis() + "=" + threshold + " <= "
                    + weightSum + " <=";
            effects.smtpAlert("Virtualserver " + name + " - " + upDown(quorumUp), body);
        }
    }

    /** keepalived's {@code SMTP_MSG_RS} and {@code SMTP_MSG_RS_SHUT} mail. */
    private void realServerAlert(PoolRealServer realServer, String state, String body) {
        effects.smtpAlert("Realserver " + realServer.name + " of virtual server " + name + " - " + state, body);
    }

    private static String upDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
