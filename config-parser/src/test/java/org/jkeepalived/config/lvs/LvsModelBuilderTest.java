package org.jkeepalived.config.lvs;

import static org.jkeepalived.config.lvs.LvsFixture.at;
import static org.jkeepalived.config.lvs.LvsFixture.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jkeepalived.config.ConfigAbort;
import org.jkeepalived.config.Severity;
import org.jkeepalived.config.lvs.HttpCheck.StatusCodeRange;
import org.jkeepalived.config.lvs.LvsFixture.Loaded;
import org.jkeepalived.config.value.IpAddresses;
import org.junit.jupiter.api.Test;

class LvsModelBuilderTest {

    @Test
    void aCompleteDirectRoutingServerLoadsWithoutErrorsAndWithKeepalivedDefaults() {
        Loaded loaded = load("""
                virtual_server 192.168.1.10 443 {
                    delay_loop 6
                    lb_algo wrr
                    lb_kind DR
                    protocol TCP
                    persistence_timeout
                    real_server 192.168.1.11 443 {
                        weight 3
                        SSL_GET {
                            url {
                                path /health
                            }
                            connect_timeout 2
                        }
                    }
                }
                """);
        assertEquals(List.of(), loaded.messages());
        VirtualServer vs = loaded.config().virtualServers().get(0);
        assertEquals(new VirtualServerKey.Address(IpAddresses.parse("192.168.1.10").orElseThrow(), 443), vs.key());
        assertEquals(Optional.of(Protocol.TCP), vs.protocol());
        assertEquals("wrr", vs.scheduler());
        assertEquals(360, vs.persistenceTimeoutSecs());
        assertEquals(6_000_000, vs.delayLoopMicros());
        RealServer rs = vs.realServers().get(0);
        assertEquals(Forwarding.Method.DR, rs.forwarding().method());
        assertEquals(3, rs.weight());
        assertTrue(rs.smtpAlert(), "keepalived defaults a real server's smtp_alert to true");
        HttpCheck check = assertInstanceOf(HttpCheck.class, rs.checkers().get(0));
        assertTrue(check.tls());
        assertEquals(new CheckerTiming(false, 6_000_000, 6_000_000, 1, 3_000_000, false), check.timing());
        assertEquals(2_000_000, check.connection().connectTimeoutMicros());
        assertEquals(443, check.connection().destinationPort());
        assertEquals(List.of(new StatusCodeRange(200, 299)), check.urls().get(0).statusCodes());
    }

    @Test
    void aServerWithoutProtocolSchedulerOrMethodGetsKeepalivedsThreeDefaultsAndErrors() {
        Loaded loaded = load("""
                virtual_server 192.168.1.11 22 {
                    real_server 192.168.1.12 22 {
                        TCP_CHECK {
                        }
                    }
                }
                """);
        assertEquals(List.of(
                "Virtual server [192.168.1.11]:none:22: no protocol set - defaulting to UDP",
                "Virtual server [192.168.1.11]:udp:22: no scheduler set, setting default 'wlc'",
                "Virtual server [192.168.1.11]:udp:22: no forwarding method set, setting default NAT"),
                loaded.messages());
        assertEquals(Severity.GENERAL_ERROR, loaded.worst());
        VirtualServer vs = loaded.config().virtualServers().get(0);
        assertEquals(Optional.of(Protocol.UDP), vs.protocol());
        assertEquals(Optional.of(Forwarding.NAT), vs.forwarding());
    }

    @Test
    void handlerErrorsAndValidationWarningsMatchKeepalived() {
        Loaded loaded = load("""
                virtual_server 10.0.0.1 80 {
                    delay_loop 0
                    lb_kind DR
                    real_server 10.0.0.2 8080 {
                        HTTP_GET {
                            url {
                              path /
                              status_code 200-299 abc 600
                              digest 0123456789abcdef0123456789abcdeg
                            }
                            nb_get_retry 2
                        }
                    }
                    real_server 10.0.0.2 8080 {
                       TCP_CHECK {
                       }
                    }
                }
                virtual_server fwmark 5 {
                    protocol TCP
                    lvs_sched rr
                    lb_kind DR
                    quorum 10
                    hysteresis 20
                    real_server 10.0.0.3 53 {
                        weight 2
                        DNS_CHECK {
                           type xyz
                           name a..b
                        }
                    }
                }
                virtual_server_group G1 {
                   10.0.1.1-10 80
                   10.0.2.0/24 80
                   10.0.3.5-10.0.3.1 80
                   fwmark 7 inet
                   10.0.4.1-5x 80
                }
                virtual_server group G1 {
                   protocol TCP
                   lb_algo rr
                   lb_kind TUN type gue
                   real_server 10.0.0.9 81 {
                   }
                }
                """);
        assertEquals(List.of(
                at(2, "number '0' outside range [0.000001, 18446744073709.551614]"),
                at(2, "virtual server delay loop '0' invalid - ignoring"),
                at(8, "Invalid HTTP_GET status code 'abc'"),
                at(8, "Invalid HTTP_GET status code '600'"),
                at(9, "Unable to interpret hex digit in '0123456789abcdef0123456789abcdeg' at offset 30/31"),
                at(11, "nb_get_retry is deprecated - please use 'retry'"),
                at(28, "Unknown DNS check type xyz - ignoring"),
                at(29, "DNS_CHECK name 'a..b' has empty label - ignoring"),
                at(36, "Address range end is less than address range start - 10.0.3.5-10.0.3.1 - skipping"),
                at(38, "Virtual server group range '10.0.4.1-5x' has extra characters at end 'x'"),
                at(43, "gue tunnels require port, otherwise cannot have port."),
                "Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP",
                "Virtual server [10.0.0.1]:udp:80: no scheduler set, setting default 'wlc'",
                "VS [10.0.0.1]:udp:80: real server [10.0.0.2]:udp:8080 is duplicated - removing second rs",
                "WARNING - virtual server [10.0.0.1]:udp:80 and real server [10.0.0.2]:udp:8080 ports don't match"
                        + " - resetting",
                "Warning: Virtual server FWM 5: protocol specified for fwmark - protocol will be ignored",
                "Warning - quorum 10 for FWM 5 exceeds total weight of real servers 2, reducing quorum to 2",
                "Virtual server FWM 5: hysteresis 20 >= quorum 2; setting hysteresis to 1",
                "WARNING - fwmark virtual server FWM 5, real server [10.0.0.3]:none:53 has port specified - clearing",
                "WARNING - fwmark virtual server [G1]:0, real server [10.0.0.9]:tcp:81 has port specified - port will"
                        + " be ignored",
                "virtual server [G1]:0:[10.0.1.1-10.0.1.10,80] and real server [10.0.0.9]:tcp:81 ports don't match",
                "virtual server [G1]:0:[10.0.2.0-10.0.2.255,80] and real server [10.0.0.9]:tcp:81 ports don't match"),
                loaded.messages());
        List<VirtualServer> servers = loaded.config().virtualServers();
        assertEquals(1, servers.get(0).realServers().size());
        assertEquals(80, servers.get(0).realServers().get(0).endpoint().port());
        DnsCheck dns = assertInstanceOf(DnsCheck.class, servers.get(1).realServers().get(0).checkers().get(0));
        assertEquals("SOA", dns.type());
        assertEquals(new CheckerTiming(false, 60_000_000, 60_000_000, 3, 60_000_000, false), dns.timing());
        assertEquals(Forwarding.Method.TUN, servers.get(2).realServers().get(0).forwarding().method());
        assertEquals(Forwarding.TunnelType.IPIP, servers.get(2).realServers().get(0).forwarding().tunnelType());
        assertEquals(3, loaded.config().group("G1").orElseThrow().entries().size());
    }

    @Test
    void anUnknownSchedulerIsIgnoredWithKeepalivedsMessage() {
        Loaded loaded = load("""
                virtual_server 10.1.1.1 6443 {
                    lb_algo loadbalance
                    lb_kind DR
                    protocol TCP
                    persistence_timeout 0
                    real_server 10.1.1.2 6443 {
                    }
                }
                """);
        assertEquals(List.of(
                at(2, "Invalid lvs_scheduler 'loadbalance' - ignoring"),
                at(5, "number '0' outside range [1, 2678400]"),
                at(5, "persistence_timeout invalid"),
                "Virtual server [10.1.1.1]:tcp:6443: no scheduler set, setting default 'wlc'"),
                loaded.messages());
    }

    @Test
    void aVirtualServerWithABadAddressIsSkippedWithItsBlock() {
        Loaded loaded = load("""
                virtual_server xxx.xxx.xxx.202 443 {
                    protocol TCP
                    real_server 10.0.0.2 443 {
                    }
                }
                """);
        assertEquals(List.of(at(1, "Invalid virtual server IP address/port xxx.xxx.xxx.202/443 - skipping")),
                loaded.messages());
        assertEquals(List.of(), loaded.config().virtualServers());
    }

    @Test
    void aVirtualServerWithoutRealServersIsDropped() {
        Loaded loaded = load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                }
                """);
        assertEquals(List.of("Virtual server [10.0.0.1]:tcp:80 has no real servers - ignoring"),
                loaded.messages());
        assertEquals(List.of(), loaded.config().virtualServers());
    }

    @Test
    void checkerTimingIsInheritedFromTheRealServerThenTheVirtualServerThenTheCheckerDefault() {
        Loaded loaded = load("""
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo rr
                    lb_kind NAT
                    delay_loop 10
                    retry 4
                    real_server 10.0.0.2 80 {
                        delay_before_retry 2
                        alpha
                        TCP_CHECK {
                            warmup 1
                        }
                        PING_CHECK {
                            retry 0
                            delay_loop 3
                        }
                    }
                }
                """);
        assertEquals(List.of(), loaded.messages());
        List<Checker> checkers = loaded.config().virtualServers().get(0).realServers().get(0).checkers();
        assertEquals(new CheckerTiming(true, 10_000_000, 1_000_000, 4, 2_000_000, false),
                ((TcpCheck) checkers.get(0)).timing());
        assertEquals(new CheckerTiming(true, 3_000_000, 3_000_000, 0, 2_000_000, false),
                ((PingCheck) checkers.get(1)).timing());
    }

    @Test
    void smtpHostBlocksBecomeCheckersOfTheirOwnAfterKeepalivedsRules() {
        Loaded loaded = load("""
                virtual_server 10.0.0.1 25 {
                    protocol TCP
                    lb_algo rr
                    lb_kind NAT
                    real_server 10.0.0.2 25 {
                        SMTP_CHECK {
                            helo_name mail.example.com
                            host {
                                connect_ip 10.0.0.3
                                connect_port 2525
                            }
                            host {
                                connect_ip 10.0.0.4
                            }
                        }
                    }
                }
                """);
        assertEquals(List.of(), loaded.messages());
        List<Checker> checkers = loaded.config().virtualServers().get(0).realServers().get(0).checkers();
        assertEquals(2, checkers.size());
        SmtpCheck first = (SmtpCheck) checkers.get(0);
        assertEquals("mail.example.com", first.heloName());
        assertEquals(IpAddresses.parse("10.0.0.3").orElseThrow(), first.connection().destination());
        assertEquals(2525, first.connection().destinationPort());
        assertEquals(25, ((SmtpCheck) checkers.get(1)).connection().destinationPort());
    }

    @Test
    void aFileCheckSeesOnlyTrackFilesDeclaredBeforeIt() {
        Loaded loaded = load("""
                track_file early {
                    file /run/early
                    weight 5
                }
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo rr
                    lb_kind NAT
                    real_server 10.0.0.2 80 {
                        FILE_CHECK {
                            track_file early
                            weight -10 reverse
                        }
                        FILE_CHECK {
                            track_file late
                        }
                    }
                }
                track_file late {
                    file /run/late
                }
                """);
        assertEquals(List.of(at(15, "track_file late not found"),
                at(14, "FILE_CHECK has no track_file specified - ignoring")), loaded.messages());
        List<Checker> checkers = loaded.config().virtualServers().get(0).realServers().get(0).checkers();
        assertEquals(List.of(new FileCheck(new org.jkeepalived.config.Location(LvsFixture.FILE, 10), "early",
                OptionalInt.of(-10), true)), checkers);
    }

    @Test
    void aBfdCheckNeedsABfdInstanceTheCheckerProcessTracks() {
        Loaded loaded = load("""
                bfd_instance vrrp_only {
                    neighbor_ip 10.0.0.9
                    vrrp
                }
                virtual_server 10.0.0.1 80 {
                    protocol TCP
                    lb_algo rr
                    lb_kind NAT
                    real_server 10.0.0.2 80 {
                        BFD_CHECK {
                            name vrrp_only
                        }
                    }
                }
                """);
        assertEquals(List.of(at(11, "([10.0.0.2]:tcp:80) BFD_CHECK - BFD vrrp_only not configured")),
                loaded.messages());
    }

    @Test
    void sorryServerAndRealServerPortsAreResetForDirectRouting() {
        Loaded loaded = load("""
                virtual_server 169.57.38.22 30091 {
                    protocol TCP
                    lb_algo rr
                    lb_kind DR
                    sorry_server 10.0.0.9 8080
                    sorry_server_inhibit
                    real_server 10.131.64.106 31293 {
                        inhibit_on_failure
                    }
                }
                """);
        assertEquals(List.of(
                "WARNING - virtual server [169.57.38.22]:tcp:30091 and real server [10.131.64.106]:tcp:31293 ports"
                        + " don't match - resetting",
                "WARNING - virtual server [169.57.38.22]:tcp:30091 and sorry server ports don't match - resetting"),
                loaded.messages());
        VirtualServer vs = loaded.config().virtualServers().get(0);
        assertEquals(30091, vs.realServers().get(0).endpoint().port());
        SorryServer sorry = vs.sorryServer().orElseThrow();
        assertEquals(30091, sorry.endpoint().port());
        assertTrue(sorry.inhibit());
        assertEquals(OptionalLong.empty(), vs.realServers().get(0).retry());
    }

    @Test
    void aKeywordMissingItsParameterAbortsWithExitStatusTwo() {
        ConfigAbort abort = assertThrows(ConfigAbort.class, () -> load("""
                virtual_server 10.0.0.1 80 {
                    lb_algo
                }
                """));
        assertEquals(2, abort.exitStatus());
        assertEquals(at(2, "*** Configuration line starting `lb_algo` is missing a parameter after keyword `lb_algo`"
                + " at word position 2"), abort.diagnostic().render());
    }
}
