package org.jkeepalived.config.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyword grammar of keepalived 2.2.7 as built with every option the Debian package enables: each block with its
 * keywords in install order (global_parser.c, vrrp_parser.c, check_parser.c and check_*.c, bfd_parser.c,
 * track_file.c). 501 (block, keyword) pairs.
 */
public final class Keywords {

    private static final BlockSpec URL = new Builder()
            .plain("path", "digest", "status_code", "virtualhost", "regex", "regex_no_match", "regex_options",
                    "regex_min_offset", "regex_max_offset", "regex_stack")
            .build("url");

    /** HTTP_GET and SSL_GET install the same keywords. */
    private static final Builder HTTP_CHECK = checkerCommon(true)
            .deprecated("nb_get_retry")
            .plain("virtualhost", "http_protocol", "enable_sni", "fast_recovery")
            .sub(URL);

    private static final BlockSpec REAL_SERVER = new Builder()
            .plain("weight", "lvs_method", "uthreshold", "lthreshold", "inhibit_on_failure", "notify_up",
                    "notify_down", "alpha", "retry", "delay_before_retry", "warmup", "connect_timeout", "delay_loop",
                    "smtp_alert", "virtualhost", "snmp_name")
            .sub(checkerCommon(false).plain("misc_path", "misc_timeout", "misc_dynamic", "user")
                    .build("MISC_CHECK"))
            .sub(new Builder().plain("helo_name").keywordsOf(checkerCommon(true))
                    .sub(checkerCommon(true).build("host"))
                    .build("SMTP_CHECK"))
            .sub(checkerCommon(true).build("TCP_CHECK"))
            .sub(checkerCommon(true).build("PING_CHECK"))
            .sub(checkerCommon(true).plain("payload", "require_reply", "min_reply_length", "max_reply_length")
                    .build("UDP_CHECK"))
            .sub(HTTP_CHECK.build("HTTP_GET"))
            .sub(HTTP_CHECK.build("SSL_GET"))
            .sub(checkerCommon(true).plain("type", "name").build("DNS_CHECK"))
            .sub(new Builder().plain("track_file", "weight").build("FILE_CHECK"))
            .sub(new Builder().plain("name", "alpha").build("BFD_CHECK"))
            .build("real_server");

    private static final BlockSpec GLOBAL_DEFS = new Builder()
            .plain("process_names", "process_name", "vrrp_process_name", "checker_process_name")
            .deprecated("lvs_process_name")
            .plain("bfd_process_name", "router_id", "notification_email_from", "smtp_server", "smtp_helo_name",
                    "smtp_connect_timeout")
            .values("notification_email")
            .plain("smtp_alert", "startup_script", "startup_script_timeout", "shutdown_script",
                    "shutdown_script_timeout", "max_auto_priority", "min_auto_priority_delay", "smtp_alert_vrrp",
                    "smtp_alert_checker", "checker_log_all_failures", "dynamic_interfaces", "no_email_faults",
                    "default_interface", "disable_local_igmp", "lvs_timeouts", "lvs_flush", "lvs_flush_on_stop")
            .deprecated("lvs_flush_onstop")
            .plain("lvs_sync_daemon", "vrrp_mcast_group4", "vrrp_mcast_group6", "vrrp_garp_master_delay",
                    "vrrp_garp_master_repeat", "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat",
                    "vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_repeat", "vrrp_down_timer_adverts",
                    "vrrp_garp_interval", "vrrp_gna_interval", "vrrp_min_garp", "vrrp_garp_extra_if")
            .deprecated("vrrp_vmac_garp_intvl")
            .plain("vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert", "vrrp_version", "vrrp_iptables",
                    "vrrp_ipsets", "nftables", "nftables_priority", "nftables_ifindex", "nftables_ipvs",
                    "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "nftables_counters",
                    "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_strict", "vrrp_priority",
                    "vrrp_no_swap", "vrrp_rt_priority", "vrrp_cpu_affinity", "vrrp_rlimit_rttime")
            .deprecated("vrrp_rlimit_rtime")
            .plain("notify_fifo", "notify_fifo_script", "vrrp_notify_fifo", "vrrp_notify_fifo_script",
                    "vrrp_notify_priority_changes", "fifo_write_vrrp_states_on_reload", "lvs_notify_fifo",
                    "lvs_notify_fifo_script", "checker_priority", "checker_no_swap", "checker_rt_priority",
                    "checker_cpu_affinity", "checker_rlimit_rttime")
            .deprecated("checker_rlimit_rtime")
            .plain("bfd_priority", "bfd_no_swap", "bfd_rt_priority", "bfd_cpu_affinity", "bfd_rlimit_rttime")
            .deprecated("bfd_rlimit_rtime")
            .plain("snmp_socket", "enable_traps", "enable_snmp_vrrp")
            .deprecated("enable_snmp_keepalived")
            .plain("enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_snmp_checker", "enable_dbus",
                    "dbus_service_name", "script_user", "enable_script_security", "vrrp_netlink_cmd_rcv_bufs",
                    "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
                    "vrrp_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs",
                    "process_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
                    "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force", "rs_init_notifies",
                    "no_checker_emails", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier", "vrrp_startup_delay",
                    "log_unknown_vrids", "vmac_prefix", "vmac_addr_prefix", "umask", "random_seed",
                    "reload_check_config", "reload_time_file", "reload_repeat", "reload_file", "include_check",
                    "config_save_dir", "tmp_config_directory", "data_use_instance")
            .build("global_defs");

    private static final BlockSpec VRRP_SYNC_GROUP = new Builder()
            .values("group", "track_interface", "track_script", "track_file", "track_process", "track_bfd")
            .plain("notify_backup", "notify_master", "notify_fault", "notify_stop", "notify", "smtp_alert",
                    "global_tracking", "sync_group_tracking_weight", "notify_priority_changes")
            .build("vrrp_sync_group");

    private static final BlockSpec VRRP_INSTANCE = new Builder()
            .plain("use_vmac", "use_vmac_addr", "vmac_xmit_base", "use_ipvlan")
            .values("unicast_peer")
            .plain("unicast_fault_no_peer", "check_unicast_src", "old_unicast_checksum", "native_ipv6", "state",
                    "interface", "vrf", "dont_track_primary")
            .values("track_interface", "track_script", "track_file", "track_process", "track_bfd")
            .plain("mcast_src_ip", "unicast_src_ip", "mcast_dst_ip", "track_src_ip", "virtual_router_id",
                    "unicast_ttl", "version", "priority", "advert_int")
            .values("virtual_ipaddress", "virtual_ipaddress_excluded")
            .plain("promote_secondaries", "linkbeat_use_polling")
            .values("virtual_routes", "virtual_rules")
            .plain("accept", "no_accept", "skip_check_adv_addr", "strict_mode", "preempt", "nopreempt",
                    "preempt_delay", "debug", "notify_backup", "notify_master", "notify_fault", "notify_stop",
                    "notify_deleted", "notify", "notify_master_rx_lower_pri", "smtp_alert", "notify_priority_changes",
                    "lvs_sync_daemon_interface", "garp_master_delay", "garp_master_refresh", "garp_master_repeat",
                    "garp_master_refresh_repeat", "garp_lower_prio_delay", "garp_lower_prio_repeat",
                    "down_timer_adverts", "garp_extra_if")
            .deprecated("vmac_garp_intvl")
            .plain("lower_prio_no_advert", "higher_prio_send_advert", "kernel_rx_buf_size")
            .sub(new Builder().plain("auth_type", "auth_pass").build("authentication"))
            .build("vrrp_instance");

    private static final BlockSpec VIRTUAL_SERVER = new Builder()
            .plain("ip_family", "retry", "delay_before_retry", "warmup", "connect_timeout", "delay_loop",
                    "inhibit_on_failure", "lb_algo", "lvs_sched", "hashed", "ops", "flag-1", "flag-2", "flag-3",
                    "sh-port", "sh-fallback", "mh-port", "mh-fallback", "lb_kind", "lvs_method", "persistence_engine",
                    "persistence_timeout", "persistence_granularity", "protocol", "ha_suspend", "smtp_alert",
                    "virtualhost", "snmp_name", "alpha", "omega", "quorum_up", "quorum_down", "quorum", "hysteresis",
                    "weight", "sorry_server", "sorry_server_inhibit", "sorry_server_lvs_method")
            .sub(REAL_SERVER)
            .build("virtual_server");

    private static final Builder TRACK_FILE = new Builder().plain("file", "weight", "init_file");

    /** The top level of keepalived.conf. */
    public static final BlockSpec ROOT = new Builder()
            .plain("linkbeat_use_polling", "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets",
                    "use_pid_dir", "instance", "child_wait_time")
            .sub(GLOBAL_DEFS)
            .sub(new Builder().values("group").build("track_group"))
            .values("static_ipaddress", "static_routes", "static_rules")
            .sub(VRRP_SYNC_GROUP)
            .sub(new Builder().plain("garp_interval", "gna_interval", "interface")
                    .values("interfaces").build("garp_group"))
            .values("linkbeat_interfaces")
            .sub(VRRP_INSTANCE)
            .sub(new Builder().plain("script", "interval", "timeout", "weight", "rise", "fall", "user", "init_fail")
                    .build("vrrp_script"))
            .sub(new Builder()
                    .plain("process", "param_match", "weight", "quorum", "quorum_max", "delay", "terminate_delay",
                            "fork_delay", "full_command")
                    .build("vrrp_track_process"))
            .values("interface_up_down_delays")
            .sub(new Builder().plain("password", "ca", "certificate", "key").build("SSL"))
            .values("virtual_server_group")
            .sub(VIRTUAL_SERVER)
            .sub(new Builder()
                    .plain("source_ip", "neighbor_ip", "neighbour_ip", "min_rx", "min_tx", "idle_tx", "multiplier",
                            "passive", "ttl", "hoplimit", "max_hops", "weight", "vrrp", "checker")
                    .build("bfd_instance"))
            .sub(TRACK_FILE.build("track_file"))
            .deprecatedSub(TRACK_FILE.build("vrrp_track_file"))
            .build("");

    private Keywords() {
    }

    /** keepalived's install_checker_common_keywords: connection options first when the checker connects. */
    private static Builder checkerCommon(boolean connectionKeywords) {
        Builder builder = new Builder();
        if (connectionKeywords) {
            builder.plain("connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "connect_timeout",
                    "fwmark");
        }
        return builder.plain("retry", "delay_before_retry", "warmup", "delay_loop", "alpha", "log_all_failures");
    }

    /** Collects one block's keywords in install order; {@link #build(String)} names the block it makes. */
    private static final class Builder {
        private final List<KeywordSpec> keywords = new ArrayList<>();

        Builder plain(String... names) {
            return add(KeywordKind.PLAIN, false, names);
        }

        Builder values(String... names) {
            return add(KeywordKind.VALUE_BLOCK, false, names);
        }

        Builder deprecated(String name) {
            return add(KeywordKind.PLAIN, true, name);
        }

        Builder sub(BlockSpec block) {
            keywords.add(new KeywordSpec(block.name(), KeywordKind.SUB_BLOCK, block, false));
            return this;
        }

        Builder deprecatedSub(BlockSpec block) {
            keywords.add(new KeywordSpec(block.name(), KeywordKind.SUB_BLOCK, block, true));
            return this;
        }

        Builder keywordsOf(Builder other) {
            keywords.addAll(other.keywords);
            return this;
        }

        BlockSpec build(String blockName) {
            return new BlockSpec(blockName, keywords);
        }

        private Builder add(KeywordKind kind, boolean deprecated, String... names) {
            for (String keyword : names) {
                keywords.add(new KeywordSpec(keyword, kind, null, deprecated));
            }
            return this;
        }
    }
}
