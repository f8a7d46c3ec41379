package org.jkeepalived.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jkeepalived.config.lvs.CheckerTiming;
import org.junit.jupiter.api.Test;

/** The per-type epilogs in virtual time: outcomes in, delays, log lines and verdicts out. */
class EpilogTest {
    private static final String SERVER = "[127.0.0.1]:tcp:8080";
    private static final String VS = "[10.0.0.1]:tcp:80";
    private static final long LOOP = 6_000_000;
    private static final long RETRY_DELAY = 1_000_000;
    // the smtp_alert bodies of keepalived 2.2.7's checkers
    private static final String TCP_UP = "=> TCP CHECK succeed on service <=";
    private static final String TCP_DOWN = "=> TCP CHECK failed on service <=";
    private static final String ICMP_DOWN = "=> ICMP CHECK failed on service <=";
    private static final String MISC_UP = "=> MISC CHECK succeeded on service <=";
    private static final String MISC_DOWN = "=> MISC CHECK failed on service <=";
    private static final String MISC_TIMED_OUT = "=> MISC CHECK timed out on service <=";
    private static final String CHECK_UP = "=> CHECK succeed on service <=";
    private static final String HTTP_DOWN = "=> CHECK failed on service : HTTP request failed <=";
    private static final String DNS_UP = "=> DNS_CHECK: succeed on service <=";
    private static final String DNS_DOWN = "=> DNS_CHECK: failed on service <=";

    private static CheckerTiming timing(boolean alpha, long retry, boolean logAll) {
        return new CheckerTiming(alpha, LOOP, 0, retry, RETRY_DELAY, logAll);
    }

    private static Decision decision(long delay, Optional<Boolean> state, String... lines) {
        return new Decision(delay, List.of(lines), state, OptionalLong.empty(), Optional.empty());
    }

    /** A decision reporting the checker {@code up} or down, with the body keepalived's checker would mail. */
    private static Decision reported(long delay, boolean up, String alertBody, String... lines) {
        return new Decision(delay, List.of(lines), Optional.of(up), OptionalLong.empty(), Optional.of(alertBody));
    }

    @Test
    void aTcpCheckerReportsItsFirstSuccessThoughItStartedUp() {
        TcpEpilog epilog = new TcpEpilog(timing(false, 1, false), SERVER, false);
        assertEquals(reported(LOOP, true, TCP_UP, "TCP connection to " + SERVER + " success."),
                epilog.attempted(TcpEpilog.Outcome.CONNECTED));
        assertEquals(decision(LOOP, Optional.empty()), epilog.attempted(TcpEpilog.Outcome.CONNECTED));
    }

    @Test
    void aTcpCheckerGoesDownOnlyAfterItsRetries() {
        TcpEpilog epilog = new TcpEpilog(timing(false, 2, false), SERVER, false);
        epilog.attempted(TcpEpilog.Outcome.CONNECTED);
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.attempted(TcpEpilog.Outcome.FAILED));
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.attempted(TcpEpilog.Outcome.TIMED_OUT));
        assertEquals(reported(LOOP, false, TCP_DOWN, "TCP_CHECK on service " + SERVER + " failed after 2 retries."),
                epilog.attempted(TcpEpilog.Outcome.FAILED));
        assertEquals(reported(LOOP, true, TCP_UP, "TCP connection to " + SERVER + " success."),
                epilog.attempted(TcpEpilog.Outcome.CONNECTED));
    }

    @Test
    void aTcpCheckerWithLogAllFailuresNamesEachFailureWhileUp() {
        TcpEpilog epilog = new TcpEpilog(timing(false, 0, true), SERVER, false);
        assertEquals(reported(LOOP, false, TCP_DOWN, "TCP connection to " + SERVER + " timeout.",
                "TCP_CHECK on service " + SERVER + " failed."), epilog.attempted(TcpEpilog.Outcome.TIMED_OUT));
        assertEquals(decision(LOOP, Optional.empty()), epilog.attempted(TcpEpilog.Outcome.FAILED));
    }

    @Test
    void aTcpCheckerStartingDownWithAlphaComesUpOnItsFirstSuccess() {
        TcpEpilog epilog = new TcpEpilog(timing(true, 1, false), SERVER, false);
        assertEquals(reported(LOOP, true, TCP_UP, "TCP connection to " + SERVER + " success."),
                epilog.attempted(TcpEpilog.Outcome.CONNECTED));
    }

    @Test
    void aTcpCheckerStartingDownWithAlphaReportsItsFirstFailureOnlyOnce() {
        TcpEpilog epilog = new TcpEpilog(timing(true, 0, false), SERVER, false);
        assertEquals(reported(LOOP, false, TCP_DOWN, "TCP_CHECK on service " + SERVER + " failed."),
                epilog.attempted(TcpEpilog.Outcome.FAILED));
        assertEquals(decision(LOOP, Optional.empty()), epilog.attempted(TcpEpilog.Outcome.FAILED));
    }

    @Test
    void anHttpCheckerStartingDownWithAlphaNeverReportsAFailureSinceItsTimeoutMarksItRun() {
        HttpEpilog epilog = httpEpilog(true, 0);
        assertEquals(decision(LOOP, Optional.empty()), epilog.failed("Timeout connecting"));
        assertEquals(decision(LOOP, Optional.empty()), epilog.failed("Timeout connecting"));
    }

    @Test
    void aUdpCheckerStartingDownWithAlphaDoesNotRetryOrReport() {
        ReachEpilog epilog = new ReachEpilog(ReachEpilog.Kind.UDP, timing(true, 1, false), SERVER, VS, false);
        assertEquals(decision(LOOP, Optional.empty()), epilog.failed(false));
        assertEquals(decision(LOOP, Optional.empty()), epilog.failed(false));
    }

    @Test
    void aPingCheckerNamesTheVirtualServerWhenItFailsAfterRetries() {
        ReachEpilog epilog = new ReachEpilog(ReachEpilog.Kind.ICMP, timing(false, 1, false), SERVER, VS, false);
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.failed(true));
        assertEquals(reported(LOOP, false, ICMP_DOWN,
                "ICMP CHECK on service " + SERVER + " of " + VS + " failed after 1 retries."), epilog.failed(true));
    }

    @Test
    void aMiscCheckerCountsItsRetriesInItsMessages() {
        MiscEpilog epilog = new MiscEpilog(timing(false, 2, true), SERVER, VS, "/bin/check", false, 1, false);
        String prefix = "Misc check for [" + SERVER + " VS " + VS + "] by [/bin/check] failed";
        assertEquals(decision(RETRY_DELAY, Optional.empty(), prefix + ", will do 2 retries (exited with status 1)."),
                epilog.exited(1));
        assertEquals(decision(RETRY_DELAY, Optional.empty(), prefix + " on retry 1/2 (exited with status 1)."),
                epilog.exited(1));
        assertEquals(reported(LOOP, false, MISC_DOWN, prefix + " after 2 retries (exited with status 1)."),
                epilog.exited(1));
        assertEquals(reported(LOOP, true, MISC_UP,
                "Misc check for [" + SERVER + " VS " + VS + "] by [/bin/check] succeeded."), epilog.exited(0));
    }

    @Test
    void aMiscCheckerWithoutLogAllFailuresIsSilentUntilItsLastRetry() {
        MiscEpilog epilog = new MiscEpilog(timing(false, 1, false), SERVER, VS, "/bin/check", false, 1, false);
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.exited(3));
        assertEquals(reported(LOOP, false, MISC_DOWN, "Misc check for [" + SERVER + " VS " + VS
                + "] by [/bin/check] failed after 1 retry (exited with status 3)."), epilog.exited(3));
    }

    @Test
    void aMiscDynamicExitStatusSetsTheWeightToTheStatusLessTwo() {
        MiscEpilog epilog = new MiscEpilog(timing(false, 0, false), SERVER, VS, "/bin/check", true, 5, false);
        Decision first = epilog.exited(12);
        assertEquals(OptionalLong.of(10), first.weight());
        assertEquals(OptionalLong.empty(), epilog.exited(12).weight());
        assertEquals(OptionalLong.of(5), epilog.exited(0).weight());
    }

    @Test
    void aTimedOutMiscScriptSaysSo() {
        MiscEpilog epilog = new MiscEpilog(timing(false, 0, false), SERVER, VS, "/bin/check", false, 1, false);
        assertEquals(reported(LOOP, false, MISC_TIMED_OUT, "Misc check for [" + SERVER + " VS " + VS
                + "] by [/bin/check] timed out with retry disabled."), epilog.timedOut());
    }

    @Test
    void anHttpCheckerIsUpOnlyOnceEveryUrlHasPassed() {
        HttpEpilog epilog = httpEpilog(true, 1);
        assertEquals(decision(LOOP, Optional.empty(), "HTTP status code success to " + SERVER + " url(/first)"),
                epilog.responded(CheckerFixtures.response(200), Optional.empty()));
        assertEquals("/second", epilog.currentUrl().path());
        assertEquals(reported(LOOP, true, CHECK_UP, "HTTP status code success to " + SERVER + " url(/second)",
                "Remote Web server " + SERVER + " succeed on service."),
                epilog.responded(CheckerFixtures.response(200), Optional.empty()));
        assertEquals("/first", epilog.currentUrl().path());
    }

    @Test
    void anHttpCheckerFailsAfterRetriesAndThenRestartsFromTheFirstUrl() {
        HttpEpilog epilog = httpEpilog(false, 1);
        epilog.responded(CheckerFixtures.response(200), Optional.empty());
        epilog.responded(CheckerFixtures.response(200), Optional.empty());
        assertEquals(decision(RETRY_DELAY, Optional.empty()),
                epilog.responded(CheckerFixtures.response(404), Optional.empty()));
        assertEquals(reported(LOOP, false, HTTP_DOWN, "HTTP_CHECK on service " + SERVER + " failed after 1 retries."),
                epilog.failed("Timeout connecting"));
        assertEquals(decision(LOOP, Optional.empty(), "HTTP status code success to " + SERVER + " url(/first)"),
                epilog.responded(CheckerFixtures.response(200), Optional.empty()));
    }

    @Test
    void anHttpUrlWhoseRegexFailsIsAFailureAndOneThatPassesIsNamedInTheSuccessLine() {
        HttpEpilog epilog = new HttpEpilog(CheckerFixtures.httpCheck(timing(true, 0, true), "/first"), SERVER, VS,
                false);
        assertEquals(decision(LOOP, Optional.empty(), "Regex match failed server " + SERVER + "."),
                epilog.responded(CheckerFixtures.response(200), Optional.of(false)));
        epilog = new HttpEpilog(CheckerFixtures.httpCheck(timing(true, 0, true), "/first"), SERVER, VS, false);
        assertEquals(reported(LOOP, true, CHECK_UP, "Regex match success to " + SERVER + " url(/first)",
                "Remote Web server " + SERVER + " succeed on service."),
                epilog.responded(CheckerFixtures.response(200), Optional.of(true)));
    }

    private static HttpEpilog httpEpilog(boolean alpha, long retry) {
        return new HttpEpilog(CheckerFixtures.httpCheck(timing(alpha, retry, false), "/first", "/second"), SERVER, VS,
                false);
    }

    @Test
    void anSmtpCheckerLogsOnlyTheLastRetryFailure() {
        SmtpEpilog epilog = new SmtpEpilog(timing(false, 1, false), SERVER, false);
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.failed("Bad greeting banner from server x"));
        assertEquals(reported(LOOP, false, "=> CHECK failed on service : Bad greeting banner from server x <=",
                "SMTP_CHECK Bad greeting banner from server x"),
                epilog.failed("Bad greeting banner from server x"));
        assertEquals(reported(LOOP, true, CHECK_UP, "Remote SMTP server " + SERVER + " succeed on service."),
                epilog.succeeded());
    }

    @Test
    void aDnsCheckerAddsTheRetriesToItsLastFailure() {
        DnsEpilog epilog = new DnsEpilog(timing(false, 1, false), SERVER, false);
        assertEquals(decision(RETRY_DELAY, Optional.empty()), epilog.failed("read timeout from socket"));
        assertEquals(reported(LOOP, false, DNS_DOWN,
                "DNS_CHECK (" + SERVER + ") read timeout from socket after 1 retries"),
                epilog.failed("read timeout from socket"));
        assertEquals(reported(LOOP, true, DNS_UP), epilog.succeeded());
    }
}
