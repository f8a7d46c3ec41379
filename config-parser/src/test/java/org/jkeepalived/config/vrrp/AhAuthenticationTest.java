package org.jkeepalived.config.vrrp;

import static org.jkeepalived.config.ConfigFixtures.context;
import static org.jkeepalived.config.ConfigFixtures.rendered;
import static org.jkeepalived.config.ConfigFixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jkeepalived.config.TestHost;
import org.jkeepalived.config.global.GlobalDefsBuilder;
import org.jkeepalived.config.tree.ConfigNode;
import org.jkeepalived.config.value.BuildContext;
import org.junit.jupiter.api.Test;

class AhAuthenticationTest {

    private static String instance(String name, int vrid, String state, String address) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n" + state
                + " authentication {\n  auth_type AH\n  auth_pass foo\n }\n virtual_ipaddress {\n  " + address
                + "\n }\n}\n";
    }

    @Test
    void anInitialMasterThatDoesNotOwnTheAddressesStartsAsBackupWithAh() {
        BuildContext ctx = context(TestHost.withInterfaces("eth0"));
        ConfigNode root = tree(instance("VI_1", 1, " state MASTER\n priority 100\n", "10.0.0.1")
                + instance("VI_2", 2, " state MASTER\n", "10.0.0.2")
                + instance("VI_6", 6, " version 2\n", "2001::2/64"));
        VrrpConfig config = VrrpModelBuilder.build(root, GlobalDefsBuilder.build(root, ctx), ctx);
        assertEquals(List.of(
                "(VI_1) Initial state master is incompatible with AH authentication - clearing",
                "(VI_6) Cannot use AH authentication with IPv6. ignoring"), rendered(ctx));
        assertEquals(VrrpInstance.State.BACKUP, config.instances().get("VI_1").initialState());
        assertEquals(VrrpInstance.State.MASTER, config.instances().get("VI_2").initialState());
        assertEquals(Optional.empty(), config.instances().get("VI_6").authentication());
    }
}
