package org.jkeepalived.healthcheck.pool;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.healthcheck.check.CheckerFactory;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.CheckerVerdicts;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * keepalived's checker process without its I/O: one {@link VirtualServerPool} per virtual server, every checker
 * started, and their verdicts fed into the pools. All of it runs on the checker event loop's thread; {@link #start},
 * {@link #reload} and {@link #stop} may be called from any other thread and return when the loop has done the work.
 */
public final class CheckerService {
    private final EventExecutor loop;
    private final PoolEffects effects;
    private LvsConfig lvs;
    private List<VirtualServerPool> pools;
    private CheckerFactory factory;
    /** The running checkers in start order, by the pool checker (compared by identity) whose verdicts they report. */
    private Map<PoolChecker, Run> runs = new LinkedHashMap<>();
    private boolean stopped;

    public CheckerService(LvsConfig lvs, CheckerFactory factory, PoolEffects effects, CheckerEventLoop loop) {
        this.lvs = lvs;
        this.factory = factory;
        this.effects = effects;
        this.loop = loop.group().next();
        this.pools = poolsOf(lvs);
    }

    /**
     * keepalived's {@code init_services} then {@code register_checkers_thread}: every pool enters IPVS (its FILE_CHECKs
     * set from their files first) in one {@link PoolEffects#batched} run, so that thousands of destinations go to the
     * kernel together; then every checker is activated and started (each waits for its own warmup), then the BFD
     * checkers' monitoring.
     */
    public void start() {
        onLoop(() -> {
            for (VirtualServerPool pool : pools) {
                for (PoolChecker checker : pool.checkers()) {
                    factory.startingState(checker.target).ifPresent(state -> pool.checkerStartsAs(checker, state));
                }
            }
            effects.batched(() -> pools.forEach(VirtualServerPool::start));
            startCheckers(Map.of());
        });
    }

    /**
     * keepalived's reload of its checker process ({@code clear_diff_services}, then {@code init_services}), without
     * restarting what did not change. Virtual servers no longer configured leave IPVS; those still configured (see
     * {@link ReloadKey}) are taken over by their new pools, keeping their quorum, real servers and IPVS entries;
     * new ones start. A checker that reads the same settings as one running for the same real server carries on,
     * with its schedule and state; the others stop, and the new ones are activated and started as at start-up.
     *
     * @param newFactory  makes the checkers the new config adds or changes
     * @param keepRunners false when the checkers' shared settings changed (SSL, {@code checker_log_all_failures}),
     *                    so that every checker is made again from {@code newFactory}
     */
    public void reload(LvsConfig newLvs, CheckerFactory newFactory, boolean keepRunners) {
        onLoop(() -> {
            if (stopped) {
                return;
            }
            List<VirtualServerPool> newPools = poolsOf(newLvs);
            Map<ReloadKey, VirtualServerPool> newByKey = keyed(newPools, newLvs);
            Map<PoolChecker, PoolChecker> carried = new IdentityHashMap<>();
            Set<VirtualServerPool> takenOver = Collections.newSetFromMap(new IdentityHashMap<>());
            keyed(pools, lvs).forEach((key, old) -> {
                VirtualServerPool successor = newByKey.get(key);
                if (successor == null) {
                    old.remove();
                } else {
                    carried.putAll(successor.takeOver(old, keepRunners));
                    takenOver.add(successor);
                }
            });
            Map<PoolChecker, Run> carriedRuns = new IdentityHashMap<>();
            runs.forEach((checker, run) -> {
                if (!carried.containsValue(checker)) {
                    run.end();
                }
            });
            carried.forEach((checker, old) -> carriedRuns.put(checker, runs.get(old)));
            effects.configReplaced(newLvs);
            for (VirtualServerPool pool : newPools) {
                if (takenOver.contains(pool)) {
                    pool.resume();
                } else {
                    pool.start();
                }
            }
            lvs = newLvs;
            pools = newPools;
            factory = newFactory;
            startCheckers(carriedRuns);
        });
    }

    /**
     * keepalived's shutdown: the checkers stop, then {@code clear_services} takes every pool out of IPVS (with
     * {@code omega}, running the down scripts), unless {@code -I} keeps IPVS as it is. Also right for a service
     * never started, as when IPVS is missing.
     */
    public void stop(boolean releaseIpvs) {
        onLoop(() -> {
            stopped = true;
            runs.values().forEach(Run::end);
            runs = new LinkedHashMap<>();
            if (releaseIpvs) {
                pools.forEach(VirtualServerPool::stop);
            }
        });
    }

    /** The pools, in configuration order; read them on the checker event loop thread. */
    public List<VirtualServerPool> pools() {
        return List.copyOf(pools);
    }

    private List<VirtualServerPool> poolsOf(LvsConfig config) {
        Map<VirtualServer, Integer> groupMembers = ServerNames.groupMemberNumbers(config.virtualServers());
        List<VirtualServerPool> made = new ArrayList<>();
        for (VirtualServer virtualServer : config.virtualServers()) {
            made.add(new VirtualServerPool(virtualServer, groupMembers.getOrDefault(virtualServer, 0), effects,
                    config.noCheckerEmails()));
        }
        return made;
    }

    /** The pools by reload key, in configuration order; of two with one key (not a valid config), the first. */
    private static Map<ReloadKey, VirtualServerPool> keyed(List<VirtualServerPool> pools, LvsConfig config) {
        Map<VirtualServer, Integer> groupMembers = ServerNames.groupMemberNumbers(config.virtualServers());
        Map<ReloadKey, VirtualServerPool> byKey = new LinkedHashMap<>();
        for (VirtualServerPool pool : pools) {
            byKey.putIfAbsent(ReloadKey.of(pool.config(), groupMembers.getOrDefault(pool.config(), 0), config), pool);
        }
        return byKey;
    }

    /**
     * keepalived's {@code register_checkers_thread}: every checker of every pool starts and logs its activation,
     * except those in {@code carried}, which are already running.
     */
    private void startCheckers(Map<PoolChecker, Run> carried) {
        Map<PoolChecker, Run> started = new LinkedHashMap<>();
        for (VirtualServerPool pool : pools) {
            for (PoolChecker checker : pool.checkers()) {
                Run run = carried.get(checker);
                if (run == null) {
                    if (checker.launched()) {
                        effects.log("Activating healthchecker for service " + checker.realServer.name + " for VS "
                                + pool.name());
                    }
                    run = new Run(pool, checker);
                    run.start(factory);
                } else {
                    run.moveTo(pool, checker);
                }
                started.put(checker, run);
            }
        }
        runs = started;
        // keepalived 2.2.7 as Debian builds it (with BFD) logs this whether or not any BFD_CHECK is configured
        effects.log("Activating BFD healthchecker");
    }

    /**
     * One running checker and the pool checker its verdicts go to, which a reload may replace; verdicts reach the
     * pool on the loop, and none counts once the run has ended or the service has stopped.
     */
    private final class Run implements CheckerVerdicts {
        private VirtualServerPool pool;
        private PoolChecker checker;
        private RunningChecker running;
        private boolean ended;

        Run(VirtualServerPool pool, PoolChecker checker) {
            this.pool = pool;
            this.checker = checker;
        }

        void start(CheckerFactory madeBy) {
            running = madeBy.create(checker.target, this);
            running.start();
        }

        void moveTo(VirtualServerPool successorPool, PoolChecker successor) {
            pool = successorPool;
            checker = successor;
        }

        void end() {
            ended = true;
            running.stop();
        }

        @Override
        public void stateChanged(CheckerTarget target, boolean up) {
            onLoopLater(() -> pool.checkerStateChanged(checker, up));
        }

        @Override
        public void stateChanged(CheckerTarget target, boolean up, Optional<String> alertBody) {
            onLoopLater(() -> pool.checkerStateChanged(checker, up, alertBody));
        }

        @Override
        public void weightChanged(CheckerTarget target, long weight) {
            onLoopLater(() -> pool.checkerWeightChanged(checker, weight));
        }

        @Override
        public void weightShareSet(CheckerTarget target, long weightShare) {
            onLoopLater(() -> pool.checkerWeightShareSet(checker, weightShare));
        }

        private void onLoopLater(Runnable verdict) {
            Runnable guarded = () -> {
                if (!stopped && !ended) {
                    verdict.run();
                }
            };
            if (loop.inEventLoop()) {
                guarded.run();
            } else {
                loop.execute(guarded);
            }
        }
    }

    private void onLoop(Runnable work) {
        if (loop.inEventLoop()) {
            work.run();
        } else {
            loop.submit(work).syncUninterruptibly();
        }
    }
}
