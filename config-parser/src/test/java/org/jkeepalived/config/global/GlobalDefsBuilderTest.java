package org.jkeepalived.config.global;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
}
