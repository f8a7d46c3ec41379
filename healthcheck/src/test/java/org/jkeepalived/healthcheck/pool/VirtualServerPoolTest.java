package org.jkeepalived.healthcheck.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.lvs.LvsConfig;
import org.jkeepalived.config.lvs.VirtualServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool against keepalived 2.2.7's decisions (ipwrapper.c): each test scripts checker verdicts in order, as the
 * checkers would report them over time, and compares the effects with what keepalived does and logs.
 */
class VirtualServerPoolTest {
    private static final String VS = "[10.0.0.1]:tcp:80";

    @TempDir
    Path dir;

    private final RecordingEffects effects = new RecordingEffects();
    private VirtualServerPool pool;

    /** A virtual server 10.0.0.1:80 with {@code settings}, and real servers 192.0.2.N:80 each with a TCP_CHECK. */
    private void startPool(String settings, String... realServerSettings) throws IOException {
        startPoolAfter("", settings, realServerSettings);
    }

    /** {@link #startPool} with {@code preamble} (global_defs) before the virtual server. */
    private void startPoolAfter(String preamble, String settings, String... realServerSettings) throws IOException {
        StringBuilder text = new StringBuilder(preamble + "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n"
                + "  protocol TCP\n" + settings + "\n");
        for (int i = 0; i < realServerSettings.length; i++) {
            text.append("  real_server 192.0.2.").append(i + 1).append(" 80 {\n").append(realServerSettings[i])
                    .append("\n  }\n");
        }
        text.append("}\n");
        LvsConfig lvs = PoolConfigs.load(dir, text.toString());
        VirtualServer virtualServer = lvs.virtualServers().get(0);
        pool = new VirtualServerPool(virtualServer, 0, effects, lvs.noCheckerEmails());
        pool.start();
    }

    private static String tcpCheck() {
        return "    TCP_CHECK {\n      connect_timeout 1\n    }";
    }

    private void verdict(int realServer, int checker, boolean up) {
        pool.checkerStateChanged(checker(realServer, checker), up);
    }

    private void mailedVerdict(int realServer, int checker, boolean up, String alertBody) {
        pool.checkerStateChanged(checker(realServer, checker), up, Optional.of(alertBody));
    }

    private List<String> mails() {
        return effects.drain().stream().filter(event -> event.startsWith("smtp ")).toList();
    }

    private static String realServerMail(int realServer, String state, String body) {
        return "smtp Realserver [192.0.2." + realServer + "]:tcp:80 of virtual server " + VS + " - " + state + " / "
                + body;
    }

    private PoolChecker checker(int realServer, int checker) {
        VirtualServer virtualServer = pool.config();
        return pool.checkers().stream()
                .filter(c -> c.target.realServer() == virtualServer.realServers().get(realServer - 1))
                .filter(c -> c.target.index() == checker)
                .findFirst().orElseThrow();
    }

    @Test
    void realServersWithPassingCheckersEnterThePoolAtStartAndTheQuorumIsGained() throws IOException {
        startPool("  quorum_up \"/bin/echo up\"", tcpCheck(), tcpCheck());

        assertEquals(List.of(
                "ipvs add-service",
                "ipvs add 192.0.2.1:80 weight 1",
                "ipvs add 192.0.2.2:80 weight 1",
                "log Gained quorum 1+0=1 <= 2 for VS " + VS,
                "script /bin/echo up",
                "fifo VS " + VS + " UP"), effects.drain());
    }

    @Test
    void aFailingCheckerRemovesItsRealServerAndASucceedingOneAddsItBack() throws IOException {
        startPool("", tcpCheck() + "\n    notify_down \"/bin/echo down\"\n    notify_up \"/bin/echo up\"",
                tcpCheck());
        effects.drain();

        verdict(1, 0, false);
        verdict(1, 0, true);

        assertEquals(List.of(
                "log Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "script /bin/echo down",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN",
                "log Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "ipvs add 192.0.2.1:80 weight 1",
                "script /bin/echo up",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " UP"), effects.drain());
    }

    @Test
    void inhibitOnFailureSetsWeightZeroInsteadOfRemoving() throws IOException {
        startPool("  inhibit_on_failure", "    weight 3\n" + tcpCheck(), tcpCheck());
        effects.drain();

        verdict(1, 0, false);
        verdict(1, 0, true);

        assertEquals(List.of(
                "log Disabling service [192.0.2.1]:tcp:80 of VS " + VS,
                "ipvs weight 192.0.2.1:80 0",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN",
                "log Enabling service [192.0.2.1]:tcp:80 of VS " + VS,
                "ipvs weight 192.0.2.1:80 3",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " UP"), effects.drain());
    }

    @Test
    void alphaKeepsARealServerOutUntilItsFirstSuccessAndInhibitAddsItAtWeightZero() throws IOException {
        startPool("  alpha", tcpCheck(), "    inhibit_on_failure\n" + tcpCheck());

        assertEquals(List.of(
                "ipvs add-service",
                "ipvs add 192.0.2.2:80 weight 0"), effects.drain());

        verdict(1, 0, true);
        verdict(2, 0, true);

        assertEquals(List.of(
                "log Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "ipvs add 192.0.2.1:80 weight 1",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " UP",
                "log Gained quorum 1+0=1 <= 1 for VS " + VS,
                "fifo VS " + VS + " UP",
                "log Enabling service [192.0.2.2]:tcp:80 of VS " + VS,
                "ipvs weight 192.0.2.2:80 1",
                "fifo RS [192.0.2.2]:tcp:80 " + VS + " UP"), effects.drain());
    }

    @Test
    void anAlphaCheckersFirstFailureRunsTheDownScriptWithoutChangingAnything() throws IOException {
        startPool("  alpha", tcpCheck() + "\n    notify_down \"/bin/echo down\"");
        effects.drain();

        verdict(1, 0, false);
        verdict(1, 0, false);

        assertEquals(List.of(
                "script /bin/echo down",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN"), effects.drain());
    }

    @Test
    void aSorryServerReplacesTheLiveServersWhenTheQuorumIsLostAndLeavesWhenItIsRegained() throws IOException {
        startPool("  quorum 2\n  sorry_server 192.0.2.99 8080\n  quorum_down \"/bin/echo qdown\"",
                tcpCheck(), tcpCheck());
        effects.drain();

        verdict(1, 0, false);

        assertEquals(List.of(
                "log Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN",
                "log Lost quorum 2-0=2 > 1 for VS " + VS,
                "log Adding sorry server [192.0.2.99]:tcp:8080 to VS " + VS,
                "log Removing alive servers from the pool for VS " + VS,
                "ipvs remove 192.0.2.2:80",
                "ipvs add sorry 192.0.2.99:8080 weight 1",
                "script /bin/echo qdown",
                "fifo VS " + VS + " DOWN"), effects.drain());

        verdict(1, 0, true);

        assertEquals(List.of(
                "log Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " UP",
                "log Gained quorum 2+0=2 <= 2 for VS " + VS,
                "log Removing sorry server [192.0.2.99]:tcp:8080 from VS " + VS,
                "ipvs remove sorry 192.0.2.99:8080",
                "log Adding alive servers to the pool for VS " + VS,
                "ipvs add 192.0.2.1:80 weight 1",
                "ipvs add 192.0.2.2:80 weight 1",
                "fifo VS " + VS + " UP"), effects.drain());
    }

    @Test
    void anAlphaPoolStartsWithTheSorryServerAndQuorumDown() throws IOException {
        startPool("  alpha\n  sorry_server 192.0.2.99 80", tcpCheck());

        assertEquals(List.of(
                "ipvs add-service",
                "log Starting with quorum down 1-0=1 > 0 for VS " + VS,
                "log Adding sorry server [192.0.2.99]:tcp:80 to VS " + VS,
                "log Removing alive servers from the pool for VS " + VS,
                "ipvs add sorry 192.0.2.99:80 weight 1",
                "fifo VS " + VS + " DOWN"), effects.drain());
    }

    @Test
    void anInhibitedSorryServerWaitsAtWeightZeroAndIsEnabledWhenTheQuorumIsLost() throws IOException {
        startPool("  sorry_server 192.0.2.99 80\n  sorry_server_inhibit", tcpCheck());

        assertEquals(List.of(
                "ipvs add-service",
                "ipvs add 192.0.2.1:80 weight 1",
                "log Gained quorum 1+0=1 <= 1 for VS " + VS,
                "fifo VS " + VS + " UP",
                "ipvs add sorry 192.0.2.99:80 weight 0"), effects.drain());

        verdict(1, 0, false);
        verdict(1, 0, true);

        assertEquals(List.of(
                "log Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN",
                "log Lost quorum 1-0=1 > 0 for VS " + VS,
                "log Enabling sorry server [192.0.2.99]:tcp:80 to VS " + VS,
                "log Removing alive servers from the pool for VS " + VS,
                "ipvs weight sorry 192.0.2.99:80 1",
                "fifo VS " + VS + " DOWN",
                "log Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " UP",
                "log Gained quorum 1+0=1 <= 1 for VS " + VS,
                "log Disabling sorry server [192.0.2.99]:tcp:80 from VS " + VS,
                "ipvs weight sorry 192.0.2.99:80 0",
                "log Adding alive servers to the pool for VS " + VS,
                "ipvs add 192.0.2.1:80 weight 1",
                "fifo VS " + VS + " UP"), effects.drain());
    }

    @Test
    void hysteresisHoldsTheQuorumUntilTheWeightFallsBelowQuorumMinusHysteresis() throws IOException {
        startPool("  quorum 3\n  hysteresis 1", tcpCheck(), tcpCheck(), tcpCheck(), tcpCheck());
        assertTrue(effects.logLines().contains("Gained quorum 3+1=4 <= 4 for VS " + VS));
        effects.drain();

        verdict(1, 0, false);
        verdict(2, 0, false);
        assertTrue(pool.quorumUp());
        verdict(3, 0, false);
        assertFalse(pool.quorumUp());
        verdict(1, 0, true);
        verdict(2, 0, true);
        assertFalse(pool.quorumUp());
        verdict(3, 0, true);

        assertEquals(List.of(
                "Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "Removing service [192.0.2.2]:tcp:80 from VS " + VS,
                "Removing service [192.0.2.3]:tcp:80 from VS " + VS,
                "Lost quorum 3-1=2 > 1 for VS " + VS,
                "Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "Adding service [192.0.2.2]:tcp:80 to VS " + VS,
                "Adding service [192.0.2.3]:tcp:80 to VS " + VS,
                "Gained quorum 3+1=4 <= 4 for VS " + VS), effects.logLines());
    }

    @Test
    void aRealServerIsUpOnlyWhileAllItsCheckersAre() throws IOException {
        startPool("", tcpCheck() + "\n" + tcpCheck());
        effects.drain();

        verdict(1, 0, false);
        verdict(1, 1, false);
        verdict(1, 0, true);
        assertEquals(List.of("Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "Lost quorum 1-0=1 > 0 for VS " + VS), effects.logLines());
        effects.drain();

        verdict(1, 1, true);
        assertEquals(List.of("Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "Gained quorum 1+0=1 <= 1 for VS " + VS), effects.logLines());
    }

    @Test
    void aRealServerWithoutCheckersIsAlwaysInThePool() throws IOException {
        startPool("  quorum 2", "    weight 2");

        assertEquals(List.of(
                "ipvs add-service",
                "ipvs add 192.0.2.1:80 weight 2",
                "log Gained quorum 2+0=2 <= 2 for VS " + VS,
                "fifo VS " + VS + " UP"), effects.drain());
    }

    @Test
    void aDynamicWeightChangesTheServersWeightAndTheQuorum() throws IOException {
        startPool("  quorum 4", "    weight 2\n    MISC_CHECK {\n      misc_path /bin/true\n      misc_dynamic\n    }",
                tcpCheck() + "\n    weight 2");
        effects.drain();

        pool.checkerWeightChanged(checker(1, 0), 1);
        assertFalse(pool.quorumUp());
        pool.checkerWeightChanged(checker(1, 0), 5);

        assertEquals(List.of(
                "log Changing weight from 2 to 1 for active service [192.0.2.1]:tcp:80 of VS " + VS,
                "ipvs weight 192.0.2.1:80 1",
                "log Lost quorum 4-0=4 > 3 for VS " + VS,
                "fifo VS " + VS + " DOWN",
                "log Changing weight from 1 to 5 for active service [192.0.2.1]:tcp:80 of VS " + VS,
                "ipvs weight 192.0.2.1:80 5",
                "log Gained quorum 4+0=4 <= 7 for VS " + VS,
                "fifo VS " + VS + " UP"), effects.drain());
    }

    @Test
    void aFailedMiscCheckerDropsItsDynamicWeightSilently() throws IOException {
        startPool("", "    weight 2\n    MISC_CHECK {\n      misc_path /bin/true\n      misc_dynamic\n    }");
        pool.checkerWeightChanged(checker(1, 0), 7);
        effects.drain();

        verdict(1, 0, false);
        pool.checkerWeightChanged(checker(1, 0), 4);
        verdict(1, 0, true);

        assertEquals(List.of(
                "Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "Lost quorum 1-0=1 > 0 for VS " + VS,
                "Changing weight from 2 to 4 for inactive service [192.0.2.1]:tcp:80 of VS " + VS,
                "Adding service [192.0.2.1]:tcp:80 to VS " + VS,
                "Gained quorum 1+0=1 <= 4 for VS " + VS), effects.logLines());
    }

    @Test
    void aRefusedIpvsCommandLeavesTheRealServerAsItWasSoTheNextVerdictRetries() throws IOException {
        startPool("", tcpCheck(), tcpCheck());
        effects.drain();
        effects.refused.add("192.0.2.1:80");

        verdict(1, 0, false);
        effects.refused.clear();
        verdict(1, 0, false);

        assertEquals(List.of(
                "log Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80 (refused)",
                "log Removing service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN"), effects.drain());
    }

    @Test
    void withoutOmegaShutdownOnlyRemovesTheServers() throws IOException {
        startPool("  quorum_down \"/bin/echo qdown\"\n  inhibit_on_failure",
                tcpCheck() + "\n    notify_down \"/bin/echo down\"", tcpCheck());
        verdict(2, 0, false);
        effects.drain();

        pool.stop();

        assertEquals(List.of(
                "log Shutting down service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "log Shutting down (inhibited) service [192.0.2.2]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.2:80",
                "ipvs remove-service"), effects.drain());
    }

    @Test
    void underLvsFlushOnStopShutdownLeavesTheServersToTheSweepAndLogsNoneOfThem() throws IOException {
        startPool("  omega\n  quorum_down \"/bin/echo qdown\"\n  sorry_server 192.0.2.99 80",
                tcpCheck() + "\n    notify_down \"/bin/echo down\"", tcpCheck());
        effects.drain();
        effects.flushingOnStop = true;

        pool.stop();

        assertEquals(List.of(
                "script /bin/echo qdown (shutting down)",
                "fifo VS " + VS + " DOWN",
                "ipvs remove-service"), effects.drain());
    }

    @Test
    void withOmegaShutdownRunsTheDownScriptsWithTheirShutdownTimeout() throws IOException {
        startPool("  omega\n  quorum_down \"/bin/echo qdown\"\n  sorry_server 192.0.2.99 80\n  sorry_server_inhibit",
                tcpCheck() + "\n    notify_down \"/bin/echo down\"");
        effects.drain();

        pool.stop();

        assertEquals(List.of(
                "ipvs remove sorry 192.0.2.99:80",
                "log Shutting down service [192.0.2.1]:tcp:80 from VS " + VS,
                "ipvs remove 192.0.2.1:80",
                "script /bin/echo down (shutting down)",
                "fifo RS [192.0.2.1]:tcp:80 " + VS + " DOWN",
                "smtp Realserver [192.0.2.1]:tcp:80 of virtual server " + VS + " - DOWN / => Shutting down <=",
                "script /bin/echo qdown (shutting down)",
                "fifo VS " + VS + " DOWN",
                "ipvs remove-service"), effects.drain());
    }

    @Test
    void smtpAlertsGoOutForQuorumChangesAndShutdown() throws IOException {
        startPool("  smtp_alert\n  omega", tcpCheck() + "\n    smtp_alert");

        assertTrue(effects.drain()
                .contains("smtp Virtualserver " + VS + " - UP / => Starting with quorum up 1+0=1 <= 1 <="));
        verdict(1, 0, false);
        assertTrue(effects.drain().contains("smtp Virtualserver " + VS + " - DOWN / => Lost quorum 1+0=1 <= 0 <="));
        verdict(1, 0, true);
        effects.drain();
        pool.stop();
        List<String> stopping = effects.drain();
        assertTrue(stopping.contains("smtp Realserver [192.0.2.1]:tcp:80 of virtual server " + VS
                + " - DOWN / => Shutting down <="));
        assertTrue(stopping.contains("smtp Virtualserver " + VS + " - DOWN / => Shutting down <="));
    }

    @Test
    void aCheckerVerdictThatChangesItsStateIsMailedWithTheCheckersWordsAndTheRealServersNewState()
            throws IOException {
        startPool("", tcpCheck());
        effects.drain();

        mailedVerdict(1, 0, false, "=> TCP CHECK failed on service <=");
        assertEquals(List.of(realServerMail(1, "DOWN", "=> TCP CHECK failed on service <=")), mails());
        mailedVerdict(1, 0, true, "=> TCP CHECK succeed on service <=");
        assertEquals(List.of(realServerMail(1, "UP", "=> TCP CHECK succeed on service <=")), mails());
    }

    @Test
    void aFirstVerdictConfirmingTheStartingStateIsMailedOnlyByAMiscCheck() throws IOException {
        startPool("", tcpCheck(), "    MISC_CHECK {\n      misc_path /bin/true\n    }");
        effects.drain();

        mailedVerdict(1, 0, true, "=> TCP CHECK succeed on service <=");
        assertEquals(List.of(), mails());
        mailedVerdict(2, 0, true, "=> MISC CHECK succeeded on service <=");
        assertEquals(List.of(realServerMail(2, "UP", "=> MISC CHECK succeeded on service <=")), mails());
    }

    @Test
    void aRealServerWithoutSmtpAlertHasNoCheckerMail() throws IOException {
        startPoolAfter("global_defs {\n  smtp_alert_checker false\n}\n", "", tcpCheck(),
                tcpCheck() + "\n    smtp_alert false");
        effects.drain();

        mailedVerdict(1, 0, false, "=> TCP CHECK failed on service <=");
        mailedVerdict(2, 0, false, "=> TCP CHECK failed on service <=");
        assertEquals(List.of(), mails());
    }

    @Test
    void withNoCheckerEmailsOnlyAVerdictThatChangesTheRealServerIsMailed() throws IOException {
        startPoolAfter("global_defs {\n  no_checker_emails\n}\n", "", tcpCheck() + "\n" + tcpCheck());
        effects.drain();

        mailedVerdict(1, 0, false, "=> TCP CHECK failed on service <=");
        mailedVerdict(1, 1, false, "=> TCP CHECK failed on service <=");
        assertEquals(List.of(realServerMail(1, "DOWN", "=> TCP CHECK failed on service <=")), mails());
        mailedVerdict(1, 0, true, "=> TCP CHECK succeed on service <=");
        mailedVerdict(1, 1, true, "=> TCP CHECK succeed on service <=");
        assertEquals(List.of(realServerMail(1, "UP", "=> TCP CHECK succeed on service <=")), mails());
    }

    @Test
    void withoutNoCheckerEmailsEveryCheckerStateChangeIsMailed() throws IOException {
        startPool("", tcpCheck() + "\n" + tcpCheck());
        effects.drain();

        mailedVerdict(1, 0, false, "=> TCP CHECK failed on service <=");
        mailedVerdict(1, 1, false, "=> TCP CHECK failed on service <=");
        assertEquals(List.of(realServerMail(1, "DOWN", "=> TCP CHECK failed on service <="),
                realServerMail(1, "DOWN", "=> TCP CHECK failed on service <=")), mails());
    }
}
