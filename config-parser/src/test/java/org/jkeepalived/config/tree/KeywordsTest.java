package org.jkeepalived.config.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KeywordsTest {
    /** keepalived 2.2.7's (block, keyword) pairs, replayed from its install_keyword* calls; (D) = deprecated. */
    private static final String PAIRS = """
            [] linkbeat_use_polling, net_namespace, net_namespace_ipvs, namespace_with_ipsets, use_pid_dir, instance,
              child_wait_time, global_defs, track_group, static_ipaddress, static_routes, static_rules,
              vrrp_sync_group, garp_group, linkbeat_interfaces, vrrp_instance, vrrp_script, vrrp_track_process,
              interface_up_down_delays, SSL, virtual_server_group, virtual_server, bfd_instance, track_file,
              vrrp_track_file (D)
            [global_defs] process_names, process_name, vrrp_process_name, checker_process_name,
              lvs_process_name (D), bfd_process_name, router_id, notification_email_from, smtp_server,
              smtp_helo_name, smtp_connect_timeout, notification_email, smtp_alert, startup_script,
              startup_script_timeout, shutdown_script, shutdown_script_timeout, max_auto_priority,
              min_auto_priority_delay, smtp_alert_vrrp, smtp_alert_checker, checker_log_all_failures,
              dynamic_interfaces, no_email_faults, default_interface, disable_local_igmp, lvs_timeouts, lvs_flush,
              lvs_flush_on_stop, lvs_flush_onstop (D), lvs_sync_daemon, vrrp_mcast_group4, vrrp_mcast_group6,
              vrrp_garp_master_delay, vrrp_garp_master_repeat, vrrp_garp_master_refresh,
              vrrp_garp_master_refresh_repeat, vrrp_garp_lower_prio_delay, vrrp_garp_lower_prio_repeat,
              vrrp_down_timer_adverts, vrrp_garp_interval, vrrp_gna_interval, vrrp_min_garp, vrrp_garp_extra_if,
              vrrp_vmac_garp_intvl (D), vrrp_lower_prio_no_advert, vrrp_higher_prio_send_advert, vrrp_version,
              vrrp_iptables, vrrp_ipsets, nftables, nftables_priority, nftables_ifindex, nftables_ipvs,
              nftables_ipvs_priority, nftables_ipvs_start_fwmark, nftables_counters, vrrp_check_unicast_src,
              vrrp_skip_check_adv_addr, vrrp_strict, vrrp_priority, vrrp_no_swap, vrrp_rt_priority,
              vrrp_cpu_affinity, vrrp_rlimit_rttime, vrrp_rlimit_rtime (D), notify_fifo, notify_fifo_script,
              vrrp_notify_fifo, vrrp_notify_fifo_script, vrrp_notify_priority_changes,
              fifo_write_vrrp_states_on_reload, lvs_notify_fifo, lvs_notify_fifo_script, checker_priority,
              checker_no_swap, checker_rt_priority, checker_cpu_affinity, checker_rlimit_rttime,
              checker_rlimit_rtime (D), bfd_priority, bfd_no_swap, bfd_rt_priority, bfd_cpu_affinity,
              bfd_rlimit_rttime, bfd_rlimit_rtime (D), snmp_socket, enable_traps, enable_snmp_vrrp,
              enable_snmp_keepalived (D), enable_snmp_rfc, enable_snmp_rfcv2, enable_snmp_rfcv3,
              enable_snmp_checker, enable_dbus, dbus_service_name, script_user, enable_script_security,
              vrrp_netlink_cmd_rcv_bufs, vrrp_netlink_cmd_rcv_bufs_force, vrrp_netlink_monitor_rcv_bufs,
              vrrp_netlink_monitor_rcv_bufs_force, process_monitor_rcv_bufs, process_monitor_rcv_bufs_force,
              lvs_netlink_cmd_rcv_bufs, lvs_netlink_cmd_rcv_bufs_force, lvs_netlink_monitor_rcv_bufs,
              lvs_netlink_monitor_rcv_bufs_force, rs_init_notifies, no_checker_emails, vrrp_rx_bufs_policy,
              vrrp_rx_bufs_multiplier, vrrp_startup_delay, log_unknown_vrids, vmac_prefix, vmac_addr_prefix, umask,
              random_seed, reload_check_config, reload_time_file, reload_repeat, reload_file, include_check,
              config_save_dir, tmp_config_directory, data_use_instance
            [track_group] group
            [vrrp_sync_group] group, track_interface, track_script, track_file, track_process, track_bfd,
              notify_backup, notify_master, notify_fault, notify_stop, notify, smtp_alert, global_tracking,
              sync_group_tracking_weight, notify_priority_changes
            [garp_group] garp_interval, gna_interval, interface, interfaces
            [vrrp_instance] use_vmac, use_vmac_addr, vmac_xmit_base, use_ipvlan, unicast_peer,
              unicast_fault_no_peer, check_unicast_src, old_unicast_checksum, native_ipv6, state, interface, vrf,
              dont_track_primary, track_interface, track_script, track_file, track_process, track_bfd, mcast_src_ip,
              unicast_src_ip, mcast_dst_ip, track_src_ip, virtual_router_id, unicast_ttl, version, priority,
              advert_int, virtual_ipaddress, virtual_ipaddress_excluded, promote_secondaries, linkbeat_use_polling,
              virtual_routes, virtual_rules, accept, no_accept, skip_check_adv_addr, strict_mode, preempt,
              nopreempt, preempt_delay, debug, notify_backup, notify_master, notify_fault, notify_stop,
              notify_deleted, notify, notify_master_rx_lower_pri, smtp_alert, notify_priority_changes,
              lvs_sync_daemon_interface, garp_master_delay, garp_master_refresh, garp_master_repeat,
              garp_master_refresh_repeat, garp_lower_prio_delay, garp_lower_prio_repeat, down_timer_adverts,
              garp_extra_if, vmac_garp_intvl (D), lower_prio_no_advert, higher_prio_send_advert,
              kernel_rx_buf_size, authentication
            [vrrp_instance authentication] auth_type, auth_pass
            [vrrp_script] script, interval, timeout, weight, rise, fall, user, init_fail
            [vrrp_track_process] process, param_match, weight, quorum, quorum_max, delay, terminate_delay,
              fork_delay, full_command
            [SSL] password, ca, certificate, key
            [virtual_server] ip_family, retry, delay_before_retry, warmup, connect_timeout, delay_loop,
              inhibit_on_failure, lb_algo, lvs_sched, hashed, ops, flag-1, flag-2, flag-3, sh-port, sh-fallback,
              mh-port, mh-fallback, lb_kind, lvs_method, persistence_engine, persistence_timeout,
              persistence_granularity, protocol, ha_suspend, smtp_alert, virtualhost, snmp_name, alpha, omega,
              quorum_up, quorum_down, quorum, hysteresis, weight, sorry_server, sorry_server_inhibit,
              sorry_server_lvs_method, real_server
            [virtual_server real_server] weight, lvs_method, uthreshold, lthreshold, inhibit_on_failure, notify_up,
              notify_down, alpha, retry, delay_before_retry, warmup, connect_timeout, delay_loop, smtp_alert,
              virtualhost, snmp_name, MISC_CHECK, SMTP_CHECK, TCP_CHECK, PING_CHECK, UDP_CHECK, HTTP_GET, SSL_GET,
              DNS_CHECK, FILE_CHECK, BFD_CHECK
            [virtual_server real_server MISC_CHECK] retry, delay_before_retry, warmup, delay_loop, alpha,
              log_all_failures, misc_path, misc_timeout, misc_dynamic, user
            [virtual_server real_server SMTP_CHECK] helo_name, connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures, host
            [virtual_server real_server SMTP_CHECK host] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures
            [virtual_server real_server TCP_CHECK] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures
            [virtual_server real_server PING_CHECK] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures
            [virtual_server real_server UDP_CHECK] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures,
              payload, require_reply, min_reply_length, max_reply_length
            [virtual_server real_server HTTP_GET] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures,
              nb_get_retry (D), virtualhost, http_protocol, enable_sni, fast_recovery, url
            [virtual_server real_server HTTP_GET url] path, digest, status_code, virtualhost, regex,
              regex_no_match, regex_options, regex_min_offset, regex_max_offset, regex_stack
            [virtual_server real_server SSL_GET] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures,
              nb_get_retry (D), virtualhost, http_protocol, enable_sni, fast_recovery, url
            [virtual_server real_server SSL_GET url] path, digest, status_code, virtualhost, regex, regex_no_match,
              regex_options, regex_min_offset, regex_max_offset, regex_stack
            [virtual_server real_server DNS_CHECK] connect_ip, connect_port, bindto, bind_port, bind_if,
              connect_timeout, fwmark, retry, delay_before_retry, warmup, delay_loop, alpha, log_all_failures, type,
              name
            [virtual_server real_server FILE_CHECK] track_file, weight
            [virtual_server real_server BFD_CHECK] name, alpha
            [bfd_instance] source_ip, neighbor_ip, neighbour_ip, min_rx, min_tx, idle_tx, multiplier, passive, ttl,
              hoplimit, max_hops, weight, vrrp, checker
            [track_file] file, weight, init_file
            [vrrp_track_file] file, weight, init_file
            """;

    /** Every handler that reads its block with alloc_value_block or read_value_block. */
    private static final Set<String> VALUE_BLOCKS = Set.of("global_defs notification_email", "static_ipaddress",
            "static_routes", "static_rules", "linkbeat_interfaces", "interface_up_down_delays", "virtual_server_group",
            "track_group group", "vrrp_sync_group group", "vrrp_sync_group track_interface",
            "vrrp_sync_group track_script", "vrrp_sync_group track_file", "vrrp_sync_group track_process",
            "vrrp_sync_group track_bfd", "garp_group interfaces", "vrrp_instance unicast_peer",
            "vrrp_instance track_interface", "vrrp_instance track_script", "vrrp_instance track_file",
            "vrrp_instance track_process", "vrrp_instance track_bfd", "vrrp_instance virtual_ipaddress",
            "vrrp_instance virtual_ipaddress_excluded", "vrrp_instance virtual_routes",
            "vrrp_instance virtual_rules");

    /** Block path (space separated, "" for the top level) to its keywords as written above. */
    private static Map<String, List<String>> expectedBlocks() {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String path = null;
        for (String line : PAIRS.split("\n")) {
            String rest = line.strip();
            if (rest.startsWith("[")) {
                path = rest.substring(1, rest.indexOf(']'));
                rest = rest.substring(rest.indexOf(']') + 1);
            }
            for (String keyword : rest.split(",")) {
                if (!keyword.isBlank()) {
                    blocks.computeIfAbsent(path, p -> new ArrayList<>()).add(keyword.strip());
                }
            }
        }
        return blocks;
    }

    /** Every block reachable from the top level, by path, walking the table the way the parser does. */
    private static Map<String, BlockSpec> actualBlocks() {
        Map<String, BlockSpec> blocks = new LinkedHashMap<>();
        collect("", Keywords.ROOT, blocks);
        return blocks;
    }

    private static void collect(String path, BlockSpec block, Map<String, BlockSpec> blocks) {
        blocks.put(path, block);
        for (KeywordSpec keyword : block.keywords()) {
            if (keyword.opensSubBlock()) {
                collect(path.isEmpty() ? keyword.name() : path + " " + keyword.name(), keyword.subBlock(), blocks);
            }
        }
    }

    private static List<String> written(KeywordSpec keyword) {
        return List.of(keyword.deprecated() ? keyword.name() + " (D)" : keyword.name());
    }

    @Test
    void everyBlockHasExactlyKeepalivedsKeywordsInInstallOrder() {
        Map<String, BlockSpec> actual = actualBlocks();
        Map<String, List<String>> expected = expectedBlocks();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, keywords) -> assertEquals(keywords,
                actual.get(path).keywords().stream().flatMap(k -> written(k).stream()).toList(), path));
    }

    @Test
    void thereAre501PairsAnd337Spellings() {
        Map<String, BlockSpec> blocks = actualBlocks();
        assertEquals(501, blocks.values().stream().mapToInt(b -> b.keywords().size()).sum());
        Set<String> spellings = new TreeSet<>();
        blocks.values().forEach(b -> b.keywords().forEach(k -> spellings.add(k.name())));
        assertEquals(337, spellings.size());
    }

    @Test
    void exactlyTheValueBlockHandlersReadValueBlocks() {
        Set<String> valueBlocks = new TreeSet<>();
        actualBlocks().forEach((path, block) -> block.keywords().stream()
                .filter(k -> k.kind() == KeywordKind.VALUE_BLOCK)
                .forEach(k -> valueBlocks.add(path.isEmpty() ? k.name() : path + " " + k.name())));
        assertEquals(new TreeSet<>(VALUE_BLOCKS), valueBlocks);
    }

    @Test
    void elevenPairsAreMarkedDeprecated() {
        long deprecated = actualBlocks().values().stream()
                .flatMap(b -> b.keywords().stream()).filter(KeywordSpec::deprecated).count();
        assertEquals(11, deprecated);
    }

    @Test
    void keywordLookupIsCaseSensitive() {
        assertTrue(Keywords.ROOT.keyword("vrrp_instance").isPresent());
        assertTrue(Keywords.ROOT.keyword("VRRP_INSTANCE").isEmpty());
        assertTrue(Keywords.ROOT.keyword("virtual_server").orElseThrow().subBlock().keyword("real_server")
                .orElseThrow().subBlock().keyword("http_get").isEmpty());
    }

    @Test
    void onlyTheProcessThatOwnsARootBlockReadsIt() {
        assertTrue(ProcessReading.PARENT.isActive("global_defs"));
        assertTrue(!ProcessReading.VRRP.isActive("global_defs"));
        assertTrue(ProcessReading.VRRP.isActive("bfd_instance") && ProcessReading.CHECKER.isActive("bfd_instance"));
        assertTrue(!ProcessReading.CHECKER.isActive("vrrp_instance"));
        Keywords.ROOT.keywords().forEach(k -> assertTrue(ProcessReading.ALL.isActive(k.name())));
        Keywords.ROOT.keywords().forEach(k -> assertTrue(ProcessReading.PARENT.isActive(k.name())
                || ProcessReading.CHECKER.isActive(k.name()) || ProcessReading.VRRP.isActive(k.name()), k.name()));
    }
}
