package org.jkeepalived.config.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jkeepalived.config.Diagnostics;
import org.junit.jupiter.api.Test;

class TreeDumpTest {

    private static List<String> dump(String config) {
        return TreeDump.render(TreeParser.parse(TestLines.of(config), new Diagnostics()));
    }

    @Test
    void eachSettingIsOneLineIndentedByBlockDepthWithItsLocation() {
        assertEquals(List.of(
                "global_defs {  # keepalived.conf:1",
                "  router_id LVS_DEVEL  # keepalived.conf:2",
                "}",
                "vrrp_instance VI_1 {  # keepalived.conf:4",
                "  authentication {  # keepalived.conf:5",
                "    auth_type PASS  # keepalived.conf:5",
                "  }",
                "  virtual_ipaddress {  # keepalived.conf:6",
                "    10.0.0.1/24 dev eth0  # keepalived.conf:7",
                "  }",
                "  track_script {  # keepalived.conf:9",
                "  }",
                "}"), dump("""
                global_defs {
                  router_id LVS_DEVEL
                }
                vrrp_instance VI_1 {
                  authentication { auth_type PASS }
                  virtual_ipaddress {
                    10.0.0.1/24 dev eth0
                  }
                  track_script { }
                }
                """));
    }

    @Test
    void wordsWithBlanksBracesOrCommentCharactersAreQuotedAgain() {
        assertEquals(List.of(
                "vrrp_script chk {  # keepalived.conf:1",
                "  script \"/bin/check x\"  # keepalived.conf:2",
                "  user \"\" \"a{b\" \"c#d\"  # keepalived.conf:3",
                "}"), dump("""
                vrrp_script chk {
                  script "/bin/check x"
                  user "" "a{b" "c#d"
                }
                """));
    }

    @Test
    void checkersAreDumpedFourLevelsDeep() {
        assertEquals(List.of(
                "virtual_server 10.0.0.1 80 {  # keepalived.conf:1",
                "  real_server 10.0.0.2 80 {  # keepalived.conf:2",
                "    HTTP_GET {  # keepalived.conf:3",
                "      url {  # keepalived.conf:4",
                "        path /  # keepalived.conf:4",
                "      }",
                "    }",
                "  }",
                "}"), dump("""
                virtual_server 10.0.0.1 80 {
                  real_server 10.0.0.2 80 {
                    HTTP_GET {
                      url { path / }
                    }
                  }
                }
                """));
    }
}
