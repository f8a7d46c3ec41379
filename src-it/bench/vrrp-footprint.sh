#!/bin/bash
# Memory and CPU of one master with 100 VRRP instances (VRIDs 1..100 on eth0, VRRPv2, advert_int 1, one VIP each):
# jkeepalived (ours) and keepalived 2.2.7 (real) side by side, each in its own namespace on a veth pair to a sink
# namespace. Once every instance holds its VIP, and SETTLE seconds later, the processes in each namespace (keepalived:
# parent and VRRP child; ours: one JVM) are sampled, then again SECONDS (default 60) later: RSS summed from
# /proc/PID/status, CPU from the utime+stime deltas of /proc/PID/stat.
# Prints one markdown table row per implementation on stdout.
#   usage: src-it/bench/vrrp-footprint.sh [SECONDS]
source "$(dirname "$(readlink -f "$0")")/vrrp-lib.sh"
seconds=${1:-60}
settle_seconds=5
instances=100
ticks_per_second=$(getconf CLK_TCK)

generate() {
    local vrid
    for vrid in $(seq 1 "$instances"); do
        vb_vrrp_config "VI_$vrid" MASTER "$vrid" 150 1 2 "10.1.$vrid.1"
    done
}

# all_masters NAME: whether every instance's VIP is on eth0 in namespace NAME
all_masters() {
    [ "$(ip -n "$VB_PREFIX-$1" -o addr show dev eth0 | grep -c ' 10\.1\.')" -eq "$instances" ]
}

# sample NAME: "processes rss-kB peak-rss-kB cpu-ticks" summed over the processes in namespace NAME
sample() {
    local pid processes=0 rss=0 peak=0 ticks=0
    for pid in $(ip netns pids "$VB_PREFIX-$1"); do
        [ -r "/proc/$pid/stat" ] || continue
        processes=$(( processes + 1 ))
        rss=$(( rss + $(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status") ))
        peak=$(( peak + $(awk '$1 == "VmHWM:" { print $2 }' "/proc/$pid/status") ))
        # the fields after the command name, which may hold spaces: utime and stime are the 12th and 13th
        ticks=$(( ticks + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }') ))
    done
    echo "$processes $rss $peak $ticks"
}

generate >"$VB_WORK/vrrp-$instances.conf"
vb_namespace sink
for impl in ours real; do
    vb_namespace "$impl"
    vb_link "$impl" eth0 10.0.0.1 sink "$impl" 10.0.0.2
    vb_start "$impl" "$impl" "$VB_WORK/vrrp-$instances.conf" "$impl" >/dev/null
done
for impl in ours real; do
    vb_await 60 all_masters "$impl" >/dev/null \
        || { vb_log "$impl: not all $instances instances are master"; tail -20 "$VB_WORK/$impl.log" >&2; exit 1; }
done
vb_log "footprint: $instances masters each, sampled over $seconds s"
sleep "$settle_seconds"
declare -A start_ticks
for impl in ours real; do
    read -r _ _ _ "start_ticks[$impl]" <<<"$(sample "$impl")"
done
sleep "$seconds"
for impl in ours real; do
    read -r processes rss peak ticks <<<"$(sample "$impl")"
    cpu_millis=$(( (ticks - start_ticks[$impl]) * 1000 / ticks_per_second ))
    echo "| $([ "$impl" = ours ] && echo jkeepalived || echo keepalived) | $processes | $(( rss / 1024 ))" \
        "| $(( peak / 1024 )) | $cpu_millis | $(awk -v ms="$cpu_millis" -v s="$seconds" \
        'BEGIN { printf "%.2f", ms / 10 / s }') |"
done
