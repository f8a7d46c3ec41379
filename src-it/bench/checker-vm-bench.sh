#!/bin/bash
# Usage (in the IPVS VM, through run-checker-vm-bench.sh): checker-vm-bench.sh TCP HTTP WARMUP SECONDS
# keepalived 2.2.7's checker process (keepalived -C), then ours (bin/keepalived -C, which drives IPVS the same way), on
# the same config of TCP TCP_CHECK and HTTP HTTP_GET real servers at delay_loop 1 against one loopback listener: for
# each, CPU over SECONDS after WARMUP, RSS, the IPVS destinations it set up and the checkers it logged as failed.
set -euo pipefail
. "$(dirname "$(readlink -f "$0")")/checker-bench-lib.sh"
tcp=$1 http=$2 warmup=$3 measured=$4
work=/run/checker-bench
mkdir -p "$work"
ip link set lo up
cb_config "$tcp" "$http" >"$work/keepalived.conf"
cb_listener "$CB_ROOT/packaging/target/lib/*" "$work/listener.log"
trap 'kill $CB_LISTENER 2>/dev/null || true' EXIT

# run NAME PID-TO-MEASURE-COMMAND KEEPALIVED...: starts it on the config, measures, stops it
run() {
    local name=$1 which=$2 pid measured_pid
    shift 2
    "$@" -C -n -l -f "$work/keepalived.conf" -p "$work/$name.pid" -c "$work/$name-checkers.pid" \
        >"$work/$name.log" 2>&1 &
    pid=$!
    sleep "$warmup"
    measured_pid=$(if [[ $which == child ]]; then cat "$work/$name-checkers.pid"; else echo "$pid"; fi)
    cb_measure "$name" "$measured_pid" "$measured"
    echo "$name: IPVS destinations $(ipvsadm -Ln | grep -c -- '-> 127\.'), checkers logged failed" \
        "$(grep -c -e 'failed' -e 'timeout' "$work/$name.log" || true), log lines $(wc -l <"$work/$name.log")"
    kill -TERM "$pid"
    wait "$pid" || true
}

echo "VM: $(nproc) CPU(s), $(awk '/MemTotal/ { printf "%d MiB", $2 / 1024 }' /proc/meminfo), $(uname -r);" \
    "$tcp TCP_CHECK and $http HTTP_GET real servers, delay_loop 1"
run "keepalived 2.2.7 checker process" child /usr/sbin/keepalived
run "jkeepalived -C" main "$CB_ROOT/bin/keepalived"
