package org.jkeepalived.healthcheck.check;

import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jkeepalived.config.lvs.MiscCheck;
import org.jkeepalived.config.value.ScriptIdentity;
import org.jkeepalived.healthcheck.script.ScriptLauncher;

/**
 * MISC_CHECK: up while misc_path exits 0 (or, with misc_dynamic, 2..255, which also set the weight). A script that
 * outlives misc_timeout gets SIGTERM, then SIGKILL every few seconds until it ends, as keepalived's child thread does.
 */
final class MiscChecker extends LoopingChecker {
    /** keepalived waits 2 s after SIGTERM, 2 s after the first SIGKILL, then 10 s between later ones. */
    private static final long TERM_GRACE_MICROS = 2_000_000;
    private static final long KILL_REPEAT_MICROS = 10_000_000;
    /** A process killed by SIGTERM or SIGKILL, as the JDK reports its exit value (128 + signal). */
    private static final int KILLED_BY_TERM = 128 + 15;
    private static final int KILLED_BY_KILL = 128 + 9;
    private static final long NANOS_PER_MICRO = 1000;
    /** How the JDK words a failed exec: "Cannot run program "x": error=2, No such file or directory". */
    private static final Pattern JDK_EXEC_ERROR = Pattern.compile("error=(\\d+), (.*)$");

    private enum Termination { NONE, REQUESTED, FORCED }

    private final CheckerContext context;
    private final List<String> argv;
    private final ScriptIdentity runAs;
    private final long timeoutMicros;
    private final MiscEpilog epilog;
    private Process running;
    private long startedNanos;
    private Termination termination = Termination.NONE;
    private ScheduledFuture<?> killTimer;

    MiscChecker(CheckerTarget target, CheckerVerdicts verdicts, CheckerContext context, MiscCheck check) {
        super(target, verdicts, context.eventLoop(), context.firstDelayMicros(check.timing()));
        this.context = context;
        List<String> command = new ArrayList<>(check.script().argv());
        command.set(0, ScriptLauncher.resolvedCommand(command.get(0), context.scriptSearchPath()));
        this.argv = List.copyOf(command);
        this.runAs = check.script().runAs();
        this.timeoutMicros = check.timeoutMicros() != 0 ? check.timeoutMicros()
                : target.virtualServer().delayLoopMicros();
        this.epilog = new MiscEpilog(check.timing(), CheckerNames.server(target),
                CheckerNames.virtualServer(target.virtualServer()), argv.get(0), check.dynamic(),
                target.realServer().weight(), context.logAllFailures());
    }

    @Override
    protected void attempt() {
        startedNanos = context.nanoClock().getAsLong();
        termination = Termination.NONE;
        Process process;
        try {
            process = context.scripts().start(argv, runAs);
        } catch (IOException e) {
            // keepalived's child logs the failed exec and exits 0: "Script errors aren't server errors"
            Matcher errno = JDK_EXEC_ERROR.matcher(String.valueOf(e.getMessage()));
            boolean worded = errno.find();
            LOG.error("Error exec-ing command '{}', error {}: {}", argv.get(0), worded ? errno.group(1) : "0",
                    worded ? errno.group(2) : e.getMessage());
            ended(0);
            return;
        }
        running = process;
        killTimer = loop.schedule(() -> timedOut(process), timeoutMicros, TimeUnit.MICROSECONDS);
        process.onExit().thenAccept(exited -> loop.execute(() -> {
            if (running == exited) {
                running = null;
                killTimer.cancel(false);
                ended(exited.exitValue());
            }
        }));
    }

    private void timedOut(Process process) {
        if (running != process) {
            return;
        }
        long nextMicros;
        switch (termination) {
            case NONE -> {
                termination = Termination.REQUESTED;
                ScriptLauncher.terminate(process, false);
                nextMicros = TERM_GRACE_MICROS;
            }
            case REQUESTED -> {
                termination = Termination.FORCED;
                ScriptLauncher.terminate(process, true);
                nextMicros = TERM_GRACE_MICROS;
            }
            default -> {
                LOG.info("Child (PID {}) failed to terminate after kill", process.pid());
                ScriptLauncher.terminate(process, true);
                nextMicros = KILL_REPEAT_MICROS;
            }
        }
        killTimer = loop.schedule(() -> timedOut(process), nextMicros, TimeUnit.MICROSECONDS);
    }

    private void ended(int exitValue) {
        boolean killedByUs = termination != Termination.NONE
                && (exitValue == KILLED_BY_TERM || exitValue == KILLED_BY_KILL);
        Decision decision = killedByUs ? epilog.timedOut() : epilog.exited(exitValue);
        // keepalived counts the next run from the start of this one
        long elapsedMicros = (context.nanoClock().getAsLong() - startedNanos) / NANOS_PER_MICRO;
        long remainingMicros = Math.max(1, decision.delayMicros() - elapsedMicros);
        conclude(new Decision(remainingMicros, decision.logLines(), decision.state(), decision.weight(),
                decision.alertBody()));
    }

    @Override
    protected void abandon() {
        Process process = running;
        running = null;
        if (killTimer != null) {
            killTimer.cancel(false);
        }
        if (process != null) {
            ScriptLauncher.terminate(process, true);
        }
    }
}
