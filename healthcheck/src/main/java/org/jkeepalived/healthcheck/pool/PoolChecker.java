package org.jkeepalived.healthcheck.pool;

import org.jkeepalived.config.SameSettings;
import org.jkeepalived.config.lvs.BfdCheck;
import org.jkeepalived.config.lvs.Checker;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.jkeepalived.config.lvs.DnsCheck;
import org.jkeepalived.config.lvs.FileCheck;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.config.lvs.MiscCheck;
import org.jkeepalived.config.lvs.PingCheck;
import org.jkeepalived.config.lvs.RealServer;
import org.jkeepalived.config.lvs.SmtpCheck;
import org.jkeepalived.config.lvs.TcpCheck;
import org.jkeepalived.config.lvs.UdpCheck;
import org.jkeepalived.config.lvs.VirtualServer;
import org.jkeepalived.healthcheck.check.CheckerTarget;

/**
 * keepalived's {@code checker_t} as the pool sees it: up or down, whether it has run, and the weight its
 * {@code misc_dynamic} exit status adds to its real server. Owned by the checker event loop thread.
 */
final class PoolChecker {
    final CheckerTarget target;
    final PoolRealServer realServer;
    final boolean alpha;
    boolean up = true;
    boolean hasRun;
    /** keepalived's {@code cur_weight}: the dynamic (or file) weight minus the real server's configured weight. */
    long weightDelta;

    PoolChecker(CheckerTarget target, PoolRealServer realServer) {
        this.target = target;
        this.realServer = realServer;
        this.alpha = alpha(target.checker());
        // add_rs_to_track_files: a file checker has read its file, so keepalived marks it as run from the start
        this.hasRun = target.checker() instanceof FileCheck;
    }

    /** keepalived's {@code set_checker_state}: keeps the real server's count of failed checkers. */
    void setState(boolean newUp) {
        if (up == newUp) {
            return;
        }
        up = newUp;
        if (!newUp) {
            realServer.failedCheckers++;
        } else if (realServer.failedCheckers > 0) {
            realServer.failedCheckers--;
        }
    }

    /**
     * Whether a checker running for {@code other} would probe, log and report exactly as one made for this checker, so
     * that it can carry on across a reload: the same checker settings (places in the file aside), real server address
     * and virtualhost, a MISC_CHECK's real server weight (its dynamic weight is counted from it), and the virtual
     * server's name, delay_loop and virtualhost: all that a running checker reads from its target.
     */
    boolean runsAs(PoolChecker other) {
        RealServer server = target.realServer();
        RealServer otherServer = other.target.realServer();
        VirtualServer service = target.virtualServer();
        VirtualServer otherService = other.target.virtualServer();
        return SameSettings.of(target.checker(), other.target.checker())
                && server.endpoint().equals(otherServer.endpoint())
                && (!isMisc() || server.weight() == otherServer.weight())
                && server.virtualhost().equals(otherServer.virtualhost())
                && service.key().equals(otherService.key())
                && service.protocol().equals(otherService.protocol())
                && service.delayLoopMicros() == otherService.delayLoopMicros()
                && service.virtualhost().equals(otherService.virtualhost());
    }

    /** keepalived's {@code migrate_checkers} for a checker that carries on: its state, run flag and dynamic weight. */
    void carryOver(PoolChecker old) {
        setState(old.up);
        hasRun = old.hasRun;
        weightDelta = old.weightDelta;
    }

    /** Whether keepalived schedules it itself and logs its activation (BFD and file checkers are driven for it). */
    boolean launched() {
        return !(target.checker() instanceof BfdCheck || target.checker() instanceof FileCheck);
    }

    boolean isMisc() {
        return target.checker() instanceof MiscCheck;
    }

    /** A FILE_CHECK is never alpha in keepalived; BFD_CHECK has its own setting. */
    private static boolean alpha(Checker checker) {
        if (checker instanceof BfdCheck bfd) {
            return bfd.alpha();
        }
        if (checker instanceof FileCheck) {
            return false;
        }
        return timing(checker).alpha();
    }

    private static CheckerTiming timing(Checker checker) {
        if (checker instanceof TcpCheck tcp) {
            return tcp.timing();
        }
        if (checker instanceof HttpCheck http) {
            return http.timing();
        }
        if (checker instanceof MiscCheck misc) {
            return misc.timing();
        }
        if (checker instanceof SmtpCheck smtp) {
            return smtp.timing();
        }
        if (checker instanceof DnsCheck dns) {
            return dns.timing();
        }
        if (checker instanceof UdpCheck udp) {
            return udp.timing();
        }
        return ((PingCheck) checker).timing();
    }
}
