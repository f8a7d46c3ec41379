package org.jkeepalived.healthcheck.pool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
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
    private final List<PoolRealServer> realServers = new ArrayList<>();
    private final List<PoolChecker> checkers = new ArrayList<>();
    private final PoolSorryServer sorry;
    /** keepalived's {@code s_svr_duplicates_rs}: the sorry server is also one of the real servers. */
    private final boolean sorryDuplicatesRealServer;
    private boolean quorumUp;

    /**
     * @param groupMemberNumber for a {@code group} virtual server, its number among those naming the group (see
     *                          {@link ServerNames#groupMemberNumbers}); ignored otherwise
     */
    public VirtualServerPool(VirtualServer config, int groupMemberNumber, PoolEffects effects) {
        this.config = config;
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
        effects.addVirtualServer(config);
        for (PoolRealServer realServer : realServers) {
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
        updateServerWeight(realServer, effective);
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
     * keepalived's shutdown ({@code clear_service_vs} without {@code lvs_flush_on_stop}): the sorry server and every
     * real server leave IPVS; with {@code omega} the down notifications and the quorum-down script run as well.
     */
    public void stop() {
        if (sorry != null && sorry.set) {
            if (sorryDuplicatesRealServer) {
                sorry.set = false;
            } else {
                sorry.forceRemove();
            }
            sorry.alive = false;
        }
        for (PoolRealServer realServer : realServers) {
            shutDown(realServer);
        }
        long threshold = (config.quorum() - config.hysteresis()) & UINT_MASK;
        long weightSum = weighLiveRealServers();
        quorumUp = false;
        virtualServerNotifies(false, threshold, weightSum, true);
        effects.removeVirtualServer(config);
    }

    private void shutDown(PoolRealServer realServer) {
        effects.log("Shutting down " + (realServer.inhibit && !realServer.alive ? "(inhibited) " : "") + "service "
                + realServer.name + " from VS " + name);
        if (!realServer.set) {
            return;
        }
        realServer.forceRemove();
        if (!realServer.alive) {
            return;
        }
        realServer.alive = false;
        if (!config.omega()) {
            return;
        }
        realServerNotifies(realServer, true);
        if (realServer.config.smtpAlert()) {
            effects.smtpAlert("Realserver " + realServer.name + " of virtual server " + name + " - DOWN",
                    "=> Shutting down <=");
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

    /** keepalived's {@code update_svr_wgt}, with the quorum update. */
    private void updateServerWeight(PoolRealServer realServer, long weight) {
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
        updateQuorumState(false);
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

    private static String upDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
