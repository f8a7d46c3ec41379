import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.config.value.LiveHost;
import org.jkeepalived.healthcheck.check.CheckerTarget;
import org.jkeepalived.healthcheck.check.CheckerVerdicts;
import org.jkeepalived.healthcheck.check.Checkers;
import org.jkeepalived.healthcheck.check.RunningChecker;
import org.jkeepalived.healthcheck.net.CheckerEventLoop;

/**
 * Runs every checker of a config through our Checkers on one event loop, as the daemon's checker thread does, for
 * SECONDS; prints, every HEAP_INTERVAL seconds, the heap used after a full collection, the checkers' up/down changes
 * so far, and what the checker thread allocated over the interval (each checker probes about once a second).
 *   usage: java -cp 'packaging/target/lib/*' CheckerBench.java CONFIG SECONDS [HEAP_INTERVAL_SECONDS]
 */
public final class CheckerBench {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        long seconds = Long.parseLong(args[1]);
        long heapIntervalSeconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        KeepalivedConfig keepalived = ConfigLoader.load(new LoadOptions(config, "bench", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();
        AtomicLong ups = new AtomicLong();
        AtomicLong downs = new AtomicLong();
        CheckerVerdicts counter = new CheckerVerdicts() {
            @Override
            public void stateChanged(CheckerTarget checker, boolean up) {
                (up ? ups : downs).incrementAndGet();
            }

            @Override
            public void weightChanged(CheckerTarget checker, long weight) {
            }

            @Override
            public void weightShareSet(CheckerTarget checker, long weightShare) {
            }
        };
        CheckerEventLoop loop = CheckerEventLoop.start();
        Checkers checkers = new Checkers(loop, Checkers.Settings.of(Optional.empty(), false, new Random(0)));
        List<RunningChecker> running = new ArrayList<>();
        loop.group().submit(() -> {
            for (VirtualServer vs : keepalived.lvs().virtualServers()) {
                for (RealServer rs : vs.realServers()) {
                    for (int index = 0; index < rs.checkers().size(); index++) {
                        RunningChecker checker = checkers.create(
                                new CheckerTarget(vs, rs, rs.checkers().get(index), index), counter);
                        running.add(checker);
                        checker.start();
                    }
                }
            }
        }).sync();
        System.out.println("checkers " + running.size());
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long loopThread = loop.group().submit(() -> Thread.currentThread().getId()).get();
        long allocatedBefore = threads.getThreadAllocatedBytes(loopThread);
        for (long elapsed = 0; elapsed < seconds; elapsed += heapIntervalSeconds) {
            long interval = Math.min(heapIntervalSeconds, seconds - elapsed);
            Thread.sleep(interval * 1000);
            long allocated = threads.getThreadAllocatedBytes(loopThread);
            long bytesPerCheckerSecond = (allocated - allocatedBefore) / interval / Math.max(1, running.size());
            allocatedBefore = allocated;
            System.gc();
            long usedMiB = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            System.out.println("after " + (elapsed + interval) + " s: heap used after GC " + usedMiB
                    + " MiB; checkers down " + downs.get() + ", back up " + ups.get() + "; checker thread allocated "
                    + bytesPerCheckerSecond + " bytes per checker per second");
        }
        loop.group().submit(() -> running.forEach(RunningChecker::stop)).sync();
        checkers.close();
        loop.close();
    }
}
