package org.jkeepalived.daemon;

import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import org.jkeepalived.config.value.LiveHost;
import org.slf4j.Logger;

/**
 * What bin/keepalived runs: the command line, then either the config test or the daemon. bin/keepalived passes
 * the name it was run as in {@code jkeepalived.argv0}, for the usage text and the {@code Command line:} log line.
 */
public final class Main {
    /** KEEPALIVED_EXIT_PROGRAM_ERROR: a fault in jkeepalived itself, never a verdict on the input. */
    static final int EXIT_PROGRAM_ERROR = 70;

    private Main() {
    }

    public static void main(String[] args) {
        String program = System.getProperty("jkeepalived.argv0", "keepalived");
        System.exit(run(program, List.of(args), new Console(System.out, System.err)));
    }

    static int run(String program, List<String> args, Console console) {
        try {
            Uname uname = Uname.ofThisMachine();
            KeepalivedCommandLine.Outcome outcome = new KeepalivedCommandLine(console, uname).parse(program, args);
            if (outcome instanceof KeepalivedCommandLine.Exit exit) {
                return exit.status();
            }
            Options options = ((KeepalivedCommandLine.Run) outcome).options();
            ConfigFiles files = new ConfigFiles(LiveHost.system(), new SplittableRandom());
            if (options.configTest()) {
                return new ConfigTest(console).run(options, files.load(options));
            }
            Signals signals = Signals.install();
            Logger log = Logging.configure(options.log(), ZoneId.systemDefault());
            // the seams the real checkers and the IPVS applier plug into
            CheckerLauncher checkers = CheckerLauncher.service(log, CheckerLauncher.UNCHECKED,
                    CheckerLauncher.loggedOnly(log));
            Daemon daemon = new Daemon(options, files, log,
                    pid -> ProcessHandle.of(pid).isPresent(), ProcessHandle.current().pid(), uname,
                    VrrpLauncher.engine(options.log().detailLevel() > 0), checkers);
            return daemon.run(signals::next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_PROGRAM_ERROR;
        } catch (RuntimeException e) {
            console.err().println("jkeepalived: internal error: " + e);
            console.flush();
            return EXIT_PROGRAM_ERROR;
        } finally {
            console.flush();
        }
    }
}
