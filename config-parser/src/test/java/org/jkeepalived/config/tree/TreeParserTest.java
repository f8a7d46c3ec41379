package org.jkeepalived.config.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.Diagnostic;
import org.jkeepalived.config.Diagnostics;
import org.jkeepalived.config.Location;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lex.Line;
import org.junit.jupiter.api.Test;

/**
 * Expected messages are those keepalived 2.2.7 {@code -t} prints, plus its log line for a value block without
 * {@code {} (severity OK: logged, not a config error), for the same text (from the reading of the process
 * that owns the block: the checker's for virtual_server*, the VRRP process's for vrrp_*, the parent's for the rest).
 */
class TreeParserTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private ConfigNode parse(String config) {
        return TreeParser.parse(TestLines.of(config), diagnostics);
    }

    private ConfigNode parse(String config, ProcessReading reading) {
        return TreeParser.parse(TestLines.of(config), diagnostics, reading);
    }

    private List<String> messages() {
        return diagnostics.list().stream().map(Diagnostic::render).toList();
    }

    private static String at(int line, String message) {
        return "(" + TestLines.FILE + ": Line " + line + ") " + message;
    }

    private static List<String> words(ConfigNode node) {
        return Stream.concat(Stream.of(node.keyword()), node.args().stream()).toList();
    }

    private static ConfigNode only(ConfigNode parent, String keyword) {
        List<ConfigNode> found = parent.children(keyword);
        assertEquals(1, found.size(), keyword);
        return found.get(0);
    }

    @Test
    void aWellFormedBlockBecomesANodeWithItsKeywordsAsChildren() {
        ConfigNode root = parse("""
                global_defs {
                   router_id LVS_DEVEL
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth0
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        192.168.200.16/24 dev eth0
                        192.168.200.17
                    }
                }
                """);
        assertEquals(List.of(), messages());
        assertEquals("", root.keyword());
        assertNull(root.location());
        assertEquals(List.of("global_defs", "vrrp_instance"), root.children().stream().map(ConfigNode::keyword)
                .toList());
        ConfigNode instance = only(root, "vrrp_instance");
        assertEquals(List.of("VI_1"), instance.args());
        assertEquals(new Location(TestLines.FILE, 4), instance.location());
        assertEquals(List.of("state", "interface", "authentication", "virtual_ipaddress"),
                instance.children().stream().map(ConfigNode::keyword).toList());
        assertEquals(List.of("auth_pass", "1111"), words(only(only(instance, "authentication"), "auth_pass")));
        ConfigNode vips = only(instance, "virtual_ipaddress");
        assertEquals(List.of(List.of("192.168.200.16/24", "dev", "eth0"), List.of("192.168.200.17")),
                vips.children().stream().map(TreeParserTest::words).toList());
        assertEquals(13, vips.children().get(1).location().line());
    }

    @Test
    void anUnknownKeywordIsReportedAndLeftOutAtEveryLevel() {
        ConfigNode root = parse("""
                bogus_root 1
                global_defs {
                  Router_id x
                }
                vrrp_instance VI_1 {
                  bogus_instance
                  authentication {
                    auth_typ PASS
                  }
                }
                virtual_server 10.0.0.1 80 {
                  real_server 10.0.0.2 80 {
                    HTTP_GET {
                      url {
                        path /
                        bogus_url
                      }
                      bogus_http
                    }
                    bogus_rs
                  }
                }
                """);
        assertEquals(List.of(at(1, "Unknown keyword 'bogus_root'"), at(3, "Unknown keyword 'Router_id'"),
                at(6, "Unknown keyword 'bogus_instance'"), at(8, "Unknown keyword 'auth_typ'"),
                at(16, "Unknown keyword 'bogus_url'"), at(18, "Unknown keyword 'bogus_http'"),
                at(20, "Unknown keyword 'bogus_rs'")), messages());
        assertEquals(Severity.UNKNOWN_KEYWORD, diagnostics.worst());
        assertEquals(List.of("global_defs", "vrrp_instance", "virtual_server"),
                root.children().stream().map(ConfigNode::keyword).toList());
        assertEquals(List.of(), only(root, "global_defs").children());
    }

    @Test
    void anUnknownKeywordsBlockIsReadAsTheEnclosingBlockAndItsBraceClosesThatBlock() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  bogus_block {
                     priority 100
                  }
                  state BACKUP
                }
                """);
        assertEquals(List.of(at(4, "Unknown keyword 'bogus_block'"), at(4, "Unexpected '{' - ignoring"),
                at(7, "Unknown keyword 'state'"), at(8, "Unknown keyword '}'")), messages());
        assertEquals(List.of("interface", "virtual_router_id", "priority"),
                only(root, "vrrp_instance").children().stream().map(ConfigNode::keyword).toList());
    }

    @Test
    void aBlockKeywordWithoutItsBraceTakesTheNextLinesAsItsKeywords() {
        ConfigNode root = parse("""
                vrrp_instance VI_1
                  priority 50
                }
                vrrp_script chk
                {
                  interval 2
                }
                """);
        assertEquals(List.of(at(2, "Missing '{' at beginning of configuration block"), at(3, "Extra '}' found")),
                messages());
        assertEquals(Severity.UNEXPECTED_EOB, diagnostics.worst());
        assertEquals(List.of("priority"), only(root, "vrrp_instance").children().stream().map(ConfigNode::keyword)
                .toList());
        assertEquals(List.of("interval", "2"), words(only(only(root, "vrrp_script"), "interval")));
    }

    @Test
    void anExtraClosingBraceAtTheTopIsAlsoAnUnknownKeyword() {
        parse("""
                global_defs {
                }
                }
                """);
        assertEquals(List.of(at(3, "Extra '}' found"), at(3, "Unknown keyword '}'")), messages());
    }

    @Test
    void anOpeningBraceAtTheTopIsIgnoredAndCountedAsMissingItsClosingBrace() {
        parse("""
                {
                global_defs {
                }
                """);
        assertEquals(List.of(at(1, "Unexpected '{' - ignoring"), "There are 1 missing '}'s or extra '{'s"),
                messages());
        assertNull(diagnostics.list().get(1).location());
        assertEquals(Severity.MISSING_EOB, diagnostics.list().get(1).severity());
    }

    @Test
    void missingClosingBracesAreCountedAtTheEndOfTheInput() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  virtual_ipaddress {
                    10.0.0.1
                  }
                vrrp_instance VI_2 {
                  priority 1
                """);
        assertEquals(List.of(at(5, "Unknown keyword 'vrrp_instance'"), at(5, "Unexpected '{' - ignoring"),
                "There are 2 missing '}'s or extra '{'s"), messages());
        assertEquals(List.of("virtual_ipaddress", "priority"),
                only(root, "vrrp_instance").children().stream().map(ConfigNode::keyword).toList());
    }

    @Test
    void valueBlocksTakeItemsFromTheOpeningLineTheirOwnLinesAndTheClosingLine() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  virtual_ipaddress { 10.0.0.1 10.0.0.2 }
                  virtual_ipaddress_excluded { 10.0.1.1
                    10.0.1.2 }
                  unicast_peer
                  {
                    10.0.2.1
                  }
                  track_script {
                  }
                  virtual_routes "{" 10.0.3.0/24 via 10.0.0.254 "}"
                  priority 50
                }
                """);
        assertEquals(List.of(), messages());
        ConfigNode instance = only(root, "vrrp_instance");
        assertEquals(List.of(List.of("10.0.0.1", "10.0.0.2")),
                only(instance, "virtual_ipaddress").children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of(List.of("10.0.1.1"), List.of("10.0.1.2")),
                only(instance, "virtual_ipaddress_excluded").children().stream().map(TreeParserTest::words)
                        .toList());
        assertEquals(List.of(3, 4), only(instance, "virtual_ipaddress_excluded").children().stream()
                .map(n -> n.location().line()).toList());
        assertEquals(List.of(List.of("10.0.2.1")),
                only(instance, "unicast_peer").children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of(), only(instance, "track_script").children());
        ConfigNode routes = only(instance, "virtual_routes");
        assertEquals(List.of(), routes.args());
        assertEquals(List.of(List.of("10.0.3.0/24", "via", "10.0.0.254")),
                routes.children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of("50"), only(instance, "priority").args());
    }

    @Test
    void aValueBlockWithoutItsBraceIsLoggedAndItsClosingBraceUnbalancesTheCount() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress
                    10.0.0.1
                  }
                  unicast_peer foo {
                    10.0.0.2
                  }
                }
                """);
        assertEquals(List.of(at(5, "'{' missing from beginning of block virtual_ipaddress"),
                at(7, "Block unicast_peer has extra parameters foo ..."), at(10, "Extra '}' found")), messages());
        assertEquals(Severity.OK, diagnostics.list().get(0).severity());
        assertEquals(Severity.GENERAL_ERROR, diagnostics.list().get(1).severity());
        ConfigNode instance = only(root, "vrrp_instance");
        assertEquals(List.of("10.0.0.1"), only(instance, "virtual_ipaddress").children().stream()
                .map(ConfigNode::keyword).toList());
        assertEquals(List.of("foo"), only(instance, "unicast_peer").args());
        assertEquals(List.of("10.0.0.2"), only(instance, "unicast_peer").children().stream()
                .map(ConfigNode::keyword).toList());
    }

    @Test
    void aValueBlockWithoutBraceEndsAtTheFirstClosingBrace() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  track_interface
                  }
                  bogus
                }
                """);
        assertEquals(List.of(at(3, "'{' missing from beginning of block track_interface"),
                at(4, "Unknown keyword 'bogus'"), at(5, "Extra '}' found")), messages());
        assertEquals(List.of(), only(only(root, "vrrp_instance"), "track_interface").children());
    }

    @Test
    void aVirtualServerGroupKeepsItsNameAsArgument() {
        ConfigNode root = parse("""
                virtual_server_group G1 {
                  10.0.0.1 80
                  10.0.0.2-10 80
                  fwmark 7
                }
                """);
        assertEquals(List.of(), messages());
        ConfigNode group = only(root, "virtual_server_group");
        assertEquals(List.of("G1"), group.args());
        assertEquals(List.of("10.0.0.1", "10.0.0.2-10", "fwmark"),
                group.children().stream().map(ConfigNode::keyword).toList());
    }

    @Test
    void aVirtualServerGroupWithoutNameEndsTheReadWithStatus2() {
        ConfigAbort abort = assertThrows(ConfigAbort.class, () -> parse("virtual_server_group\n"));
        assertEquals(2, abort.exitStatus());
        assertEquals(at(1, "*** Configuration line starting `virtual_server_group` is missing a parameter after"
                + " keyword `virtual_server_group` at word position 2"), abort.diagnostic().render());
        assertEquals(Severity.MISSING_PARAMETER, abort.diagnostic().severity());
    }

    @Test
    void aVirtualServerGroupWithExtraWordsOrNoBraceEndsTheReadAsKeepalivedsNullKeywordDoes() {
        String missing = "*** Configuration line starting `***MISSING ***` is missing a parameter at word position 1";
        ConfigAbort extra = assertThrows(ConfigAbort.class, () -> parse("virtual_server_group G1 extra {\n"));
        assertEquals(at(1, missing), extra.diagnostic().render());
        ConfigAbort noBrace = assertThrows(ConfigAbort.class, () -> parse("virtual_server_group G2\n 10.0.0.2 80\n}"));
        assertEquals(at(2, missing), noBrace.diagnostic().render());
        assertEquals(2, noBrace.exitStatus());
    }

    @Test
    void checkersNestFourLevelsDeep() {
        ConfigNode root = parse("""
                virtual_server 10.0.0.1 443 {
                  delay_loop 6
                  real_server 10.0.0.2 443 {
                    weight 1
                    SSL_GET {
                      url {
                        path /health
                        digest 640205b7b0fc66c1ea91c463fac6334d
                      }
                      url { path /other
                        status_code 200 }
                      connect_timeout 3
                    }
                  }
                }
                """);
        assertEquals(List.of(), messages());
        ConfigNode check = only(only(only(root, "virtual_server"), "real_server"), "SSL_GET");
        List<ConfigNode> urls = check.children("url");
        assertEquals(2, urls.size());
        assertEquals(List.of("path", "/health"), words(urls.get(0).children().get(0)));
        assertEquals(List.of(List.of("path", "/other"), List.of("status_code", "200")),
                urls.get(1).children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of("3"), only(check, "connect_timeout").args());
    }

    @Test
    void keywordsAreCaseSensitive() {
        ConfigNode root = parse("""
                VRRP_INSTANCE VI_1 {
                }
                """);
        assertEquals(List.of(at(1, "Unknown keyword 'VRRP_INSTANCE'"), at(1, "Unexpected '{' - ignoring"),
                at(2, "Unknown keyword '}'")), messages());
        assertEquals(List.of(), root.children());
    }

    @Test
    void aNamelessBlockIsKeptForTheModelBuilderToReject() {
        ConfigNode root = parse("""
                vrrp_instance {
                  priority 50
                }
                """);
        assertEquals(List.of(), messages());
        ConfigNode instance = only(root, "vrrp_instance");
        assertEquals(List.of(), instance.args());
        assertEquals(List.of("priority"), instance.children().stream().map(ConfigNode::keyword).toList());
    }

    @Test
    void theParentsReadingSkipsTheBlocksOfOtherProcessesByCountingBraces() {
        String config = """
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress "{" 10.0.0.1 "}"
                  priority 50
                  virtual_ipaddress_excluded { 10.0.1.1
                    10.0.1.2 }
                  track_interface
                  }
                  bogus
                }
                """;
        ConfigNode root = parse(config, ProcessReading.PARENT);
        assertEquals(List.of(at(10, "Unknown keyword 'bogus'"), at(11, "Extra '}' found"),
                at(11, "Unknown keyword '}'")), messages());
        assertEquals(List.of(), only(root, "vrrp_instance").children());
    }

    @Test
    void theVrrpReadingOfTheSameTextReadsTheInstance() {
        ConfigNode root = parse("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 5
                  virtual_ipaddress "{" 10.0.0.1 "}"
                  priority 50
                  virtual_ipaddress_excluded { 10.0.1.1
                    10.0.1.2 }
                  track_interface
                  }
                  bogus
                }
                """, ProcessReading.VRRP);
        assertEquals(List.of(at(9, "'{' missing from beginning of block track_interface"),
                at(10, "Unknown keyword 'bogus'"), at(11, "Extra '}' found")), messages());
        assertEquals(List.of(List.of("10.0.0.1")), only(only(root, "vrrp_instance"), "virtual_ipaddress").children()
                .stream().map(TreeParserTest::words).toList());
    }

    @Test
    void anInactiveBlockKeywordWithoutBraceStopsSkippingAtTheNextLine() {
        parse("""
                vrrp_instance
                  priority 50
                global_defs {
                  bogus_global 1
                }
                """, ProcessReading.PARENT);
        assertEquals(List.of(at(2, "Unknown keyword 'priority'"), at(4, "Unknown keyword 'bogus_global'")),
                messages());
    }

    private static final String BRACE_TORTURE = """
            virtual_server 10.0.0.1 80 {
              real_server 10.0.0.2 80 {
                weird { nested { deep } }
                TCP_CHECK { connect_timeout 3 }
              }
              delay_loop 5
            }}
            static_ipaddress
            { 10.1.1.1/24 dev eth0
            }
            static_routes
              10.2.0.0/16 via 10.1.1.254
            }
            {{
            vrrp_script s { script "/bin/true" }
            garp_group { interface eth0 interfaces { eth1
            eth2 } }
            track_group { group { VI_1 } }
            """;

    @Test
    void theCheckerReadingOfBraceTortureMatchesKeepalived() {
        parse(BRACE_TORTURE, ProcessReading.CHECKER);
        assertEquals(List.of(at(3, "Unknown keyword 'weird'"), at(3, "Unexpected '{' - ignoring"),
                at(3, "Unknown keyword 'nested'"), at(3, "Unexpected '{' - ignoring"), at(3, "Unknown keyword 'deep'"),
                at(4, "Unknown keyword 'TCP_CHECK'"), at(4, "Unexpected '{' - ignoring"),
                at(4, "Unknown keyword 'connect_timeout'"), at(4, "Unknown keyword '}'"), at(5, "Unknown keyword '}'"),
                at(6, "Unknown keyword 'delay_loop'"), at(7, "Unknown keyword '}'"), at(7, "Extra '}' found"),
                at(7, "Unknown keyword '}'"), at(12, "Unknown keyword '10.2.0.0/16'"), at(13, "Extra '}' found"),
                at(13, "Unknown keyword '}'"), at(14, "Unexpected '{' - ignoring"), at(14, "Unexpected '{' - ignoring"),
                "There are 2 missing '}'s or extra '{'s"), messages());
    }

    @Test
    void theVrrpReadingOfBraceTortureMatchesKeepalived() {
        ConfigNode root = parse(BRACE_TORTURE, ProcessReading.VRRP);
        assertEquals(List.of(at(7, "Extra '}' found"), at(7, "Unknown keyword '}'"),
                at(12, "'{' missing from beginning of block static_routes"), at(13, "Extra '}' found"),
                at(14, "Unexpected '{' - ignoring"), at(14, "Unexpected '{' - ignoring"),
                at(16, "Unexpected '{' - ignoring"), at(16, "Unknown keyword 'eth1'"), at(17, "Unknown keyword 'eth2'"),
                at(17, "Unknown keyword '}'"), "There are 2 missing '}'s or extra '{'s"), messages());
        assertEquals(List.of(List.of("10.1.1.1/24", "dev", "eth0")),
                only(root, "static_ipaddress").children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of(List.of("10.2.0.0/16", "via", "10.1.1.254")),
                only(root, "static_routes").children().stream().map(TreeParserTest::words).toList());
        assertEquals(List.of(List.of("interface", "eth0", "interfaces")),
                only(root, "garp_group").children().stream().map(TreeParserTest::words).toList());
    }

    @Test
    void aBlockKeywordWithoutBraceInTheParentsReadingSwallowsTheNextLine() {
        parse("""
                global_defs
                  router_id x
                  notification_email
                  a@b
                  }
                }
                """, ProcessReading.PARENT);
        assertEquals(List.of(at(2, "Missing '{' at beginning of configuration block"),
                at(4, "'{' missing from beginning of block notification_email"), at(5, "Extra '}' found"),
                at(6, "Extra '}' found")), messages());
    }

    @Test
    void linesWithoutWordsAreSkipped() {
        List<Line> lines = List.of(new Line(new Location(TestLines.FILE, 1), List.of(), "\""),
                new Line(new Location(TestLines.FILE, 2), List.of("instance", "x"), "instance x"));
        ConfigNode root = TreeParser.parse(lines, diagnostics);
        assertEquals(List.of(), messages());
        assertEquals(List.of("x"), only(root, "instance").args());
    }
}
