package org.jkeepalived.config.global;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

class GlobalDefsBuilderTest {

    @Test
    void defaultsAreKeepalivedsAndTheRouterIdIsTheShortHostName() {
        BuildContext ctx = context(TestHost.withInterfaces());
        GlobalDefs global = GlobalDefsBuilder.build(tree(""), ctx);
        assertEquals("testhost", global.routerId());
        assertEquals(2, global.vrrpVersion());
        assertEquals(30, global.smtpConnectTimeoutSecs());
        assertEquals(GlobalDefs.GarpDefaults.KEEPALIVED, global.garp());
    }

    @Test
    void anEmptyEmailBlockAndAZeroGarpIntervalAreErrors() {
        BuildContext ctx = context(TestHost.withInterfaces());
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    router_id LVS_A
                    notification_email {
                    }
                    vrrp_garp_interval 0
                    vrrp_strict
                }
                """), ctx);
        assertEquals(List.of("(k.conf: Line 3) Warning - empty notification_email block",
                "(k.conf: Line 5) number '0' outside range [0.000001, 4294.967295]",
                "(k.conf: Line 5) vrrp_garp_interval '0' is invalid"), rendered(ctx));
        assertEquals("LVS_A", global.routerId());
        assertTrue(global.vrrpStrict());
    }

    @Test
    void anUnknownScriptUserIsAnError() {
        BuildContext ctx = context(TestHost.withInterfaces().user("keepalived_script", 990, 990));
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    enable_script_security
                    script_user keepalived_script mysqlusers
                }
                """), ctx);
        assertEquals(List.of("(k.conf: Line 3) Error setting global script uid/gid"), rendered(ctx));
        assertTrue(global.scriptUser().orElseThrow().resolved().isEmpty());
    }

    @Test
    void fifoHandlersReportAsKeepalivedAndADefaultUserFailureDropsTheFifo() {
        BuildContext ctx = context(TestHost.withInterfaces());
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    enable_script_security
                    lvs_notify_fifo /run/lvs_fifo
                    notify_fifo
                    smtp_alert_checker maybe
                    checker_log_all_failures maybe
                }
                """), ctx);
        assertEquals(List.of("(k.conf: Line 3) Unable to set default user keepalived_script for script",
                "(k.conf: Line 3) Failed to set default user for lvs_ fifo (null) - ignoring",
                "(k.conf: Line 4) No notify_fifo name specified",
                "(k.conf: Line 5) Invalid value 'maybe' for global smtp_alert_checker specified",
                "(k.conf: Line 6) Invalid value for checker_log_all_failures specified"), rendered(ctx));
        assertTrue(global.lvsNotifyFifo().isEmpty());
        assertTrue(global.smtpAlertChecker().isEmpty());
    }

    @Test
    void aSecondFifoNameIsIgnoredAndAVrrpFifoSharingTheGlobalFifoIsDropped() {
        BuildContext ctx = context(TestHost.withInterfaces());
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    notify_fifo /run/fifo
                    notify_fifo /run/other
                    vrrp_notify_fifo /run/fifo
                    lvs_notify_fifo /run/lvs root
                    lvs_notify_fifo_script /bin/true root
                    smtp_alert_checker false
                    checker_log_all_failures
                }
                """), ctx);
        assertEquals(List.of("(k.conf: Line 3) notify_fifo already specified - ignoring /run/other",
                "notify FIFO /run/fifo has been specified for global and vrrp FIFO - ignoring vrrp FIFO"),
                rendered(ctx));
        assertEquals("/run/fifo", global.notifyFifo().orElseThrow().path());
        assertTrue(global.vrrpNotifyFifo().isEmpty());
        assertEquals(List.of("/bin/true"), global.lvsNotifyFifo().orElseThrow().script().orElseThrow().argv());
        assertEquals(Optional.of(false), global.smtpAlertChecker());
        assertTrue(global.checkerLogAllFailures());
    }

    @Test
    void noEmailFaultsAndNoCheckerEmailsAreTypedAndAnInvalidNoCheckerEmailsIsIgnored() {
        BuildContext ctx = context(TestHost.withInterfaces());
        GlobalDefs unset = GlobalDefsBuilder.build(tree("global_defs {\n}\n"), ctx);
        assertFalse(unset.noEmailFaults());
        assertFalse(unset.noCheckerEmails());
        GlobalDefs global = GlobalDefsBuilder.build(tree("""
                global_defs {
                    no_email_faults
                    no_checker_emails
                    no_checker_emails maybe
                }
                """), ctx);
        assertEquals(List.of("(k.conf: Line 4) Invalid value 'maybe' for global no_checker_emails specified"),
                rendered(ctx));
        assertTrue(global.noEmailFaults());
        assertTrue(global.noCheckerEmails());
        assertTrue(ctx.notActedOn().isEmpty(), ctx.notActedOn().toString());
    }
}
