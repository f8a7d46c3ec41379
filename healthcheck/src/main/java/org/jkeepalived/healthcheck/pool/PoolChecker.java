package org.jkeepalived.healthcheck.pool;

import org.jkeepalived.config.lvs.BfdCheck;
import org.jkeepalived.config.lvs.Checker;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.jkeepalived.config.lvs.DnsCheck;
import org.jkeepalived.config.lvs.FileCheck;
import org.jkeepalived.config.lvs.HttpCheck;
import org.jkeepalived.config.lvs.MiscCheck;
import org.jkeepalived.config.lvs.PingCheck;
import org.jkeepalived.config.lvs.SmtpCheck;
import org.jkeepalived.config.lvs.TcpCheck;
import org.jkeepalived.config.lvs.UdpCheck;
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
