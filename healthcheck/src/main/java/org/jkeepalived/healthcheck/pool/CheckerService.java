package org.jkeepalived.healthcheck.pool;

import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.healthcheck.check.CheckerFactory;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.CheckerVerdicts;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * keepalived's checker process without its I/O: one {@link VirtualServerPool} per virtual server, every checker
 * started, and their verdicts fed into the pools. All of it runs on the checker event loop's thread; {@link #start}
 * and {@link #stop} may be called from any other thread and return when the loop has done the work.
 */
public final class CheckerService {
    private final List<VirtualServerPool> pools = new ArrayList<>();
    private final CheckerFactory factory;
    private final PoolEffects effects;
    private final EventExecutor loop;
    private final List<RunningChecker> running = new ArrayList<>();
    private boolean stopped;

    public CheckerService(LvsConfig lvs, CheckerFactory factory, PoolEffects effects, CheckerEventLoop loop) {
        this.factory = factory;
        this.effects = effects;
        this.loop = loop.group().next();
        Map<VirtualServer, Integer> groupMembers = ServerNames.groupMemberNumbers(lvs.virtualServers());
        for (VirtualServer virtualServer : lvs.virtualServers()) {
            pools.add(new VirtualServerPool(virtualServer, groupMembers.getOrDefault(virtualServer, 0), effects));
        }
    }

    /**
     * keepalived's {@code init_services} then {@code register_checkers_thread}: every pool enters IPVS (its FILE_CHECKs
     * set from their files first), then every
     * checker is activated and started (each waits for its own warmup), then the BFD checkers' monitoring.
     */
    public void start() {
        onLoop(() -> {
            for (VirtualServerPool pool : pools) {
                for (PoolChecker checker : pool.checkers()) {
                    factory.startingState(checker.target).ifPresent(state -> pool.checkerStartsAs(checker, state));
                }
            }
            pools.forEach(VirtualServerPool::start);
            for (VirtualServerPool pool : pools) {
                for (PoolChecker checker : pool.checkers()) {
                    if (checker.launched()) {
                        effects.log("Activating healthchecker for service " + checker.realServer.name + " for VS "
                                + pool.name());
                    }
                    RunningChecker started = factory.create(checker.target, verdicts(pool, checker));
                    running.add(started);
                    started.start();
                }
            }
            // keepalived 2.2.7 as Debian builds it (with BFD) logs this whether or not any BFD_CHECK is configured
            effects.log("Activating BFD healthchecker");
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
            running.forEach(RunningChecker::stop);
            running.clear();
            if (releaseIpvs) {
                pools.forEach(VirtualServerPool::stop);
            }
        });
    }

    /** The pools, in configuration order; read them on the checker event loop thread. */
    public List<VirtualServerPool> pools() {
        return List.copyOf(pools);
    }

    private CheckerVerdicts verdicts(VirtualServerPool pool, PoolChecker checker) {
        return new CheckerVerdicts() {
            @Override
            public void stateChanged(CheckerTarget target, boolean up) {
                onLoopLater(() -> pool.checkerStateChanged(checker, up));
            }

            @Override
            public void weightChanged(CheckerTarget target, long weight) {
                onLoopLater(() -> pool.checkerWeightChanged(checker, weight));
            }

            @Override
            public void weightShareSet(CheckerTarget target, long weightShare) {
                onLoopLater(() -> pool.checkerWeightShareSet(checker, weightShare));
            }
        };
    }

    /** A verdict is applied at once on the loop, or queued to it; none counts once the service has stopped. */
    private void onLoopLater(Runnable verdict) {
        Runnable guarded = () -> {
            if (!stopped) {
                verdict.run();
            }
        };
        if (loop.inEventLoop()) {
            guarded.run();
        } else {
            loop.execute(guarded);
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
