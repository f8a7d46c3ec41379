package org.jkeepalived.healthcheck.check;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule every checker type shares: the first attempt after the bootstrap delay and warmup, then whatever delay
 * each decision asks for. Subclasses run one attempt and hand its {@link Decision} to {@link #conclude}. Everything
 * runs on the checker event loop.
 */
abstract class LoopingChecker implements RunningChecker {
    static final Logger LOG = LoggerFactory.getLogger("org.jkeepalived.healthcheck");

    protected final CheckerTarget target;
    protected final EventLoop loop;
    private final CheckerVerdicts verdicts;
    private final long firstDelayMicros;
    private ScheduledFuture<?> next;
    private boolean running;

    LoopingChecker(CheckerTarget target, CheckerVerdicts verdicts, EventLoop loop, long firstDelayMicros) {
        this.target = target;
        this.verdicts = verdicts;
        this.loop = loop;
        this.firstDelayMicros = firstDelayMicros;
    }

    @Override
    public final void start() {
        running = true;
        schedule(firstDelayMicros);
    }

    @Override
    public final void stop() {
        running = false;
        if (next != null) {
            next.cancel(false);
        }
        abandon();
    }

    /** Starts one attempt; it ends with {@link #conclude}, unless the checker was stopped meanwhile. */
    protected abstract void attempt();

    /** Drops the attempt in flight, if any. */
    protected void abandon() {
    }

    /** Logs, reports and schedules what an attempt decided; a stopped checker ignores late outcomes. */
    protected final void conclude(Decision decision) {
        if (!running) {
            return;
        }
        decision.logLines().forEach(LOG::info);
        decision.weight().ifPresent(weight -> verdicts.weightChanged(target, weight));
        decision.state().ifPresent(up -> verdicts.stateChanged(target, up, decision.alertBody()));
        schedule(decision.delayMicros());
    }

    private void schedule(long delayMicros) {
        next = loop.schedule(() -> {
            if (running) {
                attempt();
            }
        }, delayMicros, TimeUnit.MICROSECONDS);
    }
}
