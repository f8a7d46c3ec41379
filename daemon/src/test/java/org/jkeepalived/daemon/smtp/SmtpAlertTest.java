package org.jkeepalived.daemon.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.jkeepalived.config.ConfigLoader;
import org.jkeepalived.config.KeepalivedConfig;
import org.jkeepalived.config.LoadOptions;
import org.jkeepalived.config.value.LiveHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SmtpAlertTest {

    private static final ZonedDateTime NOW = ZonedDateTime.of(2021, 3, 1, 9, 44, 8, 0, ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(SmtpAlertTest.class);

    @TempDir
    Path dir;

    private KeepalivedConfig load(int port, String instanceAlert) throws IOException {
        Path file = Files.writeString(dir.resolve("keepalived.conf"), """
                global_defs {
                    router_id ref1
                    notification_email {
                        ops@example.com
                        oncall@example.com
                    }
                    notification_email_from keepalived@example.com
                    smtp_server 127.0.0.1 %d
                    smtp_helo_name lb1.example.com
                    smtp_connect_timeout 5
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface lo
                    virtual_router_id 51
                    priority 150
                    advert_int 1
                    %s
                    virtual_ipaddress {
                        10.77.0.100/24
                    }
                }
                """.formatted(port, instanceAlert));
        return ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false, LiveHost.system(),
                new Random(0))).config().orElseThrow();
    }

    private static SmtpAlerter alerter() {
        return new SmtpAlerter(global -> SmtpSettings.of(global, "lb1", "root"), () -> NOW, LOG, true);
    }

    @Test
    void theMailTextHasKeepalivedsHeadersInItsOrder() {
        SmtpSettings settings = new SmtpSettings("127.0.0.1", 25, "lb1", "from@x", List.of("a@x", "b@x"), "ref1",
                30_000);
        String data = AlertMail.instance("ref1", "VI_1", "Entering MASTER state",
                "=> VRRP Instance is now owning VRRP VIPs <=").data(settings, NOW);
        assertEquals("Date: Mon, 01 Mar 2021 09:44:08 +0000\r\nFrom: from@x\r\n"
                + "Subject: [ref1] VRRP Instance VI_1 - Entering MASTER state\r\nX-Mailer: Keepalived\r\n"
                + "To: a@x, b@x\r\n\r\n=> VRRP Instance is now owning VRRP VIPs <=\r\n\r\n.\r\n", data);
    }

    @Test
    void aLongSubjectAndBodyAreCutAsKeepalivedsBuffersCutThem() {
        AlertMail mail = new AlertMail("s".repeat(300), "b".repeat(600));
        assertEquals(255, mail.subject().length());
        assertEquals(511, mail.body().length());
    }

    @Test
    void withoutRecipientsOrServerNoMailIsConfigured() throws IOException {
        KeepalivedConfig config = load(25, "smtp_alert");
        assertTrue(SmtpSettings.of(config.global(), "lb1", "root").isPresent());
        Path file = Files.writeString(dir.resolve("bare.conf"), "global_defs {\n smtp_server 127.0.0.1\n}\n");
        KeepalivedConfig bare = ConfigLoader.load(new LoadOptions(file.toString(), "testhost", false, false,
                LiveHost.system(), new Random(0))).config().orElseThrow();
        assertEquals(Optional.empty(), SmtpSettings.of(bare.global(), "lb1", "root"));
    }

    @Test
    void anInstanceWithoutSmtpAlertFollowsTheGlobalDefaultWhichIsOff() throws IOException {
        assertFalse(VrrpAlertSettings.of(load(25, "")).alerts("INSTANCE", "VI_1"));
        assertFalse(VrrpAlertSettings.of(load(25, "smtp_alert false")).alerts("INSTANCE", "VI_1"));
        assertTrue(VrrpAlertSettings.of(load(25, "smtp_alert")).alerts("INSTANCE", "VI_1"));
    }

    @Test
    void anInstanceBecomingMasterMailsTheWholeDialogueOnce() throws Exception {
        try (SmtpResponder responder = new SmtpResponder(); SmtpAlerter alerter = alerter()) {
            KeepalivedConfig config = load(responder.port(), "smtp_alert");
            alerter.configure(config.global());
            VrrpSmtpAlerts alerts = new VrrpSmtpAlerts(alerter, config);
            alerts.notified("INSTANCE", "VI_1", "MASTER");
            alerts.notified("INSTANCE", "VI_1", "MASTER");
            assertEquals("HELO lb1.example.com\r\nMAIL FROM:<keepalived@example.com>\r\n"
                    + "RCPT TO:<ops@example.com>\r\nRCPT TO:<oncall@example.com>\r\nDATA\r\n"
                    + "Date: Mon, 01 Mar 2021 09:44:08 +0000\r\nFrom: keepalived@example.com\r\n"
                    + "Subject: [ref1] VRRP Instance VI_1 - Entering MASTER state\r\nX-Mailer: Keepalived\r\n"
                    + "To: ops@example.com, oncall@example.com\r\n\r\n"
                    + "=> VRRP Instance is now owning VRRP VIPs <=\r\n\r\n.\r\nQUIT\r\n", responder.dialogue());
        }
    }

    @Test
    void aCheckerAlertGetsTheRouterIdBeforeItsSubject() throws Exception {
        try (SmtpResponder responder = new SmtpResponder(); SmtpAlerter alerter = alerter()) {
            alerter.configure(load(responder.port(), "").global());
            alerter.send("Realserver [10.0.0.2]:tcp:80 of virtual server [10.0.0.1]:tcp:80 - DOWN",
                    "=> TCP CHECK failed on service <=");
            String dialogue = responder.dialogue();
            assertTrue(dialogue.contains("\r\nSubject: [ref1] Realserver [10.0.0.2]:tcp:80 of virtual server"
                    + " [10.0.0.1]:tcp:80 - DOWN\r\n"), dialogue);
            assertTrue(dialogue.endsWith("\r\n\r\n=> TCP CHECK failed on service <=\r\n\r\n.\r\nQUIT\r\n"), dialogue);
        }
    }
}
